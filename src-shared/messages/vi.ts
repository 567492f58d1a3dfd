/** The catalogue in Vietnamese: what happened, where, and what to do next. */
import type { ErrorMessageParams, MessageTable, UnitSuggestion } from './catalogue'

/** 72.5 → '72,5', 60 → '60,0': scores as a score sheet writes them. */
function decimal(n: number): string {
  return (Number.isInteger(n) ? n.toFixed(1) : String(n)).replace('.', ',')
}

const names = (units: readonly UnitSuggestion[]): string => units.map((u) => u.name).join('; ')

function undoRefusal(params: ErrorMessageParams['import.undo.refused']): string {
  switch (params.reason) {
    case 'not-found':
      return 'không tìm thấy lần nhập trong lịch sử.'
    case 'already-undone':
      return 'lần nhập này đã được hoàn tác rồi.'
    case 'evaluated-later':
      return 'một sản phẩm do lần nhập thêm vào đã có đánh giá được thêm sau đó.'
    case 'edited-later':
      return `bản ghi "${params.record}" đã được sửa sau lần nhập.`
    case 'product-added-later':
      return `chủ thể do lần nhập thêm vào đã có sản phẩm "${params.product}" thêm sau đó.`
  }
}

export const vi: MessageTable = {
  location: ({ file, sheet, row, column, columnLabel }) => {
    const parts: string[] = []
    if (file !== undefined) parts.push(`Tệp ${file}`)
    if (sheet !== undefined) parts.push(`trang "${sheet}"`)
    if (row !== undefined) parts.push(`dòng ${row}`)
    if (column !== undefined) {
      parts.push(columnLabel === undefined ? `cột ${column}` : `cột ${column} (${columnLabel})`)
    }
    return `${parts.join(', ')}: `
  },
  messages: {
    MISSING_PRODUCT: () => 'thiếu tên sản phẩm (ô trống). Hãy ghi tên sản phẩm hoặc bỏ dòng này.',
    SCORE_OUT_OF_RANGE: ({ value }) =>
      `điểm ${value} không hợp lệ, điểm phải từ 0 đến 100. Hãy sửa lại điểm theo phiếu chấm.`,
    SCORE_UNREADABLE: ({ value, part }) =>
      part === undefined
        ? `không đọc được điểm "${value}"; hãy ghi một số, ví dụ 72,5.`
        : `không đọc được điểm phần ${part} "${value}"; hãy ghi một số, ví dụ 32,5.`,
    PART_ABOVE_MAX: ({ part, score, max, criteriaSet }) =>
      `điểm phần ${part} là ${decimal(score)}, vượt điểm tối đa ${decimal(max)} của phần này theo ${criteriaSet}. Hãy sửa lại theo phiếu chấm.`,
    STARS_OUT_OF_RANGE: ({ value }) =>
      `hạng sao ${value} không hợp lệ, hạng sao chỉ từ 1 đến 5. Hãy sửa lại theo quyết định công nhận.`,
    STARS_UNREADABLE: ({ value }) =>
      `không đọc được hạng sao "${value}"; hãy ghi 1 đến 5, ví dụ "3", "3 sao" hoặc "★★★".`,
    YEAR_OUT_OF_RANGE: ({ value, firstYear }) =>
      `năm công nhận ${value} không hợp lệ (chương trình OCOP bắt đầu từ năm ${firstYear}). Hãy sửa lại năm có 4 chữ số.`,
    YEAR_UNREADABLE: ({ value }) =>
      `không đọc được năm "${value}"; hãy ghi năm có 4 chữ số, ví dụ 2020.`,
    DATE_INVALID: ({ value }) =>
      `ngày quyết định "${value}" không phải là ngày; hãy ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2021.`,
    STARS_SCORE_MISMATCH: ({ score, computed, stars }) =>
      `điểm ${decimal(score)} tương ứng ${computed} sao nhưng hạng sao ghi ${stars} sao. Giữ nguyên ${stars} sao như trong tệp; đề nghị kiểm tra lại.`,
    UNKNOWN_COMMUNE: (params) => {
      if (params.reason === 'not-valid-then') {
        return `"${params.value}" không còn (hoặc chưa có) vào năm ${params.year ?? ''}: ${names(params.suggestions)}. Hãy kiểm tra năm công nhận hoặc chọn xã, phường đúng.`
      }
      const guess = params.suggestions.length > 0 ? ` Có phải: ${names(params.suggestions)}?` : ''
      return `không tìm thấy "${params.value}" trong danh mục xã, phường.${guess} Hãy chọn xã, phường đúng hoặc thêm vào danh mục.`
    },
    MISSING_COMMUNE: () => 'không rõ xã, phường của sản phẩm; hãy chọn xã, phường.',
    UNKNOWN_PRODUCER_TYPE: ({ value }) =>
      `không nhận ra loại hình chủ thể "${value}"; hãy chọn Hợp tác xã, Doanh nghiệp, Tổ hợp tác hoặc Hộ kinh doanh.`,
    DUPLICATE_ROW: ({ firstRow }) =>
      `trùng với dòng ${firstRow} (cùng tên sản phẩm, chủ thể, xã/phường và năm công nhận). Hãy bỏ một trong hai dòng hoặc xác nhận giữ cả hai.`,
    CELL_ERROR_VALUE: ({ value }) =>
      `ô có giá trị lỗi ${value} của Excel nên được đọc là ô trống. Hãy sửa công thức hoặc ghi lại giá trị trong tệp rồi nhập lại.`,
    CELL_MISSING_STRING: ({ index }) =>
      `ô trỏ tới chuỗi văn bản số ${index} mà tệp không có (tệp có thể bị hỏng) nên được đọc là ô trống. Hãy mở tệp bằng Excel, lưu lại rồi nhập lại.`,

    FILE_RENAMED: ({ file, format, extension }) => {
      const wearing = extension === '' ? 'không có đuôi tệp' : `mang đuôi ${extension}`
      return format === 'xls'
        ? `Tệp "${file}" thực chất là tệp Excel 97-2003 (.xls) nhưng ${wearing}. Phần mềm sẽ đọc theo định dạng .xls.`
        : `Tệp "${file}" là tệp văn bản CSV nhưng ${wearing}. Phần mềm sẽ đọc theo định dạng CSV.`
    },
    NO_HEADER: () =>
      'không tìm thấy dòng tiêu đề cột (như "Tên sản phẩm", "Chủ thể", "Hạng sao") trong 30 dòng đầu. Hãy chọn trang khác hoặc dùng mẫu nhập liệu của phần mềm.',
    NO_PRODUCT_COLUMN: ({ headerRows }) =>
      `không nhận ra cột tên sản phẩm trong dòng tiêu đề (dòng ${headerRows.join(', ')}). Hãy chọn cột chứa tên sản phẩm trong bảng ghép cột.`,
    NO_ROWS: ({ headerRows }) =>
      `không có dòng sản phẩm nào dưới dòng tiêu đề (dòng ${headerRows.join(', ')}). Hãy kiểm tra đã chọn đúng trang chưa, hoặc sửa cách ghép cột.`,

    internal: () =>
      'Đã xảy ra lỗi không mong muốn. Dữ liệu chưa bị thay đổi. Hãy thử lại; nếu lỗi lặp lại, hãy gửi nhật ký cho bộ phận kỹ thuật.',
    'db.newer': () =>
      'Dữ liệu trên máy này được tạo bởi phiên bản OCOP Desk mới hơn. Hãy cài phiên bản mới nhất để mở dữ liệu; dữ liệu không bị thay đổi.',
    'demo.loaded': () => 'Dữ liệu mẫu Mỹ Hào đã được nạp. Muốn nạp lại, hãy gỡ dữ liệu mẫu trước.',
    'producer.has-products': ({ producer, products }) =>
      `Chủ thể "${producer}" còn ${products} sản phẩm nên chưa xóa được. Hãy chuyển các sản phẩm sang chủ thể khác hoặc gộp hai chủ thể, rồi xóa lại. Dữ liệu không bị thay đổi.`,
    'import.commit.stale': () =>
      'Dữ liệu đã thay đổi kể từ lúc xem trước (có người sửa hoặc một lần nhập khác vừa ghi). Chưa có gì được ghi. Hãy kiểm tra lại bản xem trước rồi nhập lại.',
    'import.undo.refused': (params) =>
      `Không hoàn tác được lần nhập này: ${undoRefusal(params)} Hãy hoàn tác các thay đổi sau đó trước (hoặc sửa tay).`,
    'report.plan-missing': ({ chosen }) =>
      chosen
        ? 'Không tìm thấy kế hoạch đã chọn trong dữ liệu (có thể đã bị xóa). Hãy chọn một kế hoạch khác rồi lập lại báo cáo.'
        : 'Chưa chọn kế hoạch cho báo cáo kết quả thực hiện kế hoạch. Hãy chọn một kế hoạch rồi lập lại báo cáo.',
  },
}
