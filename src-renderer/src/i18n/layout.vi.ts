/** Vietnamese strings of the column chooser every list has, and of a row's reason in a list. */
export const layoutVi = {
  columns: {
    choose: 'Cột hiển thị ({shown}/{total})',
    title: 'Chọn các cột của bảng',
    hint: 'Bảng vừa màn hình với các cột mặc định; thêm cột thì bảng cuộn ngang.',
    reset: 'Về mặc định',
  },
  rowReason: {
    more: '(và {count} ghi chú khác)',
  },
}
