/**
 * Step 2 of the import (issue 4): read a checked file into one plain structure, whatever its
 * format, so header detection and mapping never see ExcelJS, SheetJS or CSV details.
 *
 * - .xlsx/.xlsm through our ExcelJS wrapper (services/excel/workbook.ts); cell values go through
 *   `cellValue` (rich text, hyperlinks, formulas by their cached result).
 * - .xls/.ods through @e965/xlsx (patched SheetJS; never xlsx@0.18.5).
 * - CSV through read-csv.ts (papaparse + iconv-lite for Windows-1258).
 *
 * Dates are zoneless (STACK.md): a date cell becomes a Date at UTC midnight, read it with UTC
 * getters. Every failure is an AppError with a Vietnamese message naming the file (and sheet).
 * Plain Node, no electron.
 */
import * as XLSX from '@e965/xlsx'
import { AppError } from '@shared/errors'
import { cellValue } from '@shared/import/values'
import { loadWorkbook, type Cell, type Worksheet } from '../excel/workbook'
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

/** Counts rows and cells against the limits while a reader fills a file. */
class Budget {
  private rows = 0
  private cells = 0
  constructor(
    private readonly limits: ReadLimits,
    private readonly fileName: string,
  ) {}

  take(cells: number, sheet: string | undefined): void {
    this.rows += 1
    this.cells += cells
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
  let timer: ReturnType<typeof setTimeout> | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () =>
        reject(
          fail(
            'import.read.timeout',
            fileName,
            messages.timeout(fileName, Math.ceil(timeoutMs / 1000)),
            `reading took longer than ${timeoutMs} ms`,
          ),
        ),
      timeoutMs,
    )
  })
  try {
    const sheets = await Promise.race([read(bytes, fileName, kind, limits), timeout])
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
): Promise<TableSheet[]> {
  const budget = new Budget(limits, fileName)
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
  return end === 0 ? null : cells.slice(0, end)
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

/** Formats a value the way Excel shows it; falls back to plain text when the format is odd. */
function display(value: TableValue, numFmt: string | undefined): string {
  if (value === null) return ''
  if (typeof value === 'string') return value
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE'
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
// .xlsx / .xlsm (ExcelJS)

function plainValue(raw: unknown): TableValue {
  const v = cellValue(raw)
  if (v === null || v === undefined) return null
  if (typeof v === 'string' || typeof v === 'boolean' || v instanceof Date) return v
  if (typeof v === 'number') return Number.isFinite(v) ? v : null
  return null
}

function xlsxCell(cell: Cell): TableCell {
  if (cell.isMerged && cell.master !== cell) {
    // ExcelJS repeats the top-left value in every covered cell; Excel shows them empty.
    const master = cell.master
    return { value: null, text: '', merged: { top: Number(master.row), left: Number(master.col) } }
  }
  const raw: unknown = cell.value
  const value = plainValue(raw)
  const numFmt = cell.numFmt || undefined
  let text = display(value, numFmt)
  if (value === null && raw !== null && typeof raw === 'object') {
    // An error cell (#N/A, #DIV/0!) or a formula whose cached result is an error: show it.
    const error = (raw as { error?: unknown; result?: { error?: unknown } }).error
    const resultError = (raw as { result?: { error?: unknown } }).result?.error
    const shown = error ?? resultError
    if (typeof shown === 'string') text = shown
  }
  const out: TableCell = { value, text }
  const font = cell.font?.name
  if (font) out.font = font
  if (numFmt) out.numFmt = numFmt
  if (cell.isMerged) {
    const master = cell.master
    out.merged = { top: Number(master.row), left: Number(master.col) }
  }
  return out
}

function readXlsxSheet(sheet: Worksheet, budget: Budget): TableSheet {
  const rows: TableRow[] = []
  sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: TableCell[] = []
    for (let col = 1; col <= row.cellCount; col += 1) cells.push(xlsxCell(row.getCell(col)))
    const dense = trimRow(cells)
    if (!dense) return
    budget.take(dense.length, sheet.name)
    rows.push({ row: rowNumber, cells: dense })
  })
  return { name: sheet.name, state: sheet.state === 'visible' ? 'visible' : 'hidden', rows }
}

async function readXlsx(bytes: Uint8Array, fileName: string, budget: Budget) {
  const workbook = await loadWorkbook(bytes)
  const sheets: TableSheet[] = []
  for (const sheet of workbook.worksheets) {
    try {
      sheets.push(readXlsxSheet(sheet, budget))
    } catch (error) {
      if (error instanceof AppError) throw error
      throw fail(
        'import.read.failed',
        fileName,
        messages.failed(fileName, sheet.name),
        describe(error),
        sheet.name,
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
