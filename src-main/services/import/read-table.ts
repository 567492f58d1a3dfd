/**
 * Step 2 of the import (issue 4): read a checked file into one plain structure, whatever its
 * format, so header detection and mapping never see ExcelJS, SheetJS or CSV details.
 *
 * - .xlsx/.xlsm by reading the zip's XML parts directly (yauzl, node:zlib and a small scanner): values as
 *   ExcelJS gives them (rich text joined, formulas by their cached result, dates by their number
 *   format), at a fraction of ExcelJS's time and memory on 100,000-row lists.
 * - .xls/.ods through @e965/xlsx (patched SheetJS; never xlsx@0.18.5).
 * - CSV through read-csv.ts (papaparse + iconv-lite for Windows-1258).
 *
 * Dates are zoneless (STACK.md): a date cell becomes a Date at UTC midnight, read it with UTC
 * getters. Every failure is an AppError with a Vietnamese message naming the file (and sheet).
 * Plain Node, no electron.
 */
import * as XLSX from '@e965/xlsx'
import { inflateRawSync } from 'node:zlib'
import { fromBuffer, type Entry, type ZipFile } from 'yauzl'
import { AppError } from '@shared/errors'
import type { FileKind } from './file-check'
import { decodeCsv, parseCsv } from './read-csv'

export type TableValue = string | number | boolean | Date | null

export interface TableCell {
  value: TableValue
  /** What Excel shows: the number or date formatted by the cell's format, the text as written. */
  text: string
  /** Font name (xlsx only), to tell TCVN3 (.VnTime, .VnTimeH) and VNI (VNI-*) text apart. */
  font?: string
  numFmt?: string
  /**
   * Set on every cell of a merged range, its top-left included: the range's top-left, 1-based.
   * Covered cells (all but the top-left) are empty, as Excel shows them.
   */
  merged?: { top: number; left: number }
}

export interface TableRow {
  /** 1-based sheet row, or 1-based CSV record. */
  row: number
  /** Column 1 is cells[0]; dense up to the row's last non-empty cell. Empty rows are left out. */
  cells: TableCell[]
}

export interface TableSheet {
  name: string
  state: 'visible' | 'hidden'
  rows: TableRow[]
}

export interface TableFile {
  fileName: string
  sheets: TableSheet[]
}

export interface ReadLimits {
  /** Rows (or CSV records) in the whole file. */
  maxRows: number
  /** Cells in the whole file, counted up to each row's last non-empty cell. */
  maxCells: number
  /** Refuse the file when reading takes longer than this. */
  timeoutMs?: number
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxRows: 200_000, maxCells: 5_000_000 }
const DEFAULT_TIMEOUT_MS = 60_000

const MS_PER_DAY = 86_400_000
/** Days from Excel's 1900 epoch (serial 0 = 1899-12-30) to 1970-01-01. */
const EPOCH_1900 = 25_569
const EPOCH_1904 = 24_107

export type ReadTableCode =
  | 'import.read.too-many-rows'
  | 'import.read.too-many-cells'
  | 'import.read.timeout'
  | 'import.read.no-sheets'
  | 'import.read.csv-quotes'
  | 'import.read.failed'

function formatCount(n: number): string {
  return n.toLocaleString('vi-VN')
}

function where(fileName: string, sheet?: string): string {
  return sheet === undefined ? `Tệp "${fileName}"` : `Tệp "${fileName}", trang "${sheet}"`
}

