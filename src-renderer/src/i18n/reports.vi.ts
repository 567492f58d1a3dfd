/** Vietnamese strings of the Báo cáo screen. */
export const reportsVi = {
  reports: {
    title: 'Báo cáo',
    intro:
      'Báo cáo theo thể thức Nghị định 30/2020/NĐ-CP, lấy số liệu từ sổ tại ngày chọn. Xem trước đúng như khi in; xuất Word (.docx) để sửa lời văn rồi trình ký, kèm phụ lục Excel (.xlsx), hoặc in ra PDF.',
    kind: 'Loại báo cáo',
    kinds: {
      products: 'Sản phẩm OCOP còn hiệu lực',
      plan: 'Báo cáo kết quả thực hiện kế hoạch',
      units: 'Tổng hợp theo đơn vị',
      changes: 'Biến động giữa hai ngày',
      groups: 'Theo nhóm sản phẩm',
      types: 'Theo loại hình chủ thể',
      certificates: 'Giấy chứng nhận sắp hết hạn / đã hết hạn',
      producers: 'Danh sách chủ thể',
    },
    date: 'Số liệu tính đến ngày',
    from: 'So với ngày',
    docNumber: 'Số văn bản',
    docNumberHint: 'Để trống nếu chưa lấy số',
    plan: 'Kế hoạch',
    noPlan: 'Chưa có kế hoạch nào. Hãy tạo kế hoạch ở mục Kế hoạch.',
    grouping: 'Nhóm theo',
    groupings: { stars: 'Hạng sao', units: 'Xã, phường' },
    signedOn: 'Ngày ký',
    exportDocx: 'Xuất Word (.docx)',
    exportXlsx: 'Xuất Excel (.xlsx)',
    exportAnnexXlsx: 'Xuất phụ lục ra Excel',
    content: {
      title: 'Lời văn, nơi nhận',
      intro:
        'Các phần lời văn bắt đầu từ câu tạo theo số liệu; sửa ở đây trước khi xuất, mỗi dòng là một đoạn. Phần để trống không in. Nội dung đã sửa được nhớ cho lần sau với loại báo cáo này.',
      open: 'Sửa lời văn, nơi nhận',
      regenerate: 'Tạo lại từ số liệu',
      addressees: 'Kính gửi (mỗi dòng một nơi; để trống nếu không gửi cấp trên)',
      copies: 'Nơi nhận (mỗi dòng một nơi; dòng "Lưu: VT, …" tự thêm)',
      copiesReset: 'Về nơi nhận mặc định',
      narrative: {
        general: 'Đánh giá chung',
        issues: 'Tồn tại, hạn chế',
        proposals: 'Kiến nghị, đề xuất',
      },
    },
    exportPdf: 'Xuất PDF',
    exporting: 'Đang tạo tệp…',
    saved: 'Đã lưu {name}.',
    officeMissing:
      'Thông tin cơ quan chưa đủ (tên cơ quan, người ký…): phần đầu và chữ ký của báo cáo sẽ để trống. Hãy điền ở Cài đặt.',
    goToSettings: 'Mở Cài đặt',
    moreRows: '… và {count} dòng nữa (có đủ khi xuất Excel hoặc PDF)',
  },
}
