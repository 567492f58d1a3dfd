/**
 * Step 2 of the import: read a file that detectFileKind accepted into one plain structure,
 * whatever its format, so header detection and mapping never see ExcelJS, SheetJS or CSV details.
 *
 * - .xlsx/.xlsm by reading the zip's XML parts directly (read-xlsx.ts: xlsx-package.ts opens the
 *   zip, a forward-only scanner reads the parts in pieces): rich text joined, formulas by their
 *   cached result, dates by their number format, at a fraction of ExcelJS's time and memory on
 *   100,000-row lists, and in time proportional to the file whatever it holds.
 * - .xls/.ods through @e965/xlsx (read-sheetjs.ts; patched SheetJS, never xlsx@0.18.5).
 * - CSV through read-csv-sheet.ts and read-csv.ts (papaparse; iconv-lite for Windows-1258).
 *
 * The limits and errors are in read-budget.ts, rows and merges in table-rows.ts, the shared cell
 * helpers in table-cells.ts. A cell whose value cannot be read (an Excel error value, a missing
 * shared string) has no value and says why in `problem`, so its row is warned, never blank.
 *
 * Dates are zoneless: a date cell becomes a Date at UTC midnight (a sheet's date is a calendar
 * date, not an instant), read it with UTC getters. Every failure is an AppError with a Vietnamese
 * message naming the file (and sheet). Plain Node, no electron.
 */
import { AppError } from '@shared/errors'
import type { FileKind } from './file-kind'
import { Budget, describe, fail, timeoutError } from './read-budget'
import { readCsv } from './read-csv-sheet'
import { readSheetJs } from './read-sheetjs'
import { readXlsx } from './read-xlsx'
import type { ReadLimits, TableFile, TableSheet } from './table-types'

export type { ReadTableCode } from './read-budget'
export type {
  ReadLimits,
  TableCell,
  TableFile,
  TableRow,
  TableSheet,
  TableValue,
} from './table-types'

export const DEFAULT_READ_LIMITS: ReadLimits = { maxRows: 200_000, maxCells: 5_000_000 }
const DEFAULT_TIMEOUT_MS = 60_000

/**
 * Reads a file that detectFileKind accepted into sheets of rows of plain cells. Throws AppError
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
      throw fail({ code: 'import.read.no-sheets', params: { file: fileName } }, 'no worksheets')
    }
    return { fileName, sheets }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw fail({ code: 'import.read.failed', params: { file: fileName } }, describe(error))
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
