/**
 * A council member's score workbook: one sheet per product, the product's details at the top, the
 * sheet's lines below with a score cell beside each item. Everything is locked but the score cells
 * (protection without a password: it keeps a member from breaking the layout, not a secret), and
 * each score cell only takes a number from 0 to the item's maximum. A hidden sheet names the round,
 * the member and which sheet is which product, so the secretary's import matches them back.
 */
import { zipSync } from 'fflate'
import type { MemberWorkbookContent, MemberWorkbookMember } from '@shared/ipc/contract'
import type { ScoringSheet, SheetLine } from '@shared/rounds/sheets'
import { fileSlug } from '@shared/text/vietnamese'
import { sheetLines } from '@shared/rounds/sheets'
import {
  createWorkbook,
  loadWorkbook,
  workbookToBytes,
  type Workbook,
  type Worksheet,
} from './workbook'
import type { JobProgressReport } from '../../workers/protocol'
import { allBorders, bodyFont, headerFill, headerFont, titleFont } from './template-style'

export interface MemberWorkbookInput {
  round: { id: string; name: string; criteriaSetName: string }
  member: { id: string; name: string; role: string }
  products: {
    /** The product's entry in the round. */
    id: string
    name: string
    producer: string
    unit: string
    group: string
    /** The sheet of the product's group: products of different groups may differ. */
    sheet: ScoringSheet
  }[]
}

/** The hidden sheet that identifies the workbook; its name is never shown to the member. */
export const KEY_SHEET = 'ocop-desk'
const KEY_FORMAT = 'ocop-desk-member-scores-1'
// Columns of a product sheet: code, text, maximum, score.
const SCORE_COLUMN = 4
const FIRST_LINE_ROW = 8

/**
 * The workbooks a renderer asks for: every member's as one .zip, or one member's .xlsx. Products
 * name their sheet by its place in `sheets`, so a sheet crosses the boundary once, not per product.
 */
export async function writeMemberWorkbooksOrder(
  order: MemberWorkbookContent &
    (
      | { format: 'zip'; members: MemberWorkbookMember[] }
      | { format: 'xlsx'; member: MemberWorkbookMember }
    ),
  onProgress?: (progress: JobProgressReport) => void,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const products = order.products.map(({ sheet, ...product }) => {
    const scoring = order.sheets[sheet]
    if (!scoring)
      throw new RangeError(`product ${product.id} names sheet ${sheet} of ${order.sheets.length}`)
    return { ...product, sheet: scoring }
  })
  const inputOf = (member: MemberWorkbookMember) => ({ round: order.round, member, products })
  return order.format === 'xlsx'
    ? writeMemberWorkbookFile(inputOf(order.member))
    : writeMemberWorkbooksZip(order.members.map(inputOf), onProgress)
}

/** The members' workbooks of a round as one .zip, one file per member named after the member. */
export async function writeMemberWorkbooksZip(
  inputs: readonly MemberWorkbookInput[],
  onProgress: (progress: JobProgressReport) => void = () => undefined,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const files: Record<string, Uint8Array> = {}
  for (const [i, input] of inputs.entries()) {
    onProgress({ stage: 'write', done: i, total: inputs.length })
    files[memberWorkbookFileName(i, input.member.name)] = await writeMemberWorkbook(input)
  }
  onProgress({ stage: 'write', done: inputs.length, total: inputs.length })
  const slug = fileSlug(inputs[0]?.round.name ?? '')
  // Workbooks are zip files already: storing them again spares the work of compressing.
  return {
    fileName: `phieu-cham-${slug || 'dot-danh-gia'}.zip`,
    bytes: zipSync(files, { level: 0 }),
  }
}

/** One member's workbook, named after the member. */
export async function writeMemberWorkbookFile(
  input: MemberWorkbookInput,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  return { fileName: memberFileName(input.member.name), bytes: await writeMemberWorkbook(input) }
}

const memberFileName = (memberName: string): string =>
  `phieu-cham-${fileSlug(memberName) || 'thanh-vien'}.xlsx`

/** "01-phieu-cham-nguyen-van-a.xlsx": the member's place first, since two members may share a name. */
export function memberWorkbookFileName(index: number, memberName: string): string {
  return `${String(index + 1).padStart(2, '0')}-${memberFileName(memberName)}`
}