const messages = {
  tooManyRows: (file: string, sheet: string | undefined, limit: number) =>
    `${where(file, sheet)} có quá nhiều dòng (giới hạn ${formatCount(limit)} dòng cho một tệp) ` +
    `nên phần mềm không nhập. Hãy xóa các dòng, trang tính không cần hoặc tách danh sách thành nhiều tệp nhỏ hơn rồi nhập lại.`,
  tooManyCells: (file: string, sheet: string | undefined, limit: number) =>
    `${where(file, sheet)} có quá nhiều ô dữ liệu (giới hạn ${formatCount(limit)} ô cho một tệp) ` +
    `nên phần mềm không nhập. Hãy xóa các cột, trang tính không cần hoặc tách danh sách thành nhiều tệp nhỏ hơn rồi nhập lại.`,
  timeout: (file: string, seconds: number) =>
    `${where(file)} đọc quá lâu (quá ${seconds} giây) nên phần mềm đã dừng. Hãy mở tệp bằng Excel, ` +
    `xóa các trang tính không cần, lưu lại dưới dạng .xlsx rồi nhập lại.`,
  noSheets: (file: string) =>
    `${where(file)} không có trang tính nào để đọc. Đề nghị xã, phường kiểm tra và gửi lại tệp.`,
  csvQuotes: (file: string) =>
    `${where(file)} (CSV) có dấu ngoặc kép (") bị thiếu nên các dòng bị dính vào nhau. Hãy mở tệp ` +
    `bằng Excel, kiểm tra lại, lưu dưới dạng .xlsx rồi nhập lại.`,
  failed: (file: string, sheet?: string) =>
    `${where(file, sheet)} không đọc được, có thể tệp bị hỏng. Hãy mở tệp bằng Excel, lưu lại ` +
    `dưới dạng .xlsx rồi nhập lại; nếu vẫn lỗi, đề nghị xã, phường gửi lại tệp.`,
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

function fail(
  code: ReadTableCode,
  fileName: string,
  message: string,
  cause: string,
  sheet?: string,
): AppError {
  return new AppError({
    code,
    message,
    cause,
    where: sheet === undefined ? { file: fileName } : { file: fileName, sheet },
  })
}

function timeoutError(fileName: string, timeoutMs: number): AppError {
  return fail(
    'import.read.timeout',
    fileName,
    messages.timeout(fileName, Math.ceil(timeoutMs / 1000)),
    `reading took longer than ${timeoutMs} ms`,
  )
}

/**
 * Counts rows and cells against the limits while a reader fills a file, and watches the clock:
 * the readers parse synchronously, so a timer alone could not stop them.
 */
class Budget {
  private rows = 0
  private cells = 0
  constructor(
    private readonly limits: ReadLimits,
    private readonly fileName: string,
    private readonly deadline: number,
    private readonly timeoutMs: number,
  ) {}

  get maxCells(): number {
    return this.limits.maxCells
  }

  /** Throws the timeout error once the deadline has passed. */
  tick(): void {
    if (Date.now() > this.deadline) throw timeoutError(this.fileName, this.timeoutMs)
  }

  /** Refuses merged ranges covering more cells than a whole file may hold. */
  checkArea(cells: number, sheet: string): void {
    if (cells > this.limits.maxCells) {
      throw fail(
        'import.read.too-many-cells',
        this.fileName,
        messages.tooManyCells(this.fileName, sheet, this.limits.maxCells),
        `merged ranges cover ${cells} cells`,
        sheet,
      )
    }
  }

  take(cells: number, sheet: string | undefined): void {
    this.rows += 1
    this.cells += cells
    if ((this.rows & 1023) === 0) this.tick()
    if (this.rows > this.limits.maxRows) {
      throw fail(
        'import.read.too-many-rows',
        this.fileName,
        messages.tooManyRows(this.fileName, sheet, this.limits.maxRows),
        `more than ${this.limits.maxRows} rows`,
        sheet,
      )
    }
    if (this.cells > this.limits.maxCells) {
      throw fail(
        'import.read.too-many-cells',
        this.fileName,
        messages.tooManyCells(this.fileName, sheet, this.limits.maxCells),
        `more than ${this.limits.maxCells} cells`,
        sheet,
      )
    }
  }
}

/**
 * Reads a file that checkImportFile accepted into sheets of rows of plain cells. Throws AppError
 * (code `import.read.*`) and nothing else.
 */
export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  kind: FileKind,
  limits: ReadLimits = DEFAULT_READ_LIMITS,
): Promise<TableFile> {
  const timeoutMs = limits.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const budget = new Budget(limits, fileName, Date.now() + timeoutMs, timeoutMs)
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(timeoutError(fileName, timeoutMs)), timeoutMs)
  })
  try {
    const sheets = await Promise.race([read(bytes, fileName, kind, limits, budget), timeout])
    if (sheets.length === 0) {
      throw fail('import.read.no-sheets', fileName, messages.noSheets(fileName), 'no worksheets')
    }
    return { fileName, sheets }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw fail('import.read.failed', fileName, messages.failed(fileName), describe(error))
  } finally {
    clearTimeout(timer)
  }
}

