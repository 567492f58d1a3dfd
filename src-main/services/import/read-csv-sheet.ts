/**
 * A CSV file as one table sheet named after the file: read-csv.ts decodes and splits it, this
 * applies the row limit, refuses broken quoting, flags Excel's error values and drops empty
 * records.
 */
import type { FileKind } from './file-kind'
import { type Budget, fail, messages } from './read-budget'
import { decodeCsv, parseCsv } from './read-csv'
import { errorCell, isErrorValue, trimRow } from './table-cells'
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
    // Excel saves an error cell as its error text ("#REF!"), and reads it back as the error.
    const dense = trimRow(
      record.map((field) =>
        isErrorValue(field) ? errorCell(field) : { value: field === '' ? null : field, text: field },
      ),
    )
    if (!dense) return
    budget.take(dense.length, undefined)
    rows.push({ row: index + 1, cells: dense })
  })
  return [{ name, state: 'visible', rows }]
}
