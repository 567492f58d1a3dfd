/**
 * .xls / .ods through @e965/xlsx (patched SheetJS; never xlsx@0.18.5): its cells to table cells,
 * with dates kept zoneless, error values flagged and merged ranges spread over their cells.
 * Sheets are read dense, so only the cells a sheet holds are visited, never its whole range.
 */
import * as XLSX from '@e965/xlsx'
import { type Budget, fail } from './read-budget'
import { display, errorCell, serialToDate, SSF, tableCell } from './table-cells'
import { SheetRows } from './table-rows'
import type { ReadLimits, TableCell, TableSheet, TableValue } from './table-types'

/** BIFF error codes, for a cell SheetJS gives no text (MS-XLS 2.5.97.2). */
const BIFF_ERRORS: Record<number, string> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
}

function errorText(cell: XLSX.CellObject): string {
  if (typeof cell.w === 'string' && cell.w.startsWith('#')) return cell.w
  if (typeof cell.v === 'string' && cell.v.startsWith('#')) return cell.v
  return BIFF_ERRORS[Number(cell.v)] ?? '#N/A'
}

function sheetJsCell(cell: XLSX.CellObject, date1904: boolean): TableCell {
  if (cell.t === 'e') return errorCell(errorText(cell))
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
    default: // 'z' stubs
      value = null
  }
  const text =
    typeof cell.w === 'string' && value !== null && typeof value !== 'string'
      ? cell.w
      : display(value, numFmt)
  return tableCell(value, text, undefined, numFmt)
}

export function readSheetJs(
  bytes: Uint8Array,
  fileName: string,
  budget: Budget,
  limits: ReadLimits,
) {
  // sheetRows stops the parser early on a huge sheet; the full range still says how big it was.
  const workbook = XLSX.read(bytes, {
    type: 'array',
    dense: true,
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
    const ref = sheet?.['!ref']
    if (!sheet || !ref) {
      sheets.push({ name, state, rows: [] })
      return
    }
    const fullRef = (sheet['!fullref'] as string | undefined) ?? ref
    const full = XLSX.utils.decode_range(fullRef)
    if (full.e.r - full.s.r + 1 > limits.maxRows) {
      throw fail(
        {
          code: 'import.read.too-many-rows',
          params: { file: fileName, sheet: name, maxRows: limits.maxRows },
        },
        `sheet range ${fullRef}`,
      )
    }
    const rows = new SheetRows(name, budget)
    const data = sheet['!data'] ?? []
    data.forEach((cells, r) => {
      cells?.forEach((cell, c) => {
        if (cell) rows.put(r + 1, c + 1, sheetJsCell(cell, date1904))
      })
    })
    for (const m of sheet['!merges'] ?? []) {
      rows.merge({ top: m.s.r + 1, left: m.s.c + 1, bottom: m.e.r + 1, right: m.e.c + 1 })
    }
    sheets.push({ name, state, rows: rows.rows() })
  })
  return sheets
}
