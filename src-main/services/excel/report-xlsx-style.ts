/**
 * The type and cells of a Nghị định 30 report: Times New Roman at the decree's sizes, thin black
 * borders, the decree's margins, cell text cleaned for Excel, and row heights estimated from the
 * lines a wrapped text takes. Shared by the blocks, tables and picture of ./report-xlsx.
 */
import { textWidthMm } from '@shared/documents/fit'
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

/**
 * What a unit of column width prints as: a digit of the workbook's default font, Calibri 11 pt,
 * whose digits are 1038/2048 em wide. LibreOffice reads it so (to the twip, a hair narrower), and
 * so does Excel when it prints; on a 96 dpi screen Excel rounds the digit down to 7 px and shows
 * the columns about 6 % narrower. Widths that fill the line at this unit fit the paper in both.
 */
const WIDTH_UNIT_MM = (1038 / 2048) * 11 * (25.4 / 72)

/**
 * The part of a column's width that holds no text: 2 px of margin each side and the 1 px grid
 * line, of a 7 px digit (the file format's own definition of a width).
 */
const CELL_PADDING = 5 / 7

/** A printed width as a column width, rounded down so columns never outgrow their sum. */
export function mmToWidth(mm: number): number {
  return Math.floor((mm / WIDTH_UNIT_MM) * 100) / 100
}

/**
 * Lines a wrapped text takes in a cell `width` units wide, at `size` points: its words laid out
 * at their printed widths as the shared fit model estimates them (a few per cent wide of Times New
 * Roman's, so a row rather holds a line too many than cuts one off). Estimated, because Excel does
 * not grow rows of merged cells by itself, and LibreOffice keeps the heights a file gives.
 */
export function lineCount(text: string, width: number, size: number, bold = false): number {
  // A column narrower than its padding still holds a letter a line.
  const room = Math.max((width - CELL_PADDING) * WIDTH_UNIT_MM, textWidthMm('M', size, bold))
  const space = textWidthMm(' ', size, bold)
  let lines = 0
  for (const paragraph of text.split('\n')) {
    let used = 0
    lines += 1
    for (const word of paragraph.split(' ')) {
      // Lines break between words and after a hyphen ("GCN-2020-" / "TUONG-BAN").
      word.split(/(?<=-)/).forEach((piece, index) => {
        const length = textWidthMm(piece, size, bold)
        const gap = index === 0 ? space : 0
        if (used === 0) used = length
        else if (used + gap + length <= room) used += gap + length
        else {
          lines += 1
          used = length
        }
        // A piece wider than the cell breaks inside itself.
        const over = Math.ceil(used / room) - 1
        if (over > 0) {
          lines += over
          used -= over * room
        }
      })
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
    const size = cellFont.size ?? 12
    row.height = Math.max(
      row.height ?? 0,
      rowHeight(lineCount(text, width, size, cellFont.bold === true), size),
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
