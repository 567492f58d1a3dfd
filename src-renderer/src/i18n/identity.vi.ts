/** Vietnamese strings of the office's exchange identity (Cài đặt) and its notice in the shell. */
export const identityVi = {
  identity: {
    title: 'Danh tính trao đổi dữ liệu',
    intro:
      'Mỗi gói dữ liệu gửi cho đơn vị khác được ký bằng danh tính này, để nơi nhận biết chắc gói là của cơ quan bạn và không bị sửa dọc đường. Lần đầu nhận gói của bạn, nơi nhận hỏi mã nhận dạng khóa: hai bên đọc cho nhau qua điện thoại một lần.',
    practice:
      'Sổ thực hành không có danh tính trao đổi dữ liệu: dữ liệu mẫu không bao giờ được gửi đi.',
    create: 'Tạo danh tính',
    createTitle: 'Tạo danh tính trao đổi dữ liệu',
    created: 'Đã tạo danh tính trao đổi dữ liệu.',
    edit: 'Sửa tên và địa bàn',
    editTitle: 'Sửa tên và địa bàn của danh tính',
    saved: 'Đã lưu tên và địa bàn.',
    name: 'Tên cơ quan',
    namePlaceholder: 'Ví dụ Phòng Kinh tế thị xã Mỹ Hào',
    nameRequired: 'Nhập tên cơ quan: nơi nhận gói dữ liệu thấy tên này.',
    unit: 'Địa bàn (đơn vị hành chính)',
    unitPlaceholder: 'Chọn xã, phường trong danh sách đơn vị hành chính',
    unitHint:
      'Lấy tên và mã chính thức của đơn vị trong danh sách Đơn vị hành chính. Để trống khi cơ quan ở cấp huyện, cấp tỉnh.',
    unitWithCode: '{name} (mã {code})',
    officeId: 'Mã định danh',
    fingerprint: 'Mã nhận dạng khóa',
    fingerprintHint: 'Đọc dãy này cho nơi nhận qua điện thoại khi họ nhận gói đầu tiên của bạn.',
    selectHint: 'Bấm để chọn cả dãy, rồi Ctrl+C để sao chép.',
    otherInstall: {
      title: 'Danh tính này đang thuộc một máy khác',
      body: 'Sổ này được khôi phục từ bản sao lưu của một máy khác nên mang danh tính của máy đó. Hai máy không được gửi dữ liệu dưới cùng một danh tính: hãy chọn máy nào giữ danh tính.',
      keep: 'Máy này giữ danh tính',
      keepConfirm:
        'Máy này giữ danh tính "{name}" và gửi dữ liệu dưới danh tính đó. Máy kia phải chọn danh tính mới (Cài đặt → Danh tính trao đổi dữ liệu → Máy này nhận danh tính mới) trước khi gửi dữ liệu tiếp. Dữ liệu trong sổ không thay đổi.',
      kept: 'Máy này giữ danh tính trao đổi dữ liệu. Nhớ chọn danh tính mới ở máy kia.',
      takeNew: 'Máy này nhận danh tính mới',
      takeNewConfirm:
        'Máy này nhận danh tính mới (mã định danh và khóa mới, vẫn tên và địa bàn này). Dữ liệu đã tạo trước đây (chủ thể, sản phẩm, kết quả đánh giá, kế hoạch, đợt đánh giá) trở thành của đơn vị cũ "{name}", ở máy này chỉ xem được: đơn vị cũ sửa rồi gửi lại. Danh sách đơn vị hành chính và bộ tiêu chí vẫn của máy này. Việc này không hoàn tác được.',
      taken:
        'Máy này đã nhận danh tính mới; {count} bản ghi tạo trước đây thuộc đơn vị cũ, chỉ xem.',
    },
    notice:
      'Sổ này mang danh tính trao đổi dữ liệu của một máy khác (khôi phục từ bản sao lưu). Hãy chọn máy nào giữ danh tính trước khi gửi dữ liệu.',
    noticeLink: 'Chọn ở Cài đặt',
  },
}
