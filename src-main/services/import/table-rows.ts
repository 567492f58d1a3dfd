/**
 * The rows of one sheet as a reader fills them: cells put by row and column, rows widened only as
 * far as their last non-empty cell, merged ranges spread over their cells. Every new row and every
 * widening is counted against the file's limits before the cells exist, so a sheet of 16,384-column
 * rows or a merge over the whole sheet is refused before it costs memory. Shared by the .xlsx and
 * the .xls/.ods readers.
 */
import type { Budget } from './read-budget'
import { EMPTY_CELL, isEmpty, trimRow } from './table-cells'
import type { TableCell, TableRow } from './table-types'

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  top: number
  left: number
  bottom: number
  right: number
}

export class SheetRows {
  private readonly byRow = new Map<number, TableCell[]>()
  private mergedArea = 0
  /** The row cells were last put in: readers fill one row at a time. */
  private lastRow = 0
  private lastCells: TableCell[] | undefined

  constructor(
    private readonly sheet: string,
    private readonly budget: Budget,
  ) {}

  /** Puts a cell at a 1-based row and column; an empty cell beyond the row's end is left out. */
  put(row: number, col: number, cell: TableCell): void {
    const cells = row === this.lastRow ? this.lastCells : this.byRow.get(row)
    // Styled empty cells (a bordered blank table) are left out: trimRow would drop them.
    if (isEmpty(cell) && (cells === undefined || cells.length < col)) return
    this.widen(row, cells, col)[col - 1] = cell
  }

  /** Merged ranges: every cell gets the top-left; covered cells are shown empty, as in Excel. */
  merge(range: CellRange): void {
    this.mergedArea += (range.bottom - range.top + 1) * (range.right - range.left + 1)
    this.budget.checkWithinCells(this.mergedArea, this.sheet, 'cells under merged ranges')
    const merged = { top: range.top, left: range.left }
    // One object for all covered cells of the range: a wide merge costs a pointer per cell.
    const covered: TableCell = { ...EMPTY_CELL, merged }
    for (let r = range.top; r <= range.bottom; r++) {
      const row = this.widen(r, this.byRow.get(r), range.right)
      for (let c = range.left; c <= range.right; c++) {
        row[c - 1] = r === range.top && c === range.left ? { ...row[c - 1]!, merged } : covered
      }
    }
  }

  /** The rows in sheet order, each trimmed after its last non-empty cell; empty rows left out. */
  rows(): TableRow[] {
    const rows: TableRow[] = []
    for (const r of [...this.byRow.keys()].sort((a, b) => a - b)) {
      const dense = trimRow(this.byRow.get(r)!)
      if (dense) rows.push({ row: r, cells: dense })
    }
    return rows
  }

  /** The row's cells, at least `width` long; the new row and cells are counted first. */
  private widen(row: number, cells: TableCell[] | undefined, width: number): TableCell[] {
    let out = cells
    if (out === undefined) {
      this.budget.addRow(this.sheet)
      out = []
      this.byRow.set(row, out)
    }
    this.lastRow = row
    this.lastCells = out
    if (out.length < width) {
      this.budget.addCells(width - out.length, this.sheet)
      while (out.length < width) out.push(EMPTY_CELL)
    }
    return out
  }
}
