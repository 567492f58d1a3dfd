/**
 * A cell the reader found but could not give a value: an Excel error value (`#REF!`, `#N/A` …)
 * or a shared-string index beyond the workbook's string table. The reader leaves such a cell's
 * value empty and says why here, so the row that uses it gets a warning naming the value instead
 * of a silently blank field.
 */
export type CellProblem =
  { kind: 'error-value'; value: string } | { kind: 'missing-string'; index: number }
