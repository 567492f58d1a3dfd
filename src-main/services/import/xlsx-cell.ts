/**
 * What an .xlsx cell means (ECMA-376 part 1, §18.3.1.4 and §18.18.11): `t="s"` indexes the shared
 * strings, `inlineStr` holds its text in `<is>`, `str` is a formula's text, `b` is 0/1 (or
 * false/true), `e` an error value, `d` an ISO 8601 date, anything else a number, shown as a date
 * when its number format is a date format. A missing `s` means style 0, the workbook's default.
 */
import { display, errorCell, isErrorValue, serialToDate, tableCell } from './table-cells'
import type { TableCell, TableValue } from './table-types'
import { unescapeExcel, XmlError } from './xlsx-xml'

export interface CellStyle {
  numFmt?: string
  /** True when numFmt formats dates or times (SheetJS's reading of the format grammar). */
  isDate?: boolean
  font?: string
}

export interface XlsxContext {
  strings: readonly string[]
  /** By `s` index; index 0 is the workbook's default style. */
  styles: readonly CellStyle[]
  date1904: boolean
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

/**
 * A `t="d"` value: the calendar date and time as written, at UTC (a sheet's dates are zoneless,
 * and `new Date('2019-12-20T00:00:00')` would read it in the machine's zone); null when it is
 * not an ISO 8601 date.
 */
function isoCellDate(text: string): Date | null {
  const m = ISO_DATE.exec(text.trim())
  if (!m) return null
  const ms = m[7] === undefined ? 0 : Math.round(Number(`0.${m[7]}`) * 1000)
  const date = new Date(
    Date.UTC(
      Number(m[1]),
      Number(m[2]) - 1,
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
      ms,
    ),
  )
  // Date.UTC rolls 31/02 over into March: such a date is not one.
  return date.getUTCDate() === Number(m[3]) && date.getUTCMonth() === Number(m[2]) - 1 ? date : null
}

/** What a `<c>` holds, as the scanner found it. */
export interface RawCell {
  ref: string | undefined
  type: string
  style: number
  /** The `<v>` text, entities and CDATA decoded; undefined without a `<v>`. */
  v: string | undefined
  /** The `<is>` text for inline strings. */
  inline: string | undefined
}

/** One `<c>` to a table cell. */
function cellOf(raw: RawCell, ctx: XlsxContext): TableCell {
  const style = ctx.styles[raw.style]
  const numFmt = style?.numFmt
  const v = raw.v
  let value: TableValue = null
  switch (raw.type) {
    case 'inlineStr':
      value = raw.inline ?? (v === undefined ? null : unescapeExcel(v))
      break
    case 's': {
      if (v === undefined) break
      const index = /^\s*\d+\s*$/.test(v) ? Number(v) : Number.NaN
      if (!Number.isSafeInteger(index)) throw new XmlError(`shared string index "${v}"`)
      const text = ctx.strings[index]
      if (text === undefined)
        return { ...tableCell(null, ''), problem: { kind: 'missing-string', index } }
      value = text
      break
    }
    case 'str':
      value = v === undefined ? null : unescapeExcel(v)
      break
    case 'e':
      if (v !== undefined && v.trim() !== '') return errorCell(v.trim())
      break
    case 'b': {
      const flag = v?.trim().toLowerCase()
      value =
        flag === '1' || flag === 'true' ? true : flag === '0' || flag === 'false' ? false : null
      break
    }
    case 'd':
      if (v !== undefined) value = isoCellDate(v) ?? v
      break
    default: {
      if (v === undefined || v.trim() === '') break
      const n = Number(v)
      if (Number.isFinite(n)) value = style?.isDate ? serialToDate(n, ctx.date1904) : n
      else if (isErrorValue(v.trim())) return errorCell(v.trim())
      else value = v
    }
  }
  if (value instanceof Date && Number.isNaN(value.getTime())) value = null
  const text = display(value, numFmt)
  // Each shape written out whole: a property added later costs a second object per cell.
  // A font only matters for text (legacy encodings), a number format only for numbers and dates.
  return typeof value === 'string'
    ? tableCell(value, text, style?.font)
    : tableCell(value, text, undefined, numFmt)
}

/** Number cells remembered per sheet before the memory is cleared and filling starts again. */
const CACHED_NUMBERS_MAX = 100_000

/**
 * Cells already built, by what they were built from. Lists repeat values (a commune, a group, a
 * star count, a year, a decision date): one read-only cell per value and style spares an object
 * per repetition, which on a 100,000-row list is most of them.
 */
export class CellCache {
  /** Shared-string cells by style, then by string index. */
  private readonly strings = new Map<number, TableCell[]>()
  /** Number cells by style, then by the value as written. */
  private readonly numbers = new Map<number, Map<string, TableCell>>()
  private numberCount = 0

  constructor(private readonly ctx: XlsxContext) {}

  cell(raw: RawCell): TableCell {
    const v = raw.v
    if (v !== undefined && raw.type === 's') {
      const first = v.charCodeAt(0)
      const index = first >= 0x30 && first <= 0x39 ? Number(v) : Number.NaN // starts with a digit
      if (!Number.isSafeInteger(index)) return cellOf(raw, this.ctx)
      let byIndex = this.strings.get(raw.style)
      if (byIndex === undefined) {
        byIndex = []
        this.strings.set(raw.style, byIndex)
      }
      return (byIndex[index] ??= cellOf(raw, this.ctx))
    }
    if (v !== undefined && raw.type === 'n') {
      let byValue = this.numbers.get(raw.style)
      if (byValue === undefined) {
        byValue = new Map()
        this.numbers.set(raw.style, byValue)
      }
      let cell = byValue.get(v)
      if (cell === undefined) {
        cell = cellOf(raw, this.ctx)
        if (++this.numberCount > CACHED_NUMBERS_MAX) {
          this.numbers.clear()
          this.numberCount = 0
        } else {
          byValue.set(v, cell)
        }
      }
      return cell
    }
    return cellOf(raw, this.ctx)
  }
}
