/**
 * The definition file of a full scoring sheet: an office that has the official sheet of a product
 * group (Phụ lục III of its criteria set) types it into this workbook once, and the app reads it
 * back as a ScoringSheet, checked row by row and then against its set (sheets.ts checkSheet).
 * The app writes the empty template with its instructions; it never fills in official points.
 */
import type { CriteriaSet } from '@shared/db/records'
import type {
  ScoringSheet,
  SheetCriterion,
  SheetPart,
  SheetProblem,
  SheetSection,
} from '@shared/rounds/sheets'
import { checkSheet } from '@shared/rounds/sheets'
import { allBorders, headerFill, headerFont } from './template-style'
import { writeRulesSheet } from './template-instructions'
import { createWorkbook, loadWorkbook, workbookToBytes, type Worksheet } from './workbook'

export const DEFINITION_SHEET = 'Phiếu chấm'
export const ABOUT_SHEET = 'Thông tin'
const INSTRUCTIONS_SHEET = 'Hướng dẫn'

/** The kinds of line, as the clerk writes them in the first column. */
const LINE_KINDS = ['Phần', 'Mục', 'Tiêu chí', 'Lựa chọn'] as const
type LineKind = (typeof LINE_KINDS)[number]
const COLUMNS = ['Loại dòng', 'Mã', 'Nội dung', 'Điểm', 'Bắt buộc từ (sao)'] as const
const ABOUT_LABELS = {
  set: 'Bộ tiêu chí (mã)',
  groups: 'Nhóm sản phẩm (mã, cách nhau bằng dấu phẩy; để trống: mọi nhóm)',
  name: 'Tên phiếu',
  source: 'Nguồn (văn bản, phụ lục)',
} as const

const RULES: readonly string[] = [
  `Trang "${ABOUT_SHEET}": ghi mã bộ tiêu chí (như trong Cài đặt → Bộ tiêu chí), mã các nhóm sản phẩm dùng phiếu này, tên phiếu và văn bản, phụ lục có phiếu chấm chính thức.`,
  `Trang "${DEFINITION_SHEET}": mỗi dòng một mục của phiếu, từ trên xuống theo đúng thứ tự trong văn bản. Cột "Loại dòng" chọn một trong: Phần, Mục, Tiêu chí, Lựa chọn.`,
  'Dòng "Phần": mã phần (A, B, C) đúng như bộ tiêu chí, tên phần, điểm tối đa của phần.',
  'Dòng "Mục": mã mục (ví dụ A1), tên mục, điểm tối đa của mục. Các mục của một phần cộng lại bằng điểm tối đa của phần.',
  'Dòng "Tiêu chí": mã tiêu chí (ví dụ A1.1), nội dung, điểm tối đa. Các tiêu chí của một mục cộng lại bằng điểm tối đa của mục. Tiêu chí bắt buộc: ghi hạng sao mà từ đó tiêu chí là bắt buộc (2 đến 5) ở cột "Bắt buộc từ (sao)".',
  'Dòng "Lựa chọn": ngay dưới tiêu chí của nó; nội dung của mức đánh giá và số điểm của mức đó (từ 0 đến điểm tối đa của tiêu chí).',
  'Chép đúng số điểm trong văn bản; OCOP Desk không tự điền điểm chính thức. Khi nạp, mọi chỗ cộng không khớp được báo theo dòng để sửa.',
]

/** The empty definition file: instructions, the sheet's facts, and the lines' header. */
export async function writeSheetTemplate(): Promise<Uint8Array> {
  const workbook = createWorkbook()
  writeRulesSheet(workbook.addWorksheet(INSTRUCTIONS_SHEET), 'HƯỚNG DẪN KHAI BÁO PHIẾU CHẤM', RULES)
  // A working file, not an official document: printed, each sheet is one page wide.
  const pageSetup = {
    paperSize: 9,
    orientation: 'portrait',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
  } as const
  const about = workbook.addWorksheet(ABOUT_SHEET, { pageSetup })
  about.columns = [{ width: 70 }, { width: 40 }]
  Object.values(ABOUT_LABELS).forEach((label, i) => {
    const cell = about.getRow(i + 1).getCell(1)
    cell.value = label
    cell.font = headerFont
  })
  const lines = workbook.addWorksheet(DEFINITION_SHEET, { pageSetup })
  lines.columns = [{ width: 11 }, { width: 9 }, { width: 55 }, { width: 8 }, { width: 12 }]
  lines.getColumn(3).alignment = { wrapText: true, vertical: 'top' }
  const header = lines.getRow(1)
  header.values = [...COLUMNS]
  header.eachCell((cell) => {
    cell.font = headerFont
    cell.fill = headerFill
    cell.border = allBorders
    cell.alignment = { wrapText: true, vertical: 'middle' }
  })
  // Excel keeps a stored row height rather than fitting wrapped text: room for two lines.
  header.height = 32
  // The kind of line is chosen from its list, on every row a sheet can need.
  for (let row = 2; row <= 500; row++) {
    lines.getCell(row, 1).dataValidation = {
      type: 'list',
      allowBlank: true,
      formulae: [`"${LINE_KINDS.join(',')}"`],
    }
  }
  lines.views = [{ state: 'frozen', ySplit: 1 }]
  return workbookToBytes(workbook)
}

