/**
 * The bordered tables of a Nghị định 30 report: one- or two-level header rows (a group title over
 * its columns), data, group and total rows with shared cell styles, and which table's header rows
 * repeat on every printed page.
 */
import type { DocCell, DocColumn, DocRow, DocSection, DocTable } from '@shared/documents/model'
import {
  TABLE_SIZE,
  allBorders,
  cleanText,
  columnLetter,
  font,
  lineCount,
  rowHeight,
  widthOf,
} from './report-xlsx-style'
import { spanAt, type Span } from './report-xlsx-blocks'
import type { Alignment, Cell, Worksheet } from './workbook'

/**
 * The table whose header rows repeat at the top of every printed page. A sheet has one such range,
 * printed on every page after it first appears, so it must never stand above another table's rows:
 * it is the first table (its index among the tables) of the run of tables at the end that share the same columns (for most
 * reports, the only table).
 */
export function repeatedTable(sections: readonly DocSection[]): number {
  const tables = sections.flatMap((section, index) =>
    section.table ? [{ table: section.table, section: index }] : [],
  )
  const titles = (table: DocTable): string =>
    JSON.stringify(table.columns.map((c) => [c.group ?? '', c.title]))
  const last = tables[tables.length - 1]
  if (!last) return -1
  let first = tables.length - 1
  while (first > 0 && titles(tables[first - 1]?.table as DocTable) === titles(last.table)) {
    first -= 1
  }
  // Nor above a picture, which would print under the repeated rows.
  const from = tables[first]?.section ?? 0
  return sections.some((section, index) => index > from && section.image) ? -1 : first
}

interface HeaderCell {
  title: string
  /** 1-based columns it spans. */
  from: number
  to: number
}

/** The parent titles of a two-level header: runs of neighbouring columns with the same group. */
function groupRuns(columns: readonly DocColumn[]): (HeaderCell & { grouped: boolean })[] {
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

/**
 * Writes `value` with `style` over the sheet columns `from`..`to` of rows `r`..`bottom`, merged
 * when that is more than one cell; the covered cells keep the style, so the borders are drawn
 * where the range has its edges.
 */
function block(
  sheet: Worksheet,
  area: { r: number; bottom: number; from: number; to: number },
  value: Cell['value'] | null,
  style: CellStyle,
): void {
  const { r, bottom, from, to } = area
  if (to > from || bottom > r) {
    sheet.mergeCells(`${columnLetter(from)}${r}:${columnLetter(to)}${bottom}`)
  }
  for (let row = r; row <= bottom; row++) {
    for (let c = from; c <= to; c++) {
      const cell = sheet.getRow(row).getCell(c)
      if (row === r && c === from && value !== null) cell.value = value
      cell.style = style
    }
  }
}

/** The table's header rows from row `r`, each column over its `spans`; returns the next row. */
export function tableHeader(
  sheet: Worksheet,
  r: number,
  table: DocTable,
  spans: readonly Span[],
): number {
  const columns = table.columns
  const twoLevel = columns.some((column) => column.group)
  const spanOf = (index: number) => spanAt(spans, index)
  const head = (row: number, bottom: number, from: Span, to: Span, title: string): number => {
    block(sheet, { r: row, bottom, from: from.from, to: to.to }, cleanText(title), headStyle)
    return rowHeight(
      lineCount(title, widthOf(sheet, from.from, to.to), TABLE_SIZE, true),
      TABLE_SIZE,
    )
  }
  if (!twoLevel) {
    let height = 0
    columns.forEach((column, index) => {
      height = Math.max(height, head(r, r, spanOf(index), spanOf(index), column.title))
    })
    sheet.getRow(r).height = height
    return r + 1
  }
  let top = 0
  let bottom = 0
  let both = 0
  for (const run of groupRuns(columns)) {
    const first = spanOf(run.from - 1)
    if (run.grouped) {
      top = Math.max(top, head(r, r, first, spanOf(run.to - 1), run.title))
      for (let index = run.from - 1; index < run.to; index++) {
        const column = columns[index] as DocColumn
        bottom = Math.max(bottom, head(r + 1, r + 1, spanOf(index), spanOf(index), column.title))
      }
    } else {
      // A column without a parent spans both header rows, which must hold its title together.
      both = Math.max(both, head(r, r + 1, first, first, run.title))
    }
  }
  sheet.getRow(r).height = top
  sheet.getRow(r + 1).height = Math.max(bottom, both - top)
  return r + 2
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

export interface ColumnStyles {
  /** The column's width on the sheet (characters), which row heights are estimated from. */
  width: number
  text: CellStyle
  number: CellStyle
  boldText: CellStyle
  boldNumber: CellStyle
}

export function columnStyles(column: DocColumn, width: number): ColumnStyles {
  const text: Partial<Alignment> = { horizontal: column.align, vertical: 'middle', wrapText: true }
  const number: Partial<Alignment> = {
    // Numbers sit right, except in a centred column (STT, star counts).
    horizontal: column.align === 'center' ? 'center' : 'right',
    vertical: 'middle',
  }
  // One decimal for scores ("75.5"); other numbers keep Excel's General format.
  const numFmt = isScore(column) ? { numFmt: '0.0' } : {}
  return {
    width,
    text: { font: dataFont, alignment: text, border: allBorders },
    number: { font: dataFont, alignment: number, border: allBorders, ...numFmt },
    boldText: { font: boldFont, alignment: text, border: allBorders },
    boldNumber: { font: boldFont, alignment: number, border: allBorders, ...numFmt },
  }
}

function isScore(column: DocColumn | undefined): boolean {
  return column !== undefined && /score|diem/i.test(column.key)
}

/** One row of the table at row `r`, each cell over its column's `spans`; returns the next row. */
export function tableRow(
  sheet: Worksheet,
  r: number,
  table: DocTable,
  styles: ColumnStyles[],
  row: DocRow,
  spans: readonly Span[],
): number {
  const columns = table.columns
  const excelRow = sheet.getRow(r)
  if (row.kind === 'group') {
    const last = spans[columns.length - 1]?.to ?? Math.max(columns.length, 1)
    block(sheet, { r, bottom: r, from: 1, to: last }, cleanText(row.label), groupStyle)
    excelRow.height = rowHeight(
      lineCount(row.label, widthOf(sheet, 1, last), TABLE_SIZE, true),
      TABLE_SIZE,
    )
    return r + 1
  }
  const bold = row.kind !== 'data'
  let lines = 1
  columns.forEach((_column, index) => {
    const value: DocCell | undefined = row.cells[index]
    const { from, to } = spanAt(spans, index)
    const style = styles[index] as ColumnStyles
    if (typeof value === 'number' && Number.isFinite(value)) {
      block(sheet, { r, bottom: r, from, to }, value, bold ? style.boldNumber : style.number)
      return
    }
    const text = typeof value === 'string' && value !== '' ? cleanText(value) : null
    block(sheet, { r, bottom: r, from, to }, text, bold ? style.boldText : style.text)
    if (text !== null) lines = Math.max(lines, lineCount(text, style.width, TABLE_SIZE, bold))
  })
  excelRow.height = rowHeight(lines, TABLE_SIZE)
  return r + 1
}
