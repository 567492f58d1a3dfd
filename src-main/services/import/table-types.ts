/**
 * The plain table every import reader fills (.xlsx, .xls/.ods, CSV), and the limits it is read
 * under. Types only; read-table.ts re-exports them as the public API.
 */

import type { CellProblem } from '@shared/import/cell-problem'

export type TableValue = string | number | boolean | Date | null

export interface TableCell {
  value: TableValue
  /** What Excel shows: the number or date formatted by the cell's format, the text as written. */
  text: string
  /**
   * A text cell's font name (xlsx only), to tell TCVN3 (.VnTime, .VnTimeH) and VNI (VNI-*) text
   * apart; the workbook's default font when the cell has no style of its own.
   */
  font?: string
  /** A number, date or boolean cell's number format (the text above is already formatted). */
  numFmt?: string
  /**
   * Set on every cell of a merged range, its top-left included: the range's top-left, 1-based.
   * Covered cells (all but the top-left) are empty, as Excel shows them.
   */
  merged?: { top: number; left: number }
  /** An error value or a missing shared string: the value is null and this says why. */
  problem?: CellProblem
}

export interface TableRow {
  /** 1-based sheet row, or 1-based CSV record. */
  row: number
  /**
   * Column 1 is cells[0]; dense up to the row's last non-empty cell. Empty rows are left out.
   * Readers share one cell object between positions that hold the same thing: read-only.
   */
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
