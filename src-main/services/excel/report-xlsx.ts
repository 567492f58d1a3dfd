/**
 * A ReportModel as an official .xlsx in the layout of Nghị định 30/2020 (DOMAIN.md §7): the
 * two-column header block, title, sections with bordered tables whose header rows repeat on every
 * printed page, notes, "Nơi nhận" beside the signature block; Times New Roman, A4, the decree's
 * margins, fit to page width, page numbers centred at the top from page 2.
 *
 * Every text is written as a string cell and nothing is ever a formula: a producer named
 * "=HYPERLINK(…)" prints as those characters. Reports without a picture are streamed row by row
 * (10,000 products stay well under the memory budget); the plan report with its chart is small and
 * uses the whole-workbook writer, the only one of ExcelJS's that can place a picture.
 */
import type {
  ReportCell,
  ReportColumn,
  ReportModel,
  ReportRow,
  ReportTable,
} from '@shared/reports/model'
import type { JobProgressReport } from '../../workers/protocol'
import { createStreamWorkbook } from './stream-workbook'
import {
  createWorkbook,
  workbookToBytes,
  type Alignment,
  type Borders,
  type Cell,
  type Font,
  type Worksheet,
} from './workbook'

export interface WriteReportOptions {
  /** The plan-progress star chart, for a section with `image: 'plan-star-chart'`. */
  chartPng?: Uint8Array
  onProgress?: (progress: JobProgressReport) => void
}

export const REPORT_SHEET = 'Báo cáo'
export const REPORT_FONT = 'Times New Roman'
export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc'
export const RECIPIENTS_LABEL = 'Nơi nhận:'
/**
 * The rules under the office name, the motto and the title: em dashes, which join into one line in
 * Times New Roman (and in Liberation Serif, its stand-in), on a low row of their own. A border
 * cannot be used: it would span whole columns, and the rule must be shorter than the text above.
 * Underscores were tried: they sit below the baseline and a low row cuts them off.
 */
export const SHORT_RULE = '—'.repeat(5)
export const MOTTO_RULE = '—'.repeat(13)
const RULE_HEIGHT = 8
/** Blank rows left for the signature and the seal. */
export const SIGNATURE_SPACE = 4
/** Picture width on the page (16 cm at 96 dpi). */
const IMAGE_WIDTH_PX = Math.round((16 / 2.54) * 96)

const MM = 1 / 25.4
/** Nghị định 30 margins (top/bottom 20-25 mm, left 30-35 mm, right 15-20 mm), in inches. */
export const REPORT_MARGINS = {
  top: 20 * MM,
  bottom: 20 * MM,
  left: 30 * MM,
  right: 15 * MM,
  header: 10 * MM,
  footer: 10 * MM,
}

const TABLE_SIZE = 11
const BODY_SIZE = 13
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } }
const allBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin }
// Excel cells hold at most 32,767 characters.
const MAX_TEXT = 32_000
const PROGRESS_EVERY = 500

function font(size: number, style: Partial<Font> = {}): Partial<Font> {
  return { name: REPORT_FONT, size, ...style }
}

/** Column widths of the sheet and where its left half (header block, "Nơi nhận") ends. */
interface Grid {
  widths: number[]
  /** Last column (1-based) of the left half. */
  split: number
}

function gridOf(model: ReportModel): Grid {
  const widths: number[] = []
  for (const section of model.sections) {
    section.table?.columns.forEach((column, index) => {
      widths[index] = Math.max(widths[index] ?? 0, clampWidth(column.width))
    })
  }
  // A report without a table still needs two halves for the header block and the signature.
  while (widths.length < 2) widths.push(model.landscape ? 40 : 30)
  const total = widths.reduce((sum, width) => sum + width, 0)
  // The left column of an official header is a little narrower than the right one.
  let split = 1
  let left = widths[0] ?? 0
  while (split < widths.length - 1 && left + (widths[split] ?? 0) / 2 < total * 0.45) {
    left += widths[split] ?? 0
    split += 1
  }
  return { widths, split }
}

function clampWidth(width: number): number {
  return Number.isFinite(width) ? Math.min(Math.max(width, 2), 120) : 10
}

/** Column letters (1 → A, 28 → AB). */
export function columnLetter(column: number): string {
  let letters = ''
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters
  }
  return letters
}