async function read(
  bytes: Uint8Array,
  fileName: string,
  kind: FileKind,
  limits: ReadLimits,
  budget: Budget,
): Promise<TableSheet[]> {
  switch (kind.kind) {
    case 'xlsx':
      return readXlsx(bytes, fileName, budget)
    case 'xls':
    case 'ods':
      return readSheetJs(bytes, fileName, budget, limits)
    case 'csv':
      return readCsv(bytes, fileName, kind.encoding, budget, limits)
  }
}

// ---------------------------------------------------------------------------------------------
// Shared helpers

/** Empty: no value, no text, and not part of a merged range (merges are kept whole). */
function isEmpty(cell: TableCell): boolean {
  return cell.value === null && cell.text === '' && cell.merged === undefined
}

/** Drops trailing empty cells; null when nothing is left. */
function trimRow(cells: TableCell[]): TableCell[] | null {
  let end = cells.length
  while (end > 0 && isEmpty(cells[end - 1]!)) end -= 1
  if (end === 0) return null
  return end === cells.length ? cells : cells.slice(0, end)
}

function emptyCell(): TableCell {
  return { value: null, text: '' }
}

function dateToSerial(date: Date): number {
  return date.getTime() / MS_PER_DAY + EPOCH_1900
}

function serialToDate(serial: number, date1904: boolean): Date {
  const epoch = date1904 ? EPOCH_1904 : EPOCH_1900
  return new Date(Math.round((serial - epoch) * MS_PER_DAY))
}

const SSF = XLSX.SSF as {
  format(fmt: string, value: unknown): string
  is_date(fmt: string): boolean
}

/** Formatted numbers and dates by format and value: lists repeat them (scores, years, dates). */
const shown = new Map<string, Map<number, string>>()
let shownCount = 0
const SHOWN_MAX = 50_000

/** Formats a value the way Excel shows it; falls back to plain text when the format is odd. */
function display(value: TableValue, numFmt: string | undefined): string {
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

// ---------------------------------------------------------------------------------------------
// .xlsx / .xlsm (the zip's XML parts, read directly)
//
// ExcelJS's whole-file reader builds a model object per cell and keeps the whole workbook: 100,000
// rows took 11 s and 700 MiB. Reading the parts ourselves costs little more than inflating them,
// and gives the same values ExcelJS gave (its rules are kept below: shared and inline strings with
// `_xHHHH_` escapes, formulas by their cached result, dates by a date number format, a cell's
// style only from a non-zero `s`).

/** Excel's largest sheet: columns A..XFD. */
const MAX_COLUMNS = 16_384
/** An inflated part larger than this cannot become a JS string; refuse it before inflating. */
const MAX_PART_CHARS = 400 * 1024 * 1024

/** Built-in number formats, as ExcelJS names them (lib/xlsx/defaultnumformats.js). */
const BUILTIN_NUMFMT: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
}

/** ExcelJS's test for a date format: y, m, d, h, s or b outside quotes and brackets. */
function isDateFormat(numFmt: string | undefined): boolean {
  if (!numFmt) return false
  return /[ymdhMsb]/.test(numFmt.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''))
}

