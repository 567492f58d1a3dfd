/**
 * .xls / .ods through @e965/xlsx (patched SheetJS; never xlsx@0.18.5): its cells to table cells,
 * with dates kept zoneless and merged ranges spread over their cells.
 */
import * as XLSX from '@e965/xlsx'
import { type Budget, fail, messages } from './read-budget'
import { display, emptyCell, serialToDate, SSF, trimRow } from './table-cells'
import type { ReadLimits, TableCell, TableRow, TableSheet, TableValue } from './table-types'

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

export function readSheetJs(
  bytes: Uint8Array,
  fileName: string,
  budget: Budget,
  limits: ReadLimits,
) {
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
