/**
 * What checking a commune file (import steps 1-6) gives back: the same object for the Excel
 * worker's job, the preview screen and `npm run ocop -- check FILE --json`.
 */
import type { ErrorLocation } from '../errors'
import type { FileMessageCode, FileMessageParams } from '../messages/catalogue'
import { headerKey, type ColumnMapping, type DetectedHeader, type ImportField } from './header'
import type { ImportRow } from './rows'

/** A sheet of the file with its non-empty row count, and whether it looks like the data. */
export interface SheetSummary {
  name: string
  rows: number
  hidden: boolean
  /** Rows that look like products under a detected header (0 for instructions or summaries). */
  productRows: number
}

/**
 * A message about the whole file or sheet (not a row): no header, renamed file … A code with its
 * params, and the file and sheet that open its sentence when it is about the sheet.
 */
export type FileMessage = {
  [C in FileMessageCode]: {
    level: 'error' | 'warning' | 'info'
    code: C
    params: FileMessageParams[C]
    where?: ErrorLocation
  }
}[FileMessageCode]

/** A clerk's correction of the automatic mapping: column index → field, or null to ignore it. */
export type MappingOverride = Record<number, ImportField | null>

export interface ImportCheck {
  file: string
  /** SHA-256 of the file's bytes, hex. */
  hash: string
  /** What the bytes are: 'xlsx', 'xls', 'ods', 'csv'. */
  kind: string
  sheets: SheetSummary[]
  /** The sheet read: the one asked for, else the one chosen automatically. */
  sheet: string
  header: DetectedHeader | null
  /** The mapping in use (the automatic one with the clerk's corrections applied). */
  mapping: ColumnMapping[]
  /** The corrections in that mapping: the ones asked for, or those remembered for the layout. */
  override: MappingOverride
  /** True when the corrections are the ones remembered for this header layout. */
  remembered: boolean
  rows: ImportRow[]
  /** Rows under the header that are not products (titles, totals, blanks, notes …). */
  skipped: number
  messages: FileMessage[]
}

/**
 * The key under which a corrected mapping is remembered: the header's labels, folded. The next
 * file from the same commune, in the same layout, finds the mapping under the same key.
 */
export function mappingSourceKey(header: Pick<DetectedHeader, 'columns'>): string {
  return header.columns.map((column) => `${column.index}:${headerKey(column.label)}`).join('|')
}