/** A problem of the file, at a row of the lines' sheet (1-based) and, where known, a column. */
export type DefinitionProblem =
  | { code: 'no-sheet'; sheet: string }
  | { code: 'unknown-set'; setId: string }
  | { code: 'line-kind'; row: number; text: string }
  | { code: 'no-code'; row: number }
  | { code: 'not-number'; row: number; column: string; text: string }
  | { code: 'misplaced'; row: number; kind: LineKind }
  | (SheetProblem & { row: number | null })

export type DefinitionRead =
  { ok: true; sheet: ScoringSheet } | { ok: false; problems: DefinitionProblem[] }

/**
 * Reads a filled definition file for one of `sets`: its lines first (kinds, codes, numbers, each
 * line under the one it belongs to), then the sheet against its set. Any problem refuses the file.
 */
export async function readSheetDefinition(
  bytes: Uint8Array,
  sets: readonly Pick<CriteriaSet, 'id' | 'parts'>[],
): Promise<DefinitionRead> {
  const workbook = await loadWorkbook(bytes)
  const about = workbook.getWorksheet(ABOUT_SHEET)
  const lines = workbook.getWorksheet(DEFINITION_SHEET)
  if (!about || !lines) {
    return {
      ok: false,
      problems: [{ code: 'no-sheet', sheet: !about ? ABOUT_SHEET : DEFINITION_SHEET }],
    }
  }
  const fact = (row: number) => about.getRow(row).getCell(2).text.trim()
  const setId = fact(1)
  const set = sets.find((candidate) => candidate.id === setId)
  if (!set) return { ok: false, problems: [{ code: 'unknown-set', setId }] }

  const { parts, rows, problems } = readLines(lines)
  const sheet: ScoringSheet = {
    criteriaSetId: set.id,
    groupCodes: fact(2)
      .split(',')
      .map((code) => code.trim())
      .filter((code) => code !== ''),
    name: fact(3),
    source: fact(4),
    parts,
  }
  if (problems.length > 0) return { ok: false, problems }
  const checked = checkSheet(sheet, set).map((problem) => ({
    ...problem,
    row: rows.get(problem.at.criterion ?? problem.at.section ?? problem.at.part) ?? null,
  }))
  return checked.length > 0 ? { ok: false, problems: checked } : { ok: true, sheet }
}

/** The lines as parts, sections, criteria and options, and the row each code was read from. */
function readLines(lines: Worksheet) {
  const parts: SheetPart[] = []
  const rows = new Map<string, number>()
  const problems: DefinitionProblem[] = []
  let section: SheetSection | undefined
  let criterion: SheetCriterion | undefined

  const number = (row: number, column: number): number | null => {
    const cell = lines.getRow(row).getCell(column)
    const text = cell.text.trim()
    if (typeof cell.value === 'number') return cell.value
    if (text === '') return null
    const value = Number(text.replace(',', '.'))
    if (Number.isFinite(value)) return value
    problems.push({ code: 'not-number', row, column: COLUMNS[column - 1]!, text })
    return null
  }

  for (let row = 2; row <= lines.rowCount; row++) {
    const cells = lines.getRow(row)
    const kindText = cells.getCell(1).text.trim()
    const code = cells.getCell(2).text.trim()
    const text = cells.getCell(3).text.trim()
    if (kindText === '' && code === '' && text === '') continue
    const kind = LINE_KINDS.find((k) => k.toLowerCase() === kindText.toLowerCase())
    if (!kind) {
      problems.push({ code: 'line-kind', row, text: kindText })
      continue
    }
    if (kind !== 'Lựa chọn' && code === '') problems.push({ code: 'no-code', row })
    const points = number(row, 4) ?? 0
    if (kind !== 'Lựa chọn') rows.set(code, row)
    if (kind === 'Phần') {
      parts.push({ code, name: text, max: points, sections: [] })
      section = undefined
      criterion = undefined
    } else if (kind === 'Mục') {
      const part = parts.at(-1)
      if (!part) problems.push({ code: 'misplaced', row, kind })
      section = { code, name: text, max: points, criteria: [] }
      part?.sections.push(section)
      criterion = undefined
    } else if (kind === 'Tiêu chí') {
      if (!section) problems.push({ code: 'misplaced', row, kind })
      criterion = { code, text, max: points, options: [], mandatoryFrom: number(row, 5) }
      section?.criteria.push(criterion)
    } else {
      if (!criterion) problems.push({ code: 'misplaced', row, kind })
      criterion?.options.push({ label: text, points })
    }
  }
  return { parts, rows, problems }
}