/** "01 Tương Bần": the sheet's place and the product's name, within Excel's 31 characters. */
function sheetName(index: number, name: string): string {
  const cleaned = name
    .replace(/[\\/?*[\]:]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  return `${String(index + 1).padStart(2, '0')} ${cleaned}`.slice(0, 31).trim()
}

export async function writeMemberWorkbook(input: MemberWorkbookInput): Promise<Uint8Array> {
  const workbook = createWorkbook()
  const linesOf = linesBySheet()
  const names = input.products.map((product, i) => sheetName(i, product.name))
  for (const [i, product] of input.products.entries()) {
    await addProductSheet(workbook, names[i]!, input, product, linesOf(product.sheet))
  }
  const key = workbook.addWorksheet(KEY_SHEET, { state: 'veryHidden' })
  key.addRow([KEY_FORMAT, input.round.id, input.member.id])
  input.products.forEach((product, i) => key.addRow([names[i], product.id]))
  return workbookToBytes(workbook)
}

async function addProductSheet(
  workbook: Workbook,
  name: string,
  input: MemberWorkbookInput,
  product: MemberWorkbookInput['products'][number],
  lines: SheetLine[],
): Promise<void> {
  const sheet = workbook.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: 'portrait', fitToPage: false },
  })
  // About 80 characters of Times New Roman 12: the four columns fit an A4 page in portrait.
  sheet.columns = [{ width: 15 }, { width: 44 }, { width: 11 }, { width: 12 }]
  sheet.getCell('A1').value = 'PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP'
  sheet.getCell('A1').font = titleFont
  const facts: [string, string][] = [
    ['Đợt đánh giá', `${input.round.name} — ${input.round.criteriaSetName}`],
    ['Thành viên', `${input.member.name} (${input.member.role})`],
    ['Sản phẩm', product.name],
    ['Chủ thể', `${product.producer}${product.unit ? ` — ${product.unit}` : ''}`],
    ['Nhóm sản phẩm', product.group],
  ]
  facts.forEach(([label, value], i) => {
    const row = sheet.getRow(2 + i)
    row.getCell(1).value = label
    row.getCell(2).value = value
    row.font = bodyFont
  })
  const header = sheet.getRow(FIRST_LINE_ROW - 1)
  header.values = ['Mã', 'Nội dung', 'Điểm tối đa', 'Điểm chấm']
  header.eachCell((cell) => {
    cell.font = headerFont
    cell.fill = headerFill
    cell.border = allBorders
  })
  lines.forEach((line, i) => {
    const row = sheet.getRow(FIRST_LINE_ROW + i)
    const mark = line.kind === 'item' && line.mandatoryFrom !== null ? ' (*)' : ''
    row.values = [line.code, `${line.text}${mark}`, line.max, null]
    row.font = line.kind === 'heading' ? headerFont : bodyFont
    row.getCell(2).alignment = { wrapText: true, vertical: 'top' }
    for (let column = 1; column <= SCORE_COLUMN; column++) row.getCell(column).border = allBorders
    if (line.kind === 'item') unlockScoreCell(sheet, FIRST_LINE_ROW + i, line.max)
  })
  const notes = sheet.getRow(FIRST_LINE_ROW + lines.length + 1)
  notes.getCell(1).value =
    'Chỉ nhập điểm vào cột "Điểm chấm" (số từ 0 đến điểm tối đa). (*) là tiêu chí bắt buộc.'
  notes.font = { ...bodyFont, italic: true }
  // No password: protection keeps the layout intact; hashing a password for every sheet of a
  // large round would take ExcelJS about a minute.
  await sheet.protect('', { selectLockedCells: true, selectUnlockedCells: true })
}

/** A sheet's lines, worked out once per sheet: a round's products share a few sheets. */
function linesBySheet(): (sheet: ScoringSheet) => SheetLine[] {
  const known = new Map<ScoringSheet, SheetLine[]>()
  return (sheet) => {
    let lines = known.get(sheet)
    if (!lines) {
      lines = sheetLines(sheet)
      known.set(sheet, lines)
    }
    return lines
  }
}