const ENTITY = /&(?:#[xX]([0-9a-fA-F]{1,6})|#(\d{1,7})|(lt|gt|amp|quot|apos));/g
const NAMED_ENTITY: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" }

function codePoint(code: number, fallback: string): string {
  return code <= 0x10ffff ? String.fromCodePoint(code) : fallback
}

/** XML text or attribute value to a string. */
function xmlText(raw: string): string {
  if (!raw.includes('&')) return raw
  return raw.replace(ENTITY, (m, hex?: string, dec?: string, name?: string) =>
    hex !== undefined
      ? codePoint(parseInt(hex, 16), m)
      : dec !== undefined
        ? codePoint(parseInt(dec, 10), m)
        : (NAMED_ENTITY[name ?? ''] ?? m),
  )
}

/** Excel's escapes for characters XML cannot hold (`_x000D_`), as ExcelJS decodes them. */
function unescapeExcel(text: string): string {
  if (!text.includes('_x')) return text
  return text.replace(/_x([0-9A-F]{4})_/g, (_, hex: string) =>
    String.fromCharCode(parseInt(hex, 16)),
  )
}

const ATTRIBUTE = /([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g

function attributes(tag: string): Map<string, string> {
  const out = new Map<string, string>()
  for (const m of tag.matchAll(ATTRIBUTE)) out.set(m[1]!, xmlText(m[2] ?? m[3] ?? ''))
  return out
}

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x09 || code === 0x0a || code === 0x0d
}

/** One attribute of a start tag's attribute text (`name="value"` or `name='value'`). */
function attribute(tag: string, name: string): string | undefined {
  for (let at = tag.indexOf(name); at >= 0; at = tag.indexOf(name, at + 1)) {
    if (at > 0 && !isSpace(tag.charCodeAt(at - 1))) continue
    let i = at + name.length
    while (isSpace(tag.charCodeAt(i))) i++
    if (tag.charCodeAt(i) !== 0x3d) continue // '='
    i++
    while (isSpace(tag.charCodeAt(i))) i++
    const quote = tag[i]
    if (quote !== '"' && quote !== "'") continue
    const end = tag.indexOf(quote, i + 1)
    return end < 0 ? undefined : xmlText(tag.slice(i + 1, end))
  }
  return undefined
}

/** Start tags (with their attribute text) of one element name, any namespace prefix. */
function* elements(xml: string, name: string): Generator<string> {
  const re = new RegExp(`<(?:[\\w.-]+:)?${name}(\\s[^>]*)?/?>`, 'g')
  for (const m of xml.matchAll(re)) yield m[1] ?? ''
}

/** The text between the first start tag `name` and its end tag, or ''. */
function section(xml: string, name: string): string {
  const open = new RegExp(`<(?:[\\w.-]+:)?${name}(?:\\s[^>]*)?>`).exec(xml)
  if (!open) return ''
  const from = open.index + open[0].length
  const close = new RegExp(`</(?:[\\w.-]+:)?${name}>`, 'g')
  close.lastIndex = from
  const end = close.exec(xml)
  return xml.slice(from, end ? end.index : xml.length)
}

const T_TEXT = /<(?:[\w.-]+:)?t(?:\s[^>]*)?(?:\/>|>([^<]*)<\/(?:[\w.-]+:)?t>)/g
const PHONETIC = /<(?:[\w.-]+:)?rPh\b[\s\S]*?<\/(?:[\w.-]+:)?rPh>/g

/** The text of a shared string item or an inline string: its runs joined, phonetics left out. */
function runText(xml: string): string {
  const body = xml.includes('rPh') ? xml.replace(PHONETIC, '') : xml
  let text = ''
  for (const m of body.matchAll(T_TEXT)) if (m[1]) text += xmlText(m[1])
  return unescapeExcel(text)
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.replace(/^\/+/, '')
  const parts = base.split('/').slice(0, -1)
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop()
    else if (segment !== '.' && segment !== '') parts.push(segment)
  }
  return parts.join('/')
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

interface Rel {
  type: string
  target: string
}

function relationships(xml: string, base: string): Map<string, Rel> {
  const out = new Map<string, Rel>()
  for (const tag of elements(xml, 'Relationship')) {
    const a = attributes(tag)
    const id = a.get('Id')
    const target = a.get('Target')
    if (id === undefined || target === undefined || a.get('TargetMode') === 'External') continue
    out.set(id, {
      type: a.get('Type') ?? '',
      target: resolvePart(base, decodeURIComponent(target)),
    })
  }
  return out
}

interface CellStyle {
  numFmt?: string
  font?: string
}

/** Styles by `s` index; index 0 (and a missing `s`) gives no style, as in ExcelJS. */
function cellStyles(xml: string): CellStyle[] {
  const formats = new Map<number, string>()
  for (const tag of elements(section(xml, 'numFmts'), 'numFmt')) {
    const a = attributes(tag)
    formats.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '')
  }
  const fonts: (string | undefined)[] = []
  const fontItem = /<(?:[\w.-]+:)?font\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?font>)/g
  for (const m of section(xml, 'fonts').matchAll(fontItem)) {
    const name = /<(?:[\w.-]+:)?name\s+val\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1] ?? '')
    fonts.push(name ? xmlText(name[1] ?? name[2] ?? '') : undefined)
  }
  const styles: CellStyle[] = []
  for (const tag of elements(section(xml, 'cellXfs'), 'xf')) {
    const a = attributes(tag)
    const style: CellStyle = {}
    const numFmtId = Number(a.get('numFmtId') ?? 0)
    if (numFmtId) {
      const numFmt = formats.get(numFmtId) ?? BUILTIN_NUMFMT[numFmtId]
      if (numFmt) style.numFmt = numFmt
    }
    const fontId = a.get('fontId')
    const font = fontId === undefined ? undefined : fonts[Number(fontId)]
    if (font) style.font = font
    styles.push(style)
  }
  return styles
}