/** Text as it may stand in a cell: no XML-invalid control characters, within Excel's limit. */
function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text
}

/** Lines a wrapped text takes in a cell `width` characters wide, at `size` points. */
function lineCount(text: string, width: number, size: number): number {
  // A width unit is a digit of the default 11 pt font; an average Times New Roman letter is a
  // little narrower (capitals wider). Estimated, because Excel does not grow rows of merged cells
  // by itself, and LibreOffice keeps the heights a file gives.
  const perLine = Math.max(1, Math.floor((width * 12.5) / size))
  let lines = 0
  for (const paragraph of text.split('\n')) {
    let used = 0
    lines += 1
    for (const word of paragraph.split(' ')) {
      const length = word.length
      if (used === 0) used = length
      else if (used + 1 + length <= perLine) used += 1 + length
      else {
        lines += 1
        used = length
      }
      while (used > perLine) {
        lines += 1
        used -= perLine
      }
    }
  }
  return lines
}

function rowHeight(lines: number, size: number): number {
  return Math.round(Math.max(1, lines) * size * 1.32 + 4)
}

/** Writes the model's workbook and resolves to its .xlsx bytes. */
export async function writeReportXlsx(
  model: ReportModel,
  options: WriteReportOptions = {},
): Promise<Uint8Array> {
  const report = options.onProgress ?? (() => undefined)
  const png = options.chartPng && pngSize(options.chartPng) ? options.chartPng : undefined
  const wantsPicture = png !== undefined && model.sections.some((s) => s.image !== undefined)
  const grid = gridOf(model)

  const sheetOptions = {
    pageSetup: {
      paperSize: 9,
      orientation: model.landscape ? ('landscape' as const) : ('portrait' as const),
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: REPORT_MARGINS,
      horizontalCentered: true,
    },
    headerFooter: {
      differentFirst: true,
      // Page numbers centred at the top, none on the first page (Nghị định 30).
      oddHeader: `&C&"${REPORT_FONT},Regular"&13&P`,
      firstHeader: '',
    },
    views: [{ showGridLines: false }],
  }

  if (wantsPicture) {
    const workbook = createWorkbook()
    const sheet = workbook.addWorksheet(REPORT_SHEET, sheetOptions)
    const imageId = workbook.addImage({ buffer: png as never, extension: 'png' })
    layout(sheet, model, grid, report, (row) => placePicture(sheet, model, grid, row, png, imageId))
    report({ stage: 'Đang nén tệp Excel', done: 1, total: 1 })
    return workbookToBytes(workbook)
  }
  const { workbook, finish } = createStreamWorkbook()
  const sheet = workbook.addWorksheet(REPORT_SHEET, sheetOptions)
  layout(sheet, model, grid, report, (row) => missingPicture(sheet, grid, row))
  report({ stage: 'Đang nén tệp Excel', done: 1, total: 1 })
  return finish()
}

type PlacePicture = (row: number) => number

/** Writes every row top to bottom (the streaming writer cannot go back). */
function layout(
  sheet: Worksheet,
  model: ReportModel,
  grid: Grid,
  report: (progress: JobProgressReport) => void,
  picture: PlacePicture,
): void {
  const last = grid.widths.length
  sheet.columns = grid.widths.map((width) => ({ width }))
  const totalRows = model.sections.reduce((n, s) => n + (s.table?.rows.length ?? 0), 0)
  let rowsDone = 0
  report({ stage: 'Đang dựng phần đầu văn bản', done: 0, total: totalRows })

  let r = headerBlock(sheet, model, grid)

  const repeated = repeatedTable(model)
  let tableIndex = -1

  for (const section of model.sections) {
    if (section.heading) {
      r = textRow(sheet, r, 1, last, section.heading, font(BODY_SIZE, { bold: true }), 'left')
    }
    for (const paragraph of section.paragraphs ?? []) {
      r = textRow(sheet, r, 1, last, paragraph, font(BODY_SIZE), 'justify')
    }
    if (section.table) {
      const table = section.table
      tableIndex += 1
      const styles = table.columns.map(columnStyles)
      const headerStart = r
      r = tableHeader(sheet, r, table)
      if (tableIndex === repeated) sheet.pageSetup.printTitlesRow = `${headerStart}:${r - 1}`
      sheet.getRow(r - 1).commit()
      for (const row of table.rows) {
        r = tableRow(sheet, r, table, styles, row)
        rowsDone += 1
        if (rowsDone % PROGRESS_EVERY === 0) {
          // Committed rows are serialised and dropped by the streaming writer.
          sheet.getRow(r - 1).commit()
          report({ stage: 'Đang ghi bảng', done: rowsDone, total: totalRows })
        }
      }
      r += 1
    }
    if (section.image) r = picture(r)
  }
  report({ stage: 'Đang ghi phần cuối văn bản', done: rowsDone, total: totalRows })

  for (const note of model.notes) {
    r = textRow(sheet, r, 1, last, note, font(12, { italic: true }), 'justify')
  }
  r += 1
  closingBlock(sheet, r, model, grid)
}

