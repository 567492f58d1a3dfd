/**
 * One .xlsx worksheet part to a table sheet. The part arrives as text in pieces (it is never held
 * whole); its `<row>` and `<c>` tags are scanned in one forward pass, each cell valued by the
 * format's rules (xlsx-cell.ts), and merged ranges are spread over their cells at the end.
 * Rows, cells and merged areas are counted against the limits as they are met (table-rows.ts),
 * so a sheet of 16,384-column rows is refused before its cells exist.
 */
import type { Budget } from './read-budget'
import { MAX_COLUMNS } from './table-cells'
import { type CellRange, SheetRows } from './table-rows'
import type { TableRow, TableSheet } from './table-types'
import { CellCache, type RawCell, type XlsxContext } from './xlsx-cell'
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
  XmlError,
  type XmlTag,
} from './xlsx-xml'

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