function sharedStrings(xml: string, budget: Budget): string[] {
  const out: string[] = []
  const item = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g
  for (const m of xml.matchAll(item)) {
    out.push(m[1] ? runText(m[1]) : '')
    if ((out.length & 4095) === 0) budget.tick()
  }
  return out
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

interface XlsxContext {
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

function readXlsxSheet(
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

/** The zip's directory by part name, through yauzl (zip64 and odd zips included). */
function openZip(bytes: Uint8Array): Promise<{ zip: ZipFile; entries: Map<string, Entry> }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return new Promise((resolve, reject) => {
    // Parts are opened after the directory is read: the zip must stay open until then.
    fromBuffer(buffer, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error) return reject(error)
      const entries = new Map<string, Entry>()
      zip.on('error', reject)
      zip.on('entry', (entry: Entry) => {
        entries.set(entry.fileName, entry)
        zip.readEntry()
      })
      zip.on('end', () => resolve({ zip, entries }))
      zip.readEntry()
    })
  })
}

/**
 * A part's stored (still compressed) bytes: a view of `bytes` where yauzl's reading of the
 * part's local header says its data starts (no stream, no copy).
 */
function storedBytes(zip: ZipFile, entry: Entry, bytes: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: true }, (error, header) => {
      if (error) return reject(error)
      const start = header.fileDataStart
      resolve(bytes.subarray(start, start + entry.compressedSize))
    })
  })
}