/**
 * The table whose header rows repeat at the top of every printed page. A sheet has one such range,
 * printed on every page after it first appears, so it must never stand above another table's rows:
 * it is the first table (its index among the tables) of the run of tables at the end that share the same columns (for most
 * reports, the only table).
 */
function repeatedTable(model: ReportModel): number {
  const tables = model.sections.flatMap((section, index) =>
    section.table ? [{ table: section.table, section: index }] : [],
  )
  const titles = (table: ReportTable): string =>
    JSON.stringify(table.columns.map((c) => [c.group ?? '', c.title]))
  const last = tables[tables.length - 1]
  if (!last) return -1
  let first = tables.length - 1
  while (first > 0 && titles(tables[first - 1]?.table as ReportTable) === titles(last.table)) {
    first -= 1
  }
  // Nor above a picture, which would print under the repeated rows.
  const from = tables[first]?.section ?? 0
  return model.sections.some((section, index) => index > from && section.image) ? -1 : first
}

/** Writes `text` in a cell merged over columns c1..c2 of row r; returns the next row. */
function textRow(
  sheet: Worksheet,
  r: number,
  c1: number,
  c2: number,
  text: string,
  cellFont: Partial<Font>,
  horizontal: Alignment['horizontal'],
  wrap = true,
): number {
  put(sheet, r, c1, c2, text, cellFont, { horizontal, vertical: 'top', wrapText: wrap })
  if (wrap) {
    const row = sheet.getRow(r)
    const width = widthOf(sheet, c1, c2)
    row.height = Math.max(
      row.height ?? 0,
      rowHeight(lineCount(text, width, cellFont.size ?? 12), cellFont.size ?? 12),
    )
  }
  return r + 1
}

function widthOf(sheet: Worksheet, c1: number, c2: number): number {
  let width = 0
  for (let c = c1; c <= c2; c++) width += sheet.getColumn(c).width ?? 10
  return width
}

/** One cell's text and style, merged over c1..c2 when that is more than one column. */
function put(
  sheet: Worksheet,
  r: number,
  c1: number,
  c2: number,
  text: string,
  cellFont: Partial<Font>,
  alignment: Partial<Alignment>,
): void {
  if (c2 > c1) sheet.mergeCells(`${columnLetter(c1)}${r}:${columnLetter(c2)}${r}`)
  const cell = sheet.getRow(r).getCell(c1)
  cell.value = cleanText(text)
  cell.font = cellFont
  cell.alignment = alignment
}

