/**
 * The import template a commune fills in and sends back: one sheet with the register's columns
 * (docs/domain.md, "What the office reports"), dropdowns and number/date checks so fewer bad
 * values arrive, an instructions sheet in Vietnamese, and a hidden catalogue sheet that holds the
 * long dropdown lists.
 */
import type { JobProgressReport } from '../../workers/protocol'
import { templateGroupLabels, templateGroupNote } from './template-groups'
import { writeInstructionsSheet } from './template-instructions'
import { allBorders, bodyFont, headerFill, headerFont } from './template-style'
import {
  addRangeValidation,
  createWorkbook,
  workbookToBytes,
  type DataValidation,
  type Worksheet,
} from './workbook'

export const TEMPLATE_FILE_NAME = 'mau-nhap-san-pham-ocop.xlsx'
export const PRODUCTS_SHEET = 'Danh sách sản phẩm'
export const INSTRUCTIONS_SHEET = 'Hướng dẫn'
export const LISTS_SHEET = 'Danh mục'

/** Rows (after the header) that carry dropdowns and checks; enough for a commune's list. */
export const VALIDATED_ROWS = 1000
/** Empty rows drawn with borders, so the clerk sees where to type. */
const BORDERED_ROWS = 10

export const STAR_LABELS = ['1 sao', '2 sao', '3 sao', '4 sao', '5 sao'] as const
export const PRODUCER_TYPE_LABELS = [
  'Hợp tác xã',
  'Doanh nghiệp',
  'Tổ hợp tác',
  'Hộ sản xuất kinh doanh',
] as const
export const EVALUATION_KIND_LABELS = ['Mới', 'Đánh giá lại', 'Nâng hạng'] as const

// Excel refuses an inline dropdown list longer than 255 characters (the file then fails to open
// with a repair prompt); longer lists must point at cells.
const INLINE_LIST_LIMIT = 255

type ColumnCheck =
  /** `values` as a function is read when the template is built (the groups depend on the day). */
  | { kind: 'list'; values: readonly string[] | (() => readonly string[]); strict: boolean }
  | { kind: 'score' }
  | { kind: 'year' }
  | { kind: 'date' }

interface TemplateColumn {
  header: string
  width: number
  /** Excel number format; '@' keeps numbers like "05/2020" as text instead of dates. */
  numFmt?: string
  center?: boolean
  check?: ColumnCheck
}

/** The columns, in order; their headers are what the importer looks for. */
export const TEMPLATE_COLUMNS: readonly TemplateColumn[] = [
  { header: 'STT', width: 6, center: true },
  { header: 'Tên sản phẩm', width: 32 },
  { header: 'Chủ thể', width: 30 },
  {
    header: 'Loại hình chủ thể',
    width: 22,
    check: { kind: 'list', values: PRODUCER_TYPE_LABELS, strict: true },
  },
  { header: 'Xã/phường', width: 18 },
  { header: 'Địa chỉ', width: 30 },
  // Groups and sub-groups of the criteria set in force, then older sets' groups. Not strict: the
  // catalogue is not complete, so a commune may need to type another.
  {
    header: 'Nhóm/bộ sản phẩm',
    width: 34,
    check: { kind: 'list', values: () => templateGroupLabels(), strict: false },
  },
  { header: 'Năm đánh giá', width: 10, center: true, check: { kind: 'year' } },
  { header: 'Điểm phần A', width: 9, center: true, check: { kind: 'score' } },
  { header: 'Điểm phần B', width: 9, center: true, check: { kind: 'score' } },
  { header: 'Điểm phần C', width: 9, center: true, check: { kind: 'score' } },
  { header: 'Tổng điểm', width: 10, center: true, check: { kind: 'score' } },
  {
    header: 'Hạng sao',
    width: 10,
    center: true,
    check: { kind: 'list', values: STAR_LABELS, strict: true },
  },
  { header: 'Số quyết định', width: 18, numFmt: '@' },
  {
    header: 'Ngày quyết định (dd/mm/yyyy)',
    width: 15,
    numFmt: 'dd/mm/yyyy',
    center: true,
    check: { kind: 'date' },
  },
  { header: 'Số giấy chứng nhận', width: 18, numFmt: '@' },
  {
    header: 'Ghi chú (mới / đánh giá lại / nâng hạng)',
    width: 20,
    check: { kind: 'list', values: EVALUATION_KIND_LABELS, strict: false },
  },
]

/** Builds the import template; reports progress at each step. */
export async function writeImportTemplate(
  onProgress: (progress: JobProgressReport) => void = () => undefined,
): Promise<{ fileName: typeof TEMPLATE_FILE_NAME; bytes: Uint8Array }> {
  const total = 4
  const workbook = createWorkbook()

  onProgress({ stage: 'Tạo trang danh sách sản phẩm', done: 0, total })
  const products = workbook.addWorksheet(PRODUCTS_SHEET, {
    views: [{ state: 'frozen', xSplit: 0, ySplit: 1, activeCell: 'B2' }],
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      printTitlesRow: '1:1',
    },
  })
  writeProductsSheet(products)

  // The instructions sheet is second; the catalogue sheet comes last and hidden.
  onProgress({ stage: 'Tạo trang hướng dẫn', done: 1, total })
  writeInstructionsSheet(workbook.addWorksheet(INSTRUCTIONS_SHEET), templateGroupNote())

  onProgress({ stage: 'Tạo danh sách chọn', done: 2, total })
  const lists = workbook.addWorksheet(LISTS_SHEET, { state: 'hidden' })
  addChecks(products, lists)

  onProgress({ stage: 'Ghi tệp Excel', done: 3, total })
  const bytes = await workbookToBytes(workbook)
  onProgress({ stage: 'Xong', done: total, total })
  return { fileName: TEMPLATE_FILE_NAME, bytes }
}