async function readXlsx(bytes: Uint8Array, fileName: string, budget: Budget) {
  const { zip, entries } = await openZip(bytes)
  const tooLarge = (path: string, size: number) =>
    fail(
      'import.read.too-many-cells',
      fileName,
      messages.tooManyCells(fileName, undefined, budget.maxCells),
      `part ${path} inflates to ${size} bytes`,
    )
  /**
   * One part's bytes, null when the zip has no such part. yauzl reads the directory and finds
   * the part; node:zlib inflates it in one call (several times faster than a pure-JS inflate or
   * yauzl's chunked stream). A part that would inflate beyond MAX_PART_CHARS is refused.
   */
  const partBytes = async (path: string): Promise<Buffer | null> => {
    budget.tick()
    const entry = entries.get(path)
    if (entry === undefined) return null
    if (entry.uncompressedSize > MAX_PART_CHARS) throw tooLarge(path, entry.uncompressedSize)
    const stored = await storedBytes(zip, entry, bytes)
    if (entry.compressionMethod === 0) return Buffer.from(stored)
    if (entry.compressionMethod !== 8) {
      throw new Error(`part ${path}: unsupported compression method ${entry.compressionMethod}`)
    }
    try {
      return inflateRawSync(stored, { maxOutputLength: MAX_PART_CHARS })
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw tooLarge(path, MAX_PART_CHARS)
      }
      throw error
    }
  }
  const part = async (path: string): Promise<string | null> =>
    (await partBytes(path))?.toString('utf8') ?? null
  const rootRels = relationships((await part('_rels/.rels')) ?? '', '')
  const bookPart =
    [...rootRels.values()].find((r) => /\/officeDocument$/.test(r.type))?.target ??
    'xl/workbook.xml'
  const book = (await part(bookPart)) ?? ''
  const bookRels = relationships((await part(relsPath(bookPart))) ?? '', bookPart)
  const partOf = (type: RegExp, fallback: string) =>
    [...bookRels.values()].find((r) => type.test(r.type))?.target ?? resolvePart(bookPart, fallback)
  const stringsXml = await part(partOf(/\/sharedStrings$/, 'sharedStrings.xml'))
  const stylesXml = await part(partOf(/\/styles$/, 'styles.xml'))
  const workbookPr = [...elements(book, 'workbookPr')][0] ?? ''
  const ctx: XlsxContext = {
    strings: stringsXml === null ? [] : sharedStrings(stringsXml, budget),
    styles: stylesXml === null ? [] : cellStyles(stylesXml),
    date1904: /^(?:1|true)$/i.test(attribute(workbookPr, 'date1904') ?? ''),
  }
  const sheets: TableSheet[] = []
  for (const tag of elements(section(book, 'sheets'), 'sheet')) {
    const a = attributes(tag)
    const name = a.get('name') ?? ''
    const id = [...a.entries()].find(([key]) => /(?:^|:)id$/.test(key))?.[1]
    const rel = id === undefined ? undefined : bookRels.get(id)
    if (rel === undefined || !/\/worksheet$/.test(rel.type)) continue
    const state = /hidden/i.test(a.get('state') ?? '') ? 'hidden' : 'visible'
    try {
      const xml = await partBytes(rel.target)
      if (xml === null) continue
      sheets.push(readXlsxSheet(xml, name, state, ctx, budget))
    } catch (error) {
      if (error instanceof AppError) throw error
      throw fail(
        'import.read.failed',
        fileName,
        messages.failed(fileName, name),
        describe(error),
        name,
      )
    }
  }
  return sheets
}

// ---------------------------------------------------------------------------------------------
// .xls / .ods (@e965/xlsx)

function sheetJsCell(cell: XLSX.CellObject | undefined, date1904: boolean): TableCell {
  if (!cell) return emptyCell()
  const numFmt = typeof cell.z === 'string' && cell.z !== 'General' ? cell.z : undefined
  let value: TableValue
  switch (cell.t) {
    case 'n': {
      const n = cell.v as number
      value = numFmt && SSF.is_date(numFmt) ? serialToDate(n, date1904) : n
      break
    }
    case 'd': {
      const d = cell.v instanceof Date ? cell.v : new Date(String(cell.v))
      // SheetJS builds such dates in local time: keep the wall-clock date at UTC midnight.
      value = new Date(Date.UTC(d.getFullYear(), d.getMonth(), d.getDate()))
      break
    }
    case 's':
      value = String(cell.v ?? '')
      break
    case 'b':
      value = Boolean(cell.v)
      break
    default: // 'e' errors, 'z' stubs
      value = null
  }
  const text =
    typeof cell.w === 'string' && value !== null && typeof value !== 'string'
      ? cell.w
      : cell.t === 'e'
        ? String(cell.w ?? '')
        : display(value, numFmt)
  const out: TableCell = { value, text }
  if (numFmt) out.numFmt = numFmt
  return out
}