function headerBlock(sheet: Worksheet, model: ReportModel, grid: Grid): number {
  const { header } = model
  const last = grid.widths.length
  const left = [1, grid.split] as const
  const right = [grid.split + 1, last] as const
  const center = { horizontal: 'center', vertical: 'middle', wrapText: true } as const
  const leftWidth = widthOf(sheet, ...left)
  const rightWidth = widthOf(sheet, ...right)
  const line = (r: number, size: number, leftLines: string, rightLines: string): void => {
    const lines = Math.max(
      lineCount(leftLines, leftWidth, size),
      lineCount(rightLines, rightWidth, size),
    )
    sheet.getRow(r).height = rowHeight(lines, size)
  }

  const parent = header.parentBody.toLocaleUpperCase('vi')
  const office = header.officeName.toLocaleUpperCase('vi')
  put(sheet, 1, ...left, parent, font(12), center)
  put(sheet, 1, ...right, NATIONAL_NAME, font(12, { bold: true }), center)
  line(1, 12, parent, NATIONAL_NAME)
  put(sheet, 2, ...left, office, font(12, { bold: true }), center)
  put(sheet, 2, ...right, NATIONAL_MOTTO, font(13, { bold: true }), center)
  line(2, 13, office, NATIONAL_MOTTO)
  const rule = { horizontal: 'center', vertical: 'middle' } as const
  put(sheet, 3, ...left, SHORT_RULE, font(12, { bold: true }), rule)
  put(sheet, 3, ...right, MOTTO_RULE, font(13, { bold: true }), rule)
  sheet.getRow(3).height = RULE_HEIGHT
  put(sheet, 4, ...left, header.docNumber, font(13), center)
  put(sheet, 4, ...right, header.placeDate, font(13, { italic: true }), center)
  line(4, 13, header.docNumber, header.placeDate)

  let r = 6
  r = textRow(
    sheet,
    r,
    1,
    last,
    model.titleType.toLocaleUpperCase('vi'),
    font(14, { bold: true }),
    'center',
  )
  if (model.subject)
    r = textRow(sheet, r, 1, last, model.subject, font(14, { bold: true }), 'center')
  if (model.subtitle) {
    r = textRow(sheet, r, 1, last, model.subtitle, font(13, { italic: true }), 'center')
  }
  put(sheet, r, 1, last, SHORT_RULE, font(13, { bold: true }), rule)
  sheet.getRow(r).height = RULE_HEIGHT
  return r + 2
}

interface HeaderCell {
  title: string
  /** 1-based columns it spans. */
  from: number
  to: number
}

/** The parent titles of a two-level header: runs of neighbouring columns with the same group. */
function groupRuns(columns: readonly ReportColumn[]): (HeaderCell & { grouped: boolean })[] {
  const runs: (HeaderCell & { grouped: boolean })[] = []
  columns.forEach((column, index) => {
    const previous = runs[runs.length - 1]
    if (column.group && previous?.grouped && previous.title === column.group) {
      previous.to = index + 1
    } else {
      runs.push({
        title: column.group ?? column.title,
        from: index + 1,
        to: index + 1,
        grouped: column.group !== undefined && column.group !== '',
      })
    }
  })
  return runs
}

const headFont = font(TABLE_SIZE, { bold: true })
const headAlign: Partial<Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true }

function tableHeader(sheet: Worksheet, r: number, table: ReportTable): number {
  const columns = table.columns
  const twoLevel = columns.some((column) => column.group)
  const heightFor = (text: string, width: number): number =>
    rowHeight(lineCount(text, width, TABLE_SIZE), TABLE_SIZE)
  if (!twoLevel) {
    let height = 0
    columns.forEach((column, index) => {
      headCell(sheet, r, index + 1, column.title)
      height = Math.max(height, heightFor(column.title, clampWidth(column.width)))
    })
    sheet.getRow(r).height = height
    return r + 1
  }
  let top = 0
  let bottom = 0
  for (const run of groupRuns(columns)) {
    if (run.grouped) {
      if (run.to > run.from) {
        sheet.mergeCells(`${columnLetter(run.from)}${r}:${columnLetter(run.to)}${r}`)
      }
      headCell(sheet, r, run.from, run.title)
      // The merged cells keep their own borders (each is drawn where the range has its edges).
      for (let c = run.from + 1; c <= run.to; c++) headCell(sheet, r, c, null)
      const width = columns.slice(run.from - 1, run.to).reduce((w, c) => w + clampWidth(c.width), 0)
      top = Math.max(top, heightFor(run.title, width))
      for (let c = run.from; c <= run.to; c++) {
        const column = columns[c - 1] as ReportColumn
        headCell(sheet, r + 1, c, column.title)
        bottom = Math.max(bottom, heightFor(column.title, clampWidth(column.width)))
      }
    } else {
      // A column without a parent spans both header rows.
      const letter = columnLetter(run.from)
      sheet.mergeCells(`${letter}${r}:${letter}${r + 1}`)
      headCell(sheet, r, run.from, run.title)
      headCell(sheet, r + 1, run.from, null)
    }
  }
  sheet.getRow(r).height = top
  sheet.getRow(r + 1).height = bottom
  return r + 2
}

function headCell(sheet: Worksheet, r: number, c: number, title: string | null): void {
  const cell = sheet.getRow(r).getCell(c)
  if (title !== null) cell.value = cleanText(title)
  cell.style = headStyle
}

