/** Vietnamese strings of a product's status and of the ranking rules in Cài đặt. */
export const statusVi = {
  productStatus: {
    'chua-danh-gia': 'Chưa đánh giá',
    'da-danh-gia': 'Đã đánh giá',
    'dat-ocop': 'Đạt OCOP',
    'sap-het-han': 'Sắp hết hạn',
    'het-han': 'Hết hạn',
    'bi-thu-hoi': 'Bị thu hồi',
  },
  productStatusFilter: 'Trạng thái',
  productStatusStars: {
    'da-danh-gia': 'Đã đánh giá {n} sao',
    'dat-ocop': 'Đạt OCOP {n} sao',
    'sap-het-han': 'Sắp hết hạn ({n} sao)',
    'het-han': 'Hết hạn ({n} sao)',
    'bi-thu-hoi': 'Bị thu hồi ({n} sao)',
  },
  rankingRules: {
    title: 'Thời hạn của kết quả 1-2 sao',
    explain:
      'Giấy chứng nhận sản phẩm OCOP 3-5 sao có giá trị 36 tháng kể từ ngày quyết định (QĐ 148/QĐ-TTg). Sản phẩm 1-2 sao không có giấy chứng nhận và văn bản không nói kết quả này được tính bao lâu, nên cơ quan tự quy định: kết quả 1-2 sao là kết quả của sản phẩm đến lần đánh giá sau, hoặc đến hết số tháng dưới đây (tính từ ngày quyết định, không có thì từ ngày đánh giá, không có nữa thì từ 31/12 của năm đánh giá), tùy điều nào đến trước. Kết quả 1-2 sao không bao giờ được tính là sản phẩm OCOP.',
    months: 'Số tháng',
    unit: 'tháng',
    range: 'Nhập một số nguyên từ 1 đến 120.',
    standsUntil: 'kết quả được tính đến hết {date}',
    saved: 'Đã lưu: kết quả 1-2 sao được tính {n} tháng.',
  },
}
