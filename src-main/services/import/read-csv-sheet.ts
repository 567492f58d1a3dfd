/**
 * A CSV file as one table sheet named after the file: read-csv.ts decodes and splits it, this
 * applies the row, column and cell limits as records are parsed, refuses broken quoting, flags
 * Excel's error values and drops empty records.
 */
import type { FileKind } from './file-kind'
import { type Budget, fail } from './read-budget'
import { decodeCsv, parseCsv, widestRecord } from './read-csv'
import { errorCell, isErrorValue, MAX_COLUMNS, tableCell, trimRow } from './table-cells'
import type { ReadLimits, TableRow, TableSheet } from './table-types'

function baseName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(0, dot) : base
}

export function readCsv(
  bytes: Uint8Array,
  fileName: string,
  encoding: Extract<FileKind, { kind: 'csv' }>['encoding'],
  budget: Budget,
  limits: ReadLimits,
): TableSheet[] {
  const name = baseName(fileName)
  const text = decodeCsv(bytes, encoding)
  const widest = widestRecord(text)
  if (widest > MAX_COLUMNS) {
    throw fail(
      { code: 'import.read.too-many-cells', params: { file: fileName, maxCells: limits.maxCells } },
      `a record of up to ${widest} fields`,
    )
  }
  const rows: TableRow[] = []
  const parsed = parseCsv(text, limits.maxRows, (record, index) => {
    // Excel saves an error cell as its error text ("#REF!"), and reads it back as the error.
    const dense = trimRow(
      record.map((field) =>
        isErrorValue(field) ? errorCell(field) : tableCell(field === '' ? null : field, field),
      ),
    )
    if (!dense) return
    budget.take(dense.length, undefined)
    rows.push({ row: index + 1, cells: dense })
  })
  if (parsed.truncated) {
    throw fail(
      { code: 'import.read.too-many-rows', params: { file: fileName, maxRows: limits.maxRows } },
      `more than ${limits.maxRows} CSV records`,
    )
  }
  if (parsed.quoteProblem) {
    throw fail({ code: 'import.read.csv-quotes', params: { file: fileName } }, parsed.quoteProblem)
  }
  return [{ name, state: 'visible', rows }]
}
