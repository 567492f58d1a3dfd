/** Vietnamese strings of the practice register and of the first start. */
export const practiceVi = {
  practice: {
    banner: 'Đang mở sổ thực hành — DỮ LIỆU MẪU, không phải số liệu thật',
    openReal: 'Về sổ thật',
    title: 'Sổ thực hành',
    introReal:
      'Sổ thực hành là một sổ riêng chứa dữ liệu mẫu của thị xã Mỹ Hào: 16 đơn vị hành chính, 9 sản phẩm (năm 2018: 4 sản phẩm 3 sao, 4 sản phẩm 2 sao, 1 sản phẩm 4 sao), các lần đánh giá đến năm 2020 và kế hoạch 2019-2020 với chỉ tiêu của thị xã. Ở đó bạn thêm, sửa, nhập tệp, lập báo cáo thoải mái: sổ thật không bị đụng tới và giữ nguyên khi bạn quay về.',
    introPractice:
      'Bạn đang ở sổ thực hành. "Hôm nay" của sổ này là ngày 31/12/2020. Sổ thực hành không được sao lưu, và mọi báo cáo lập từ sổ này đều ghi "DỮ LIỆU MẪU".',
    open: 'Mở sổ thực hành',
    reset: 'Làm lại sổ thực hành từ đầu',
    resetConfirm:
      'Mọi thay đổi bạn đã làm trong sổ thực hành sẽ mất; sổ được nạp lại dữ liệu mẫu Mỹ Hào như lúc đầu. Sổ thật không bị ảnh hưởng.',
    noBackups:
      'Sổ thực hành không được sao lưu, để dữ liệu mẫu không lẫn với các bản sao lưu của sổ thật. Muốn làm lại từ đầu, dùng "Làm lại sổ thực hành từ đầu" ở mục Sổ thực hành.',
    noBackupsShort: 'Sổ thực hành không được sao lưu.',
    leftover: {
      title: 'Sổ thật còn dữ liệu mẫu',
      content:
        'Sổ của bạn còn {products} sản phẩm mẫu Mỹ Hào (cùng chủ thể và kết quả đánh giá mẫu) do phiên bản trước nạp vào. Nay dữ liệu mẫu nằm trong sổ thực hành riêng. Gỡ chúng khỏi sổ thật để số liệu thật không lẫn số mẫu? Các đơn vị hành chính đã nạp vẫn giữ nguyên. Câu hỏi này chỉ hỏi một lần.',
      remove: 'Gỡ dữ liệu mẫu',
      keep: 'Để lại',
      removed: 'Đã gỡ dữ liệu mẫu khỏi sổ thật ({products} sản phẩm).',
    },
  },
  firstStart: {
    title: 'Bắt đầu: danh sách xã, phường của địa bàn',
    intro:
      'Sản phẩm, chủ thể và báo cáo đều gắn với xã, phường. Chọn một cách để có danh sách đơn vị hành chính; sau này vẫn thêm, sửa được ở mục Đơn vị hành chính.',
    myHao: 'Nạp danh mục thị xã Mỹ Hào',
    myHaoHint: '13 xã, phường năm 2019 và 3 phường từ 01/07/2025 (tỉnh Hưng Yên).',
    csv: 'Nhập danh sách đơn vị từ tệp CSV…',
    csvHint:
      'Tệp CSV UTF-8, dòng đầu là tên cột: code, kind, name, valid_from, valid_to. Ví dụ một dòng: 12103,Phường,Bần Yên Nhân,,30/06/2025. Chỉ cột name là bắt buộc.',
    csvTitle: 'Chọn danh sách đơn vị (CSV)',
    csvFilter: 'Danh sách đơn vị (CSV)',
    empty: 'Bắt đầu với sổ trống',
    emptyHint: 'Tự thêm từng đơn vị ở mục Đơn vị hành chính.',
    practice: 'Chỉ muốn dùng thử trước?',
    loaded: 'Đã nạp {added} đơn vị từ "{title}".',
    loadedSkipped:
      'Đã nạp {added} đơn vị từ "{title}"; {skipped} đơn vị đã có trong sổ nên giữ nguyên.',
    failed: 'Chưa nạp được danh sách đơn vị',
  },
}
