/**
 * One .xlsx worksheet part to a table sheet. The part arrives as text in pieces (it is never held
 * whole); its `<row>` and `<c>` tags are scanned in one forward pass, each cell valued by the
 * format's rules, and merged ranges are spread over their cells at the end.
 *
 * Cell rules (ECMA-376 part 1, §18.3.1.4 and §18.18.11): `t="s"` indexes the shared strings,
 * `inlineStr` holds its text in `<is>`, `str` is a formula's text, `b` is 0/1 (or false/true),
 * `e` an error value, `d` an ISO 8601 date, anything else a number, shown as a date when its
 * number format is a date format. A missing `s` means style 0, the workbook's default.
 * Rows, cells and merged areas are counted against the limits as they are met (table-rows.ts),
 * so a sheet of 16,384-column rows is refused before its cells exist.
 */
import type { Budget } from './read-budget'
import {
  display,
  errorCell,
  isErrorValue,
  MAX_COLUMNS,
  serialToDate,
  tableCell,
} from './table-cells'
import { type CellRange, SheetRows } from './table-rows'
import type { TableCell, TableRow, TableSheet, TableValue } from './table-types'
import {
  emptyTag,
  nextTag,
  NO_TAG,
  PARTIAL,
  plainElementEnd,
  plainElementText,
  runText,
  TAG,
  scanAttributes,
  scanPieces,
  tagIs,
  textBetween,
  unescapeExcel,
  XmlError,
  type XmlTag,
} from './xlsx-xml'

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

/** 'BC' → 55; 0 when the reference has no column letters. */
function columnOf(ref: string): number {
  let col = 0
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i) | 0x20
    if (code < 0x61 || code > 0x7a) break
    col = col * 26 + (code - 0x60)
    if (col > MAX_COLUMNS) return col
  }
  return col
}

function rangeOf(ref: string): CellRange | null {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})(?::\$?([A-Za-z]{1,3})\$?(\d{1,7}))?$/.exec(ref.trim())
  if (!m) return null
  const c1 = columnOf(m[1]!)
  const r1 = Number(m[2])
  const c2 = m[3] === undefined ? c1 : columnOf(m[3])
  const r2 = m[4] === undefined ? r1 : Number(m[4])
  if (!c1 || !c2 || !r1 || !r2 || Math.max(c1, c2) > MAX_COLUMNS) return null
  return {
    top: Math.min(r1, r2),
    left: Math.min(c1, c2),
    bottom: Math.max(r1, r2),
    right: Math.max(c1, c2),
  }
}

const ISO_DATE =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d{1,9}))?)?)?(?:Z|[+-]\d{2}:?\d{2})?$/

/**
 * A `t="d"` value: the calendar date and time as written, at UTC (a sheet's dates are zoneless,
 * and `new Date('2019-12-20T00:00:00')` would read it in the machine's zone); null when it is
 * not an ISO 8601 date.
 */