function writeProductsSheet(sheet: Worksheet): void {
  TEMPLATE_COLUMNS.forEach((spec, index) => {
    const column = sheet.getColumn(index + 1)
    column.width = spec.width
    // Column styles also apply to rows the clerk adds below the bordered ones.
    column.font = bodyFont
    column.alignment = {
      vertical: 'middle',
      wrapText: true,
      ...(spec.center ? { horizontal: 'center' as const } : {}),
    }
    if (spec.numFmt) column.numFmt = spec.numFmt
  })

  const header = sheet.getRow(1)
  header.height = 48
  TEMPLATE_COLUMNS.forEach((spec, index) => {
    const cell = header.getCell(index + 1)
    cell.value = spec.header
    cell.font = headerFont
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true }
    cell.fill = headerFill
    cell.border = allBorders
  })

  for (let row = 2; row <= BORDERED_ROWS + 1; row += 1) {
    for (let col = 1; col <= TEMPLATE_COLUMNS.length; col += 1) {
      sheet.getCell(row, col).border = allBorders
    }
  }
}

function addChecks(products: Worksheet, lists: Worksheet): void {
  let listColumn = 0
  TEMPLATE_COLUMNS.forEach((spec, index) => {
    if (!spec.check) return
    const letter = products.getColumn(index + 1).letter
    const range = `${letter}2:${letter}${VALIDATED_ROWS + 1}`
    let validation: DataValidation
    if (spec.check.kind === 'list') {
      // Every list is also written to the catalogue sheet, so the office can see what is offered.
      listColumn += 1
      const values =
        typeof spec.check.values === 'function' ? spec.check.values() : spec.check.values
      const source = writeList(lists, listColumn, spec.header, values)
      validation = listValidation(spec.header, values, source, spec.check.strict)
    } else {
      validation = VALUE_CHECKS[spec.check.kind](spec.header)
    }
    addRangeValidation(products, range, validation)
  })
  const noteRow = lists.getRow(1)
  noteRow.getCell(listColumn + 2).value = templateGroupNote()
}

/** Writes a list under its header on the catalogue sheet; returns an absolute range to it. */
function writeList(
  lists: Worksheet,
  columnNumber: number,
  header: string,
  values: readonly string[],
): string {
  const column = lists.getColumn(columnNumber)
  column.width = Math.max(16, ...values.map((value) => value.length + 2))
  const headerCell = lists.getCell(1, columnNumber)
  headerCell.value = header
  headerCell.font = headerFont
  values.forEach((value, index) => {
    const cell = lists.getCell(index + 2, columnNumber)
    cell.value = value
    cell.font = bodyFont
  })
  const letter = column.letter
  return `'${LISTS_SHEET}'!$${letter}$2:$${letter}$${values.length + 1}`
}

function listValidation(
  header: string,
  values: readonly string[],
  range: string,
  strict: boolean,
): DataValidation {
  const inline = values.join(',')
  // Inline lists survive a clerk deleting the hidden sheet; a value containing a comma or a quote
  // cannot be written inline at all.
  const canInline = inline.length <= INLINE_LIST_LIMIT && !values.some((v) => /[",]/.test(v))
  return {
    type: 'list',
    allowBlank: true,
    formulae: [canInline ? `"${inline}"` : range],
    showErrorMessage: true,
    errorStyle: strict ? 'stop' : 'warning',
    errorTitle: 'Không có trong danh sách',
    error: strict
      ? `Cột "${header}" chỉ nhận một giá trị trong danh sách. Hãy bấm vào mũi tên ở ô để chọn.`
      : `Giá trị này không có trong danh sách của cột "${header}". Bấm "Yes" (Có) để giữ, "No" (Không) để sửa lại.`,
  }
}

const VALUE_CHECKS: Record<'score' | 'year' | 'date', (header: string) => DataValidation> = {
  score: (header) => ({
    type: 'decimal',
    operator: 'between',
    allowBlank: true,
    formulae: [0, 100],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Điểm không hợp lệ',
    error: `"${header}" phải là một số từ 0 đến 100, có thể có phần thập phân (ví dụ 72,5). Dùng dấu thập phân theo cài đặt của máy; không ghi chữ.`,
  }),
  year: (header) => ({
    type: 'whole',
    operator: 'between',
    allowBlank: true,
    formulae: [2010, 2100],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Năm không hợp lệ',
    error: `"${header}" phải là năm có 4 chữ số, ví dụ 2024.`,
  }),
  date: (header) => ({
    type: 'date',
    operator: 'between',
    allowBlank: true,
    // Excel dates are zoneless: build them in UTC so the bounds do not shift by a day.
    formulae: [new Date(Date.UTC(2010, 0, 1)), new Date(Date.UTC(2100, 11, 31))],
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: 'Ngày không hợp lệ',
    error: `"${header}" phải là một ngày theo dạng ngày/tháng/năm, ví dụ 05/01/2020.`,
  }),
}
