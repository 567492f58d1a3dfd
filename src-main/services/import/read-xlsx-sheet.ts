/**
 * One .xlsx worksheet part to a table sheet: its `<row>`/`<c>` tags scanned in chunks of whole
 * rows, each cell valued by ExcelJS's rules (shared and inline strings, formulas by their cached
 * result, dates by a date number format), merged ranges spread over their cells.
 */
import type { Budget } from './read-budget'
import { display, emptyCell, isEmpty, serialToDate, trimRow } from './table-cells'
import type { TableCell, TableRow, TableSheet, TableValue } from './table-types'
import { attribute, elements, runText, section, unescapeExcel, xmlText } from './xlsx-xml'

/** Excel's largest sheet: columns A..XFD. */
const MAX_COLUMNS = 16_384

/** ExcelJS's test for a date format: y, m, d, h, s or b outside quotes and brackets. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false
  return /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))
}

export interface CellStyle {
  numFmt?: string
  font?: string
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

interface Range {
  top: number
  left: number
  bottom: number
  right: number
}

function rangeOf(ref: string): Range | null {
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

export interface XlsxContext {
  strings: string[]
  styles: CellStyle[]
  date1904: boolean
}

/** One `<c>` to a table cell, by ExcelJS's rules for values and our `display` for the text. */
function xmlCell(attrs: string, body: string, ctx: XlsxContext): TableCell {
  const type = attribute(attrs, 't') ?? 'n'
  const s = Number(attribute(attrs, 's') ?? 0)
  const style = s ? ctx.styles[s] : undefined
  const numFmt = style?.numFmt
  let value: TableValue = null
  let error: string | undefined
  let v: string | undefined
  if (body !== '') {
    const open = body.indexOf('<v>')
    if (open >= 0) {
      const close = body.indexOf('</v>', open)
      v = xmlText(body.slice(open + 3, close < 0 ? body.length : close))
    } else if (body.includes('v')) {
      const m = /<(?:[\w.-]+:)?v(?:\s[^>]*)?>([^<]*)</.exec(body)
      if (m) v = xmlText(m[1]!)
    }
  }
  if (type === 'inlineStr') {
    value = runText(body)
  } else if (v !== undefined) {
    switch (type) {
      case 's': {
        const text = ctx.strings[Number.parseInt(v, 10)]
        value = text === undefined ? null : text
        break
      }
      case 'str':
        value = unescapeExcel(v)
        break
      case 'e':
        error = v
        break
      case 'b':
        value = Number.parseInt(v, 10) !== 0
        break
      case 'd': {
        const date = new Date(v)
        value = Number.isNaN(date.getTime()) ? v : date
        break
      }
      default: {
        const n = Number.parseFloat(v)
        if (!Number.isFinite(n)) value = null
        else value = isDateFormat(numFmt) ? serialToDate(n, ctx.date1904) : n
      }
    }
  }
  if (value instanceof Date && Number.isNaN(value.getTime())) value = null
  const out: TableCell = { value, text: error ?? display(value, numFmt) }
  if (style?.font) out.font = style.font
  if (numFmt) out.numFmt = numFmt
  return out
}

/** Sheet XML is decoded and scanned this many bytes at a time (cut after a `</row>`). */
const CHUNK_BYTES = 4 * 1024 * 1024

export function readXlsxSheet(
  xml: Buffer,
  name: string,
  state: TableSheet['state'],
  ctx: XlsxContext,
  budget: Budget,
): TableSheet {
  const head = xml.toString('utf8', 0, Math.min(xml.length, 65_536))
  const root = /<(?:([\w.-]+):)?worksheet\b/.exec(head)
  const p = root?.[1] ? `${root[1]}:` : ''
  const dataOpen = xml.indexOf(`<${p}sheetData`)
  let dataEnd = dataOpen < 0 ? -1 : xml.indexOf(`</${p}sheetData>`, dataOpen)
  if (dataOpen >= 0 && dataEnd < 0) dataEnd = xml.length
  const byRow = new Map<number, TableCell[]>()
  const tag = new RegExp(`<${p}(row|c)(\\s[^>]*?)?(/?)>`, 'g')
  const cellClose = `</${p}c>`
  const rowClose = `</${p}row>`
  let rowNumber = 0
  let inRow = false
  let col = 0
  let seen = 0
  for (let from = dataOpen; from >= 0 && from < dataEnd;) {
    // Whole rows per chunk: a row's cells never straddle two chunks.
    const cut = xml.indexOf(rowClose, Math.min(from + CHUNK_BYTES, dataEnd))
    const to = cut < 0 || cut >= dataEnd ? dataEnd : cut + rowClose.length
    const text = xml.toString('utf8', from, to)
    from = to
    tag.lastIndex = 0
    for (let m = tag.exec(text); m !== null; m = tag.exec(text)) {
      if ((++seen & 4095) === 0) budget.tick()
      const attrs = m[2] ?? ''
      if (m[1] === 'row') {
        const r = Number(attribute(attrs, 'r'))
        rowNumber = Number.isInteger(r) && r > 0 ? r : rowNumber + 1
        inRow = true
        col = 0
        continue
      }
      let body = ''
      if (m[3] !== '/') {
        const end = text.indexOf(cellClose, tag.lastIndex)
        if (end < 0) throw new Error(`unclosed <c> in row ${rowNumber}`)
        body = text.slice(tag.lastIndex, end)
        tag.lastIndex = end + cellClose.length
      }
      if (!inRow) continue // a cell outside any row
      const ref = attribute(attrs, 'r')
      col = ref === undefined ? col + 1 : columnOf(ref) || col + 1
      if (col > MAX_COLUMNS) throw new Error(`cell ${ref ?? col} is beyond column XFD`)
      const cell = xmlCell(attrs, body, ctx)
      let cells = byRow.get(rowNumber)
      // Styled empty cells (a bordered blank table) are left out: trimRow would drop them.
      if (isEmpty(cell) && (cells === undefined || cells.length < col)) continue
      if (cells === undefined) {
        cells = []
        byRow.set(rowNumber, cells)
      }
      while (cells.length < col - 1) cells.push(emptyCell())
      cells[col - 1] = cell
    }
  }

  // Merged ranges: every cell gets the top-left; covered cells are shown empty, as in Excel.
  let mergedArea = 0
  const tail = xml.toString('utf8', Math.max(dataEnd, 0))
  for (const mergeTag of elements(section(tail, 'mergeCells'), 'mergeCell')) {
    const range = rangeOf(attribute(mergeTag, 'ref') ?? '')
    if (range === null) continue
    mergedArea += (range.bottom - range.top + 1) * (range.right - range.left + 1)
    budget.checkArea(mergedArea, name)
    const merged = { top: range.top, left: range.left }
    for (let r = range.top; r <= range.bottom; r++) {
      let row = byRow.get(r)
      if (row === undefined) {
        row = []
        byRow.set(r, row)
      }
      while (row.length < range.right) row.push(emptyCell())
      for (let c = range.left; c <= range.right; c++) {
        const master = r === range.top && c === range.left
        row[c - 1] = master
          ? { ...row[c - 1]!, merged: { ...merged } }
          : { value: null, text: '', merged: { ...merged } }
      }
    }
  }

  const rows: TableRow[] = []
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const dense = trimRow(byRow.get(r)!)
    if (!dense) continue
    budget.take(dense.length, name)
    rows.push({ row: r, cells: dense })
  }
  return { name, state, rows }
}
