/**
 * Cell helpers shared by the table readers: empty cells and trimmed rows, Excel serial dates, and
 * the text Excel shows for a value under its number format (SheetJS's SSF).
 */
import * as XLSX from '@e965/xlsx'
import type { TableCell, TableValue } from './table-types'

/** Excel's widest sheet: columns A..XFD. */
export const MAX_COLUMNS = 16_384

const MS_PER_DAY = 86_400_000
/** Days from Excel's 1900 epoch (serial 0 = 1899-12-30) to 1970-01-01. */
const EPOCH_1900 = 25_569
const EPOCH_1904 = 24_107

/**
 * Empty: no value, no text, no problem to report, and not part of a merged range (merges are
 * kept whole).
 */
export function isEmpty(cell: TableCell): boolean {
  return (
    cell.value === null &&
    cell.text === '' &&
    cell.merged === undefined &&
    cell.problem === undefined
  )
}

/** Drops trailing empty cells; null when nothing is left. */
export function trimRow(cells: TableCell[]): TableCell[] | null {
  let end = cells.length
  while (end > 0 && isEmpty(cells[end - 1]!)) end -= 1
  if (end === 0) return null
  return end === cells.length ? cells : cells.slice(0, end)
}

/**
 * A cell with the fields every reader sets, in one order. Code that walks a table (header
 * detection, the row rules) runs a third slower when the cells it meets come in many shapes
 * (measured on 100,000 rows), so every reader builds its cells here, and a merged range or a
 * problem only adds its field.
 */
export function tableCell(
  value: TableValue,
  text: string,
  font: string | undefined = undefined,
  numFmt: string | undefined = undefined,
): TableCell {
  return { value, text, font, numFmt }
}

/** One shared empty cell: rows are padded with it up to their last cell (never mutated). */
export const EMPTY_CELL: TableCell = tableCell(null, '')

/** The error values Excel shows in a cell (and writes as text when it saves a CSV). */
const ERROR_VALUES = new Set([
  '#NULL!',
  '#DIV/0!',
  '#VALUE!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#N/A',
  '#GETTING_DATA',
  '#SPILL!',
  '#CALC!',
  '#FIELD!',
  '#BLOCKED!',
  '#CONNECT!',
  '#BUSY!',
  '#UNKNOWN!',
])

export function isErrorValue(text: string): boolean {
  return ERROR_VALUES.has(text)
}

/** A cell holding an Excel error value: no value, the error as its text, and the problem said. */
export function errorCell(error: string): TableCell {
  return { ...tableCell(null, error), problem: { kind: 'error-value', value: error } }
}

function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + EPOCH_1900
}

export function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900
  return new Date(Math.round((serial - epoch) * MS_PER_DAY))
}

export const SSF = XLSX.SSF as {
  format(fmt: string, value: unknown): string
  is_date(fmt: string): boolean
}

/** Formatted numbers and dates by format and value: lists repeat them (scores, years, dates). */
const shown = new Map<string, Map<number, string>>()
let shownCount = 0
const SHOWN_MAX = 50_000

/** Formats a value the way Excel shows it; falls back to plain text when the format is odd. */
export function display(value: TableValue, numFmt: string | undefined): string {
  if (value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
  const isDate = value instanceof Date
  const key = isDate ? value.getTime() : value
  const formatKey = isDate ? `d${numFmt ?? ''}` : `n${numFmt ?? ''}`
  const known = shown.get(formatKey)?.get(key)
  if (known !== undefined) return known
  const text = format(value, numFmt)
  if (shownCount >= SHOWN_MAX) {
    shown.clear()
    shownCount = 0
  }
  let map = shown.get(formatKey)
  if (map === undefined) {
    map = new Map()
    shown.set(formatKey, map)
  }
  map.set(key, text)
  shownCount++
  return text
}

function format(value: number | Date, numFmt: string | undefined): string {
  if (value instanceof Date) {
    if (Number.isNaN(value.getTime())) return ''
    const fmt = numFmt && SSF.is_date(numFmt) ? numFmt : 'dd/mm/yyyy'
    try {
      return SSF.format(fmt, dateToSerial(value))
    } catch {
      return value.toISOString().slice(0, 10)
    }
  }
  try {
    return SSF.format(numFmt ?? 'General', value)
  } catch {
    return String(value)
  }
}