function readSheetJs(bytes: Uint8Array, fileName: string, budget: Budget, limits: ReadLimits) {
  // sheetRows stops the parser early on a huge sheet; the full range still says how big it was.
  const workbook = XLSX.read(bytes, {
    type: 'array',
    cellDates: false,
    cellNF: true,
    cellText: true,
    sheetRows: limits.maxRows + 1,
  })
  const date1904 = Boolean(workbook.Workbook?.WBProps?.date1904)
  const sheets: TableSheet[] = []
  workbook.SheetNames.forEach((name, index) => {
    const sheet = workbook.Sheets[name]
    const hidden = workbook.Workbook?.Sheets?.[index]?.Hidden ?? 0
    const state = hidden === 0 ? 'visible' : 'hidden'
    const rows: TableRow[] = []
    const ref = sheet?.['!ref']
    if (!sheet || !ref) {
      sheets.push({ name, state, rows })
      return
    }
    const fullRef = (sheet['!fullref'] as string | undefined) ?? ref
    const full = XLSX.utils.decode_range(fullRef)
    if (full.e.r - full.s.r + 1 > limits.maxRows) {
      throw fail(
        'import.read.too-many-rows',
        fileName,
        messages.tooManyRows(fileName, name, limits.maxRows),
        `sheet range ${fullRef}`,
        name,
      )
    }
    const merges = new Map<string, { top: number; left: number }>()
    for (const m of sheet['!merges'] ?? []) {
      for (let r = m.s.r; r <= m.e.r; r += 1) {
        for (let c = m.s.c; c <= m.e.c; c += 1) {
          merges.set(`${r}:${c}`, { top: m.s.r + 1, left: m.s.c + 1 })
        }
      }
    }
    const range = XLSX.utils.decode_range(ref)
    for (let r = range.s.r; r <= range.e.r; r += 1) {
      const cells: TableCell[] = []
      for (let c = 0; c <= range.e.c; c += 1) {
        const cell = sheetJsCell(
          sheet[XLSX.utils.encode_cell({ r, c })] as XLSX.CellObject | undefined,
          date1904,
        )
        const merged = merges.get(`${r}:${c}`)
        if (merged) cell.merged = merged
        cells.push(cell)
      }
      const dense = trimRow(cells)
      if (!dense) continue
      budget.take(dense.length, name)
      rows.push({ row: r + 1, cells: dense })
    }
    sheets.push({ name, state, rows })
  })
  return sheets
}

// ---------------------------------------------------------------------------------------------
// CSV

function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}

function readCsv(
  bytes: Uint8Array,
  fileName: string,
  encoding: Extract<FileKind, { kind: 'csv' }>['encoding'],
  budget: Budget,
  limits: ReadLimits,
): TableSheet[] {
  const name = baseName(fileName)
  const parsed = parseCsv(decodeCsv(bytes, encoding), limits.maxRows)
  if (parsed.truncated) {
    throw fail(
      'import.read.too-many-rows',
      fileName,
      messages.tooManyRows(fileName, undefined, limits.maxRows),
      `more than ${limits.maxRows} CSV records`,
    )
  }
  if (parsed.quoteProblem) {
    throw fail(
      'import.read.csv-quotes',
      fileName,
      messages.csvQuotes(fileName),
      parsed.quoteProblem,
    )
  }
  const rows: TableRow[] = []
  parsed.records.forEach((record, index) => {
    const dense = trimRow(
      record.map((field) => ({ value: field === '' ? null : field, text: field })),
    )
    if (!dense) return
    budget.take(dense.length, undefined)
    rows.push({ row: index + 1, cells: dense })
  })
  return [{ name, state: 'visible', rows }]
}
