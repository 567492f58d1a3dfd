/** Vietnamese strings of the Báo cáo screen. */
export const reportsVi = {
  reports: {
    title: 'Báo cáo',
    intro:
      'Báo cáo theo thể thức Nghị định 30/2020/NĐ-CP, lấy số liệu từ sổ tại ngày chọn. Xem trước đúng như khi in; xuất Excel (.xlsx) hoặc PDF để trình ký.',
    kind: 'Loại báo cáo',
    kinds: {
      products: 'Danh sách sản phẩm OCOP',
      plan: 'Báo cáo kết quả thực hiện kế hoạch',
      units: 'Tổng hợp theo đơn vị',
      certificates: 'Giấy chứng nhận sắp hết hạn / đã hết hạn',
      producers: 'Danh sách chủ thể',
    },
    date: 'Số liệu tính đến ngày',
    docNumber: 'Số văn bản',
    docNumberHint: 'Để trống nếu chưa lấy số',
    plan: 'Kế hoạch',
    noPlan: 'Chưa có kế hoạch nào. Hãy tạo kế hoạch ở mục Kế hoạch.',
    grouping: 'Nhóm theo',
    groupings: { stars: 'Hạng sao', units: 'Xã, phường' },
    exportXlsx: 'Xuất Excel (.xlsx)',
    exportPdf: 'Xuất PDF',
    exporting: 'Đang tạo tệp…',
    saved: 'Đã lưu {name}.',
    officeMissing:
      'Thông tin cơ quan chưa đủ (tên cơ quan, người ký…): phần đầu và chữ ký của báo cáo sẽ để trống. Hãy điền ở Cài đặt.',
    goToSettings: 'Mở Cài đặt',
    moreRows: '… và {count} dòng nữa (có đủ khi xuất Excel hoặc PDF)',
  },
}