const dataFont = font(TABLE_SIZE)
const boldFont = font(TABLE_SIZE, { bold: true })

/**
 * Cell styles are shared objects: ExcelJS remembers the style id of a style object it has seen,
 * so 120,000 cells cost a handful of style look-ups instead of one each (3 s → under 1 s for
 * 10,000 products). They are never changed after being given to a cell.
 */
type CellStyle = Cell['style']
const headStyle: CellStyle = { font: headFont, alignment: headAlign, border: allBorders }
const groupStyle: CellStyle = {
  font: boldFont,
  alignment: { horizontal: 'left', vertical: 'middle', wrapText: true },
  border: allBorders,
}

interface ColumnStyles {
  text: CellStyle
  number: CellStyle
  boldText: CellStyle
  boldNumber: CellStyle
}

function columnStyles(column: ReportColumn): ColumnStyles {
  const text: Partial<Alignment> = { horizontal: column.align, vertical: 'middle', wrapText: true }
  const number: Partial<Alignment> = {
    // Numbers sit right, except in a centred column (STT, star counts).
    horizontal: column.align === 'center' ? 'center' : 'right',
    vertical: 'middle',
  }
  // One decimal for scores ("75.5"); other numbers keep Excel's General format.
  const numFmt = isScore(column) ? { numFmt: '0.0' } : {}
  return {
    text: { font: dataFont, alignment: text, border: allBorders },
    number: { font: dataFont, alignment: number, border: allBorders, ...numFmt },
    boldText: { font: boldFont, alignment: text, border: allBorders },
    boldNumber: { font: boldFont, alignment: number, border: allBorders, ...numFmt },
  }
}

function isScore(column: ReportColumn | undefined): boolean {
  return column !== undefined && /score|diem/i.test(column.key)
}

function tableRow(
  sheet: Worksheet,
  r: number,
  table: ReportTable,
  styles: ColumnStyles[],
  row: ReportRow,
): number {
  const columns = table.columns
  const excelRow = sheet.getRow(r)
  if (row.kind === 'group') {
    const last = Math.max(columns.length, 1)
    if (last > 1) sheet.mergeCells(`A${r}:${columnLetter(last)}${r}`)
    for (let c = 1; c <= last; c++) {
      const cell = excelRow.getCell(c)
      if (c === 1) cell.value = cleanText(row.label)
      cell.style = groupStyle
    }
    excelRow.height = rowHeight(
      lineCount(row.label, widthOf(sheet, 1, last), TABLE_SIZE),
      TABLE_SIZE,
    )
    return r + 1
  }
  const bold = row.kind !== 'data'
  let lines = 1
  columns.forEach((column, index) => {
    const value: ReportCell | undefined = row.cells[index]
    const cell = excelRow.getCell(index + 1)
    const style = styles[index] as ColumnStyles
    if (typeof value === 'number' && Number.isFinite(value)) {
      cell.value = value
      cell.style = bold ? style.boldNumber : style.number
      return
    }
    cell.style = bold ? style.boldText : style.text
    if (typeof value === 'string' && value !== '') {
      const text = cleanText(value)
      cell.value = text
      if (text.length > 8) {
        lines = Math.max(lines, lineCount(text, clampWidth(column.width), TABLE_SIZE))
      }
    }
  })
  excelRow.height = rowHeight(lines, TABLE_SIZE)
  return r + 1
}

/** "Nơi nhận" on the left and the signature block on the right, on the same rows. */
function closingBlock(sheet: Worksheet, r: number, model: ReportModel, grid: Grid): void {
  const left = [1, grid.split] as const
  const right = [grid.split + 1, grid.widths.length] as const
  const { signature } = model
  const signLines: { text: string; font: Partial<Font> }[] = []
  if (signature.authority) {
    signLines.push({
      text: signature.authority.toLocaleUpperCase('vi'),
      font: font(13, { bold: true }),
    })
  }
  if (signature.title) {
    signLines.push({
      text: signature.title.toLocaleUpperCase('vi'),
      font: font(13, { bold: true }),
    })
  }
  for (let i = 0; i < SIGNATURE_SPACE; i++) signLines.push({ text: '', font: font(13) })
  signLines.push({ text: signature.name, font: font(13, { bold: true }) })

  const leftLines: { text: string; font: Partial<Font> }[] = [
    { text: RECIPIENTS_LABEL, font: font(12, { bold: true, italic: true }) },
    ...model.recipients.map((text) => ({ text, font: font(11) })),
  ]
  const rows = Math.max(signLines.length, leftLines.length)
  for (let i = 0; i < rows; i++) {
    const row = r + i
    const recipient = leftLines[i]
    const sign = signLines[i]
    if (recipient) {
      put(sheet, row, ...left, recipient.text, recipient.font, {
        horizontal: 'left',
        vertical: 'top',
      })
    }
    if (sign?.text) {
      put(sheet, row, ...right, sign.text, sign.font, { horizontal: 'center', vertical: 'top' })
    }
    sheet.getRow(row).height = 18
  }
  sheet.getRow(r + rows - 1).commit()
}