export function isoCellDate(text: string): Date | null {
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
interface RawCell {
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
class CellCache {
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

type Phase = 'before-data' | 'data' | 'after-data'

/** The scanner's state between pieces of the sheet's text. */
class SheetScanner {
  private readonly rows: SheetRows
  private readonly cells: CellCache
  private readonly merges: string[] = []
  private phase: Phase = 'before-data'
  private rowNumber = 0
  private inRow = false
  private col = 0
  private seen = 0
  private readonly tag = emptyTag()
  private readonly inner = emptyTag()
  /** The text being scanned. */
  private text = ''
  private readonly raw: RawCell = {
    ref: undefined,
    type: 'n',
    style: 0,
    v: undefined,
    inline: undefined,
  }

  constructor(
    name: string,
    private readonly ctx: XlsxContext,
    private readonly budget: Budget,
  ) {
    this.rows = new SheetRows(name, budget)
    this.cells = new CellCache(ctx)
  }

  /**
   * Scans `text` as far as it holds whole tags and cells; returns where it stopped (the rest
   * waits for the next piece). With `last`, a cell cut off by the end of the text is an error.
   */
  scan(text: string, last: boolean): number {
    this.text = text
    const tag = this.tag
    let at = 0
    for (;;) {
      const found = nextTag(text, at, tag)
      if (found === NO_TAG) return text.length
      if (found === PARTIAL) {
        if (last && this.phase === 'data') throw new XmlError('the sheet ends inside a tag')
        return tag.start
      }
      if ((++this.seen & 4095) === 0) this.budget.tick()
      const start = tag.start
      at = tag.end
      if (this.phase === 'before-data') {
        if (tagIs(text, tag, 'sheetData')) {
          this.phase = tag.kind === 'open' ? 'data' : 'after-data'
        }
      } else if (this.phase === 'after-data') {
        if (tag.kind !== 'close' && tagIs(text, tag, 'mergeCell')) this.merge(text, tag)
      } else if (tagIs(text, tag, 'c')) {
        if (tag.kind === 'close') continue
        const end = this.readCell(text, tag)
        if (end < 0) {
          if (last) throw new XmlError(`unclosed <c> in row ${this.rowNumber}`)
          return start
        }
        at = end
        this.place()
      } else if (tagIs(text, tag, 'row')) {
        if (tag.kind === 'close') {
          this.inRow = false
          continue
        }
        let r = Number.NaN
        scanAttributes(text, tag.attrStart, tag.attrEnd, (ns, ne, vs, ve) => {
          if (ne - ns === 1 && text.charCodeAt(ns) === 0x72) r = Number(text.slice(vs, ve))
        })
        this.rowNumber = Number.isInteger(r) && r > 0 ? r : this.rowNumber + 1
        this.inRow = tag.kind === 'open'
        this.col = 0
      } else if (tagIs(text, tag, 'sheetData') && tag.kind === 'close') {
        this.phase = 'after-data'
      }
    }
  }

  /** Keeps a `<c>`'s r, t and s in this.raw (one function for all cells: no closure per cell). */
  private readonly cellAttribute = (ns: number, ne: number, vs: number, ve: number): void => {
    if (ne - ns !== 1) return
    const text = this.text
    const name = text.charCodeAt(ns)
    if (name === 0x72)
      this.raw.ref = text.slice(vs, ve) // r
    else if (name === 0x74)
      this.raw.type = text.slice(vs, ve) // t
    else if (name === 0x73) this.raw.style = Number(text.slice(vs, ve)) || 0 // s
  }

  /** Reads the `<c>` at `open` into this.raw; returns where the cell ends, or -1 if cut off. */
  private readCell(text: string, open: XmlTag): number {
    const raw = this.raw
    raw.ref = undefined
    raw.type = 'n'
    raw.style = 0
    raw.v = undefined
    raw.inline = undefined
    scanAttributes(text, open.attrStart, open.attrEnd, this.cellAttribute)
    if (open.kind === 'empty') return open.end
    const plain = plainElementEnd(text, open.end, 'v')
    if (plain >= 0 && text.startsWith('</c>', plain)) {
      raw.v = plainElementText(text, open.end, plain, 'v')
      return plain + 4
    }
    const tag = this.inner
    let vStart = -1
    for (let at = open.end; ; at = tag.end) {
      if (nextTag(text, at, tag) !== TAG) return -1
      if (tagIs(text, tag, 'c')) {
        if (tag.kind === 'close') return tag.end
      } else if (tagIs(text, tag, 'v')) {
        if (tag.kind === 'open') vStart = tag.end
        else if (tag.kind === 'empty') raw.v = ''
        else if (vStart >= 0) raw.v = textBetween(text, vStart, tag.start)
      } else if (tagIs(text, tag, 'is')) {
        if (tag.kind === 'empty') raw.inline = ''
        if (tag.kind !== 'open') continue
        const inline = runText(text, tag.end, 'is')
        if (inline === null) return -1
        raw.inline = inline.text
        tag.end = inline.end
      }
    }
  }

  /** Puts the cell just read into its row. */
  private place(): void {
    if (!this.inRow) return // a cell outside any row
    const raw = this.raw
    const fromRef = raw.ref === undefined ? 0 : columnOf(raw.ref)
    const col = fromRef || this.col + 1
    this.col = col
    if (col > MAX_COLUMNS) throw new XmlError(`cell ${raw.ref ?? col} is beyond column XFD`)
    this.rows.put(this.rowNumber, col, this.cells.cell(raw))
  }

  private merge(text: string, tag: XmlTag): void {
    scanAttributes(text, tag.attrStart, tag.attrEnd, (ns, ne, vs, ve) => {
      if (text.slice(ns, ne) === 'ref') this.merges.push(text.slice(vs, ve))
    })
  }

  /** The sheet's rows, its merged ranges spread over their cells. */
  finish(): TableRow[] {
    for (const ref of this.merges) {
      const range = rangeOf(ref)
      if (range !== null) this.rows.merge(range)
    }
    return this.rows.rows()
  }
}

/** Reads one worksheet part, given as pieces of its text. */
export async function readXlsxSheet(
  pieces: AsyncIterable<string>,
  name: string,
  state: TableSheet['state'],
  ctx: XlsxContext,
  budget: Budget,
): Promise<TableSheet> {
  const scanner = new SheetScanner(name, ctx, budget)
  await scanPieces(pieces, (text, last) => scanner.scan(text, last))
  return { name, state, rows: scanner.finish() }
}
