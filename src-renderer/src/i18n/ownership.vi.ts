/** Vietnamese strings of records owned by other offices: who owns them, why they are read-only. */
export const ownershipVi = {
  ownership: {
    owner: 'Đơn vị sở hữu',
    here: 'Đơn vị này',
    all: 'Tất cả đơn vị',
    readOnly: 'Dữ liệu của {office} — chỉ xem; đơn vị đó sửa và gửi lại',
    openedForeign: '{name} là dữ liệu của {office}: chỉ xem, không sửa được ở đây.',
  },
}