function unlockScoreCell(sheet: Worksheet, row: number, max: number): void {
  const cell = sheet.getRow(row).getCell(SCORE_COLUMN)
  cell.protection = { locked: false }
  cell.dataValidation = {
    type: 'decimal',
    operator: 'between',
    formulae: [0, max],
    allowBlank: true,
    showErrorMessage: true,
    errorTitle: 'Điểm không hợp lệ',
    error: `Điểm phải là số từ 0 đến ${max}.`,
  }
}

export type MemberScoreProblem =
  | { code: 'not-member-workbook' }
  | { code: 'sheet-missing'; sheet: string }
  | { code: 'sheet-changed'; sheet: string }
  | { code: 'product-unknown'; sheet: string }
  | { code: 'not-number'; sheet: string; cell: string; text: string }
  | { code: 'out-of-range'; sheet: string; cell: string; value: number; max: number }

export interface MemberScores {
  roundId: string
  memberId: string
  /** By product entry id: the points typed per item code (null where the cell is empty). */
  products: Map<string, Record<string, number | null>>
  problems: MemberScoreProblem[]
}

/**
 * Reads a member's workbook back, each product's sheet by the scoring sheet `sheetOf` gives for
 * its entry (undefined: the entry is not in the round). What cannot be read is listed, never
 * guessed: a sheet whose lines are not its scoring sheet's any more gives no scores at all.
 */
export async function readMemberWorkbook(
  bytes: Uint8Array,
  sheetOf: (entryId: string) => ScoringSheet | undefined,
): Promise<MemberScores> {
  const workbook = await loadWorkbook(bytes)
  const key = workbook.getWorksheet(KEY_SHEET)
  const head = key?.getRow(1)
  if (!key || head?.getCell(1).text !== KEY_FORMAT) {
    return {
      roundId: '',
      memberId: '',
      products: new Map(),
      problems: [{ code: 'not-member-workbook' }],
    }
  }
  const linesOf = linesBySheet()
  const result: MemberScores = {
    roundId: head.getCell(2).text,
    memberId: head.getCell(3).text,
    products: new Map(),
    problems: [],
  }
  for (let row = 2; row <= key.rowCount; row++) {
    const name = key.getRow(row).getCell(1).text
    const productId = key.getRow(row).getCell(2).text
    const sheet = workbook.getWorksheet(name)
    const scoring = sheetOf(productId)
    if (!sheet) {
      result.problems.push({ code: 'sheet-missing', sheet: name })
    } else if (!scoring) {
      result.problems.push({ code: 'product-unknown', sheet: name })
    } else if (!hasLines(sheet, linesOf(scoring))) {
      result.problems.push({ code: 'sheet-changed', sheet: name })
    } else {
      result.products.set(productId, readScores(sheet, linesOf(scoring), result.problems))
    }
  }
  return result
}

/** Whether the sheet shows `lines`, code and maximum, where the score cells are read. */
function hasLines(sheet: Worksheet, lines: SheetLine[]): boolean {
  const endRow = sheet.getRow(FIRST_LINE_ROW + lines.length)
  return (
    endRow.getCell(1).text.trim() === '' &&
    lines.every((line, i) => {
      const row = sheet.getRow(FIRST_LINE_ROW + i)
      return row.getCell(1).text === line.code && row.getCell(3).value === line.max
    })
  )
}

function readScores(
  sheet: Worksheet,
  lines: SheetLine[],
  problems: MemberScoreProblem[],
): Record<string, number | null> {
  const points: Record<string, number | null> = {}
  lines.forEach((line, i) => {
    if (line.kind !== 'item') return
    const cell = sheet.getRow(FIRST_LINE_ROW + i).getCell(SCORE_COLUMN)
    const raw = cell.value
    const text = cell.text.trim()
    // A comma is how a Vietnamese Excel writes decimals when the cell was typed as text.
    const value =
      typeof raw === 'number' ? raw : text === '' ? null : Number(text.replace(',', '.'))
    if (value !== null && !Number.isFinite(value)) {
      problems.push({ code: 'not-number', sheet: sheet.name, cell: cell.address, text })
      points[line.code] = null
    } else if (value !== null && (value < 0 || value > line.max)) {
      problems.push({
        code: 'out-of-range',
        sheet: sheet.name,
        cell: cell.address,
        value,
        max: line.max,
      })
      points[line.code] = null
    } else {
      points[line.code] = value
    }
  })
  return points
}
