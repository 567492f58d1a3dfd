/**
 * The type and cells of a Nghị định 30 report: Times New Roman at the decree's sizes, thin black
 * borders, the decree's margins, cell text cleaned for Excel, and row heights estimated from the
 * lines a wrapped text takes. Shared by the blocks, tables and picture of ./report-xlsx.
 */
import { SIZES } from '@shared/documents/lines'
import type { Alignment, Borders, Font, Worksheet } from './workbook'

export const REPORT_FONT = 'Times New Roman'

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

export const TABLE_SIZE = SIZES.table
const thin = { style: 'thin' as const, color: { argb: 'FF000000' } }
export const allBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin }
// Excel cells hold at most 32,767 characters.
const MAX_TEXT = 32_000

export function font(size: number, style: Partial<Font> = {}): Partial<Font> {
  return { name: REPORT_FONT, size, ...style }
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
export function cleanText(value: string): string {
  // eslint-disable-next-line no-control-regex
  const text = value.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '')
  return text.length > MAX_TEXT ? text.slice(0, MAX_TEXT) : text
}

/** Lines a wrapped text takes in a cell `width` characters wide, at `size` points. */
export function lineCount(text: string, width: number, size: number): number {
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

export function rowHeight(lines: number, size: number): number {
  return Math.round(Math.max(1, lines) * size * 1.32 + 4)
}

/** Writes `text` in a cell merged over columns c1..c2 of row r; returns the next row. */
export function textRow(
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

export function widthOf(sheet: Worksheet, c1: number, c2: number): number {
  let width = 0
  for (let c = c1; c <= c2; c++) width += sheet.getColumn(c).width ?? 10
  return width
}

/** One cell's text and style, merged over c1..c2 when that is more than one column. */
export function put(
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