/** Width and height of a PNG from its IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.byteLength < 24 || signature.some((byte, i) => bytes[i] !== byte)) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  return width > 0 && height > 0 ? { width, height } : null
}

function placePicture(
  sheet: Worksheet,
  model: ReportModel,
  grid: Grid,
  r: number,
  png: Uint8Array,
  imageId: number,
): number {
  const size = pngSize(png) ?? { width: 4, height: 3 }
  const pixels = grid.widths.map((width) => Math.round(width * 7 + 5))
  const totalPx = pixels.reduce((sum, px) => sum + px, 0)
  // The printed page in sheet points: fit to width shrinks the sheet to the printable width.
  const paper = model.landscape ? { width: 297, height: 210 } : { width: 210, height: 297 }
  const pt = (mm: number): number => (mm / 25.4) * 72
  const margins = REPORT_MARGINS
  const printableWidth = pt(paper.width) - (margins.left + margins.right) * 72
  const scale = Math.min(1, printableWidth / (totalPx * 0.75))
  const pageHeight = (pt(paper.height) - (margins.top + margins.bottom) * 72) / scale
  // About 16 cm wide, but never taller than most of a page.
  let width = Math.min(IMAGE_WIDTH_PX, totalPx)
  let height = Math.round((width * size.height) / size.width)
  const maxHeight = (pageHeight * 0.8) / 0.75
  if (height > maxHeight) {
    width = Math.round((width * maxHeight) / height)
    height = Math.round(maxHeight)
  }
  // A picture cut by a page break prints in two halves: start a page before its heading when the
  // rows above (their heights are known: every row written has one) leave too little room.
  let used = 0
  for (let i = 1; i < r; i++) used += sheet.getRow(i).height ?? 15
  const headingRow = r - 1
  const onPage = used % pageHeight
  if (onPage + height * 0.75 > pageHeight && used > pageHeight * 0.1 && headingRow > 1) {
    sheet.getRow(headingRow - 1).addPageBreak()
  }
  // Centred: the left edge as a fractional column index (ExcelJS anchors count from 0).
  let offset = Math.max(0, (totalPx - width) / 2)
  let col = 0
  while (col < pixels.length && offset >= (pixels[col] ?? 0)) {
    offset -= pixels[col] ?? 0
    col += 1
  }
  const colAt = col + offset / (pixels[col] ?? 1)
  const rowPx = 20
  const rows = Math.ceil(height / rowPx) + 1
  for (let i = 0; i < rows; i++) sheet.getRow(r + i).height = rowPx * 0.75
  sheet.addImage(imageId, {
    tl: { col: colAt, row: r - 1 + 0.2 },
    ext: { width, height },
    editAs: 'oneCell',
  } as never)
  return r + rows
}

function missingPicture(sheet: Worksheet, grid: Grid, r: number): number {
  return textRow(
    sheet,
    r,
    1,
    grid.widths.length,
    '(Không có hình biểu đồ kèm theo.)',
    font(12, { italic: true }),
    'center',
  )
}

/** The worker job: the model's .xlsx under its suggested file name. */
export async function reportXlsxJob(
  input: { model: ReportModel; chartPng?: Uint8Array },
  onProgress: (progress: JobProgressReport) => void,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { model, chartPng } = input
  const bytes = await writeReportXlsx(model, { ...(chartPng ? { chartPng } : {}), onProgress })
  return { fileName: `${safeFileName(model.fileName)}.xlsx`, bytes }
}

/** The model's suggested name, reduced to what every file system accepts. */
function safeFileName(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 120)
  return safe || 'bao-cao'
}
