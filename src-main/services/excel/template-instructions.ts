/**
 * The "Hướng dẫn" (instructions) sheet of the import template: one rule per row, written for the
 * commune officer who fills the list, not for us. The rules match what the importer accepts.
 */
import { allBorders, bodyFont, headerFill, headerFont, titleFont } from './template-style'
import type { Worksheet } from './workbook'

/** The rules, in the order a commune officer meets them while filling a row. */
export const TEMPLATE_RULES: readonly string[] = [
  'Mỗi dòng ghi một sản phẩm (một lần đánh giá, phân hạng của sản phẩm đó). Không để dòng trống xen giữa, không thêm dòng tổng cộng.',
  'Không gộp ô (Merge), không chèn hay xoá cột, không đổi tên hoặc thứ tự các cột ở dòng tiêu đề. Cột chưa có thông tin thì để trống.',
  'Tên sản phẩm và Chủ thể: ghi đầy đủ, đúng như trong hồ sơ đăng ký hoặc quyết định công nhận.',
  'Loại hình chủ thể: chọn trong danh sách (Hợp tác xã, Doanh nghiệp, Tổ hợp tác, Hộ sản xuất kinh doanh).',
  'Xã/phường: ghi tên xã, phường nơi chủ thể sản xuất tại thời điểm đánh giá, ví dụ: Nhân Hòa.',
  'Nhóm/bộ sản phẩm: chọn trong danh sách. Nếu không có mục phù hợp, ghi đúng tên nhóm hoặc bộ sản phẩm như trong hồ sơ.',
  'Năm đánh giá: ghi năm có 4 chữ số, ví dụ: 2024.',
  'Điểm phần A, B, C và Tổng điểm: ghi số từ 0 đến 100, giữ nguyên phần thập phân như trong biên bản, không làm tròn. Có thể viết dấu phẩy thập phân, ví dụ 72,5 (OCOP Desk đọc được cả 72,5 và 72.5).',
  'Tổng điểm là điểm của hội đồng ghi trong biên bản hoặc quyết định; không tự cộng lại nếu biên bản đã có.',
  'Hạng sao: chọn trong danh sách từ "1 sao" đến "5 sao". Ghi hạng sao được công nhận trong quyết định, không tự suy ra từ điểm.',
  'Số quyết định: ghi đầy đủ số và ký hiệu, ví dụ: 1358/QĐ-UBND.',
  'Ngày quyết định: ghi theo dạng ngày/tháng/năm (dd/mm/yyyy), ví dụ: 05/01/2020.',
  'Số giấy chứng nhận: ghi đúng như trên giấy chứng nhận (nếu có).',
  'Ghi chú: chọn "Mới" (đánh giá lần đầu), "Đánh giá lại" (giấy chứng nhận hết hạn) hoặc "Nâng hạng".',
  'Khi chép dữ liệu từ tệp khác, dùng "Dán giá trị" (Paste Values) để không làm mất định dạng và danh sách chọn của mẫu.',
  'Chữ tiếng Việt gõ bằng bảng mã Unicode (phông Times New Roman). Không dùng phông .VnTime hay VNI-Times.',
  'Lưu tệp dạng Excel (.xlsx) rồi gửi cho cơ quan phụ trách Chương trình OCOP.',
]

// About how many characters of 12-point Times New Roman fit on one line of the 100-wide column.
const RULE_CHARS_PER_LINE = 100

/**
 * The rule on the group codes, from the first sentence of the criteria set catalogue's note (which
 * says the codes are OCOP Desk's working codes, the official ones not published); '' without one.
 */
export function groupCodesRule(catalogueNote: string): string {
  const note = catalogueNote.trim()
  if (note === '') return ''
  const end = note.search(/[.!?](?:\s|$)/u)
  const sentence = end < 0 ? note : note.slice(0, end + 1)
  const lowered = sentence.charAt(0).toLocaleLowerCase('vi') + sentence.slice(1)
  return `Về mã trong danh sách nhóm/bộ sản phẩm (I, II, I.1 …): ${lowered}`
}

/**
 * Fills the import template's instructions sheet. `catalogueNote` is the note of the
 * classification the group dropdown comes from.
 */
export function writeInstructionsSheet(sheet: Worksheet, catalogueNote = ''): void {
  const rules = [...TEMPLATE_RULES]
  // Tell the reader too, so nobody copies our working codes into an official report.
  const codesRule = groupCodesRule(catalogueNote)
  if (codesRule !== '') rules.push(codesRule)
  writeRulesSheet(sheet, 'HƯỚNG DẪN ĐIỀN MẪU NHẬP SẢN PHẨM OCOP', rules)
}

/** Fills an instructions sheet: its title, then one numbered rule per row. */
export function writeRulesSheet(sheet: Worksheet, heading: string, rules: readonly string[]): void {
  sheet.getColumn(1).width = 6
  sheet.getColumn(2).width = 100
  sheet.pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  }

  const title = sheet.getCell('A1')
  title.value = heading
  title.font = titleFont
  sheet.getRow(1).height = 24

  const header = sheet.getRow(3)
  ;['STT', 'Quy tắc'].forEach((text, index) => {
    const cell = header.getCell(index + 1)
    cell.value = text
    cell.font = headerFont
    cell.fill = headerFill
    cell.border = allBorders
    cell.alignment = { horizontal: 'center', vertical: 'middle' }
  })

  rules.forEach((rule, index) => {
    const row = sheet.getRow(index + 4)
    const number = row.getCell(1)
    number.value = index + 1
    number.alignment = { horizontal: 'center', vertical: 'top' }
    const text = row.getCell(2)
    text.value = rule
    text.alignment = { vertical: 'top', wrapText: true }
    // Excel keeps stored row heights instead of fitting wrapped text, so estimate the lines.
    row.height = 16 * Math.max(1, Math.ceil(rule.length / RULE_CHARS_PER_LINE)) + 4
    for (const cell of [number, text]) {
      cell.font = bodyFont
      cell.border = allBorders
    }
  })
}
