/**
 * The messages shared code gives the clerk, as codes with the values their sentences name. Code
 * that finds a problem (the import's rows and file check, the repositories, the report builder)
 * emits a code and its params, never a sentence: the renderer words it in the UI's language and
 * the CLI in Vietnamese, both from the tables in vi.ts and en.ts, through formatMessage.
 */
import type { ErrorLocation } from '../errors'

/** The languages the messages are written in; Vietnamese first. */
export const LOCALES = ['vi', 'en'] as const
export type Locale = (typeof LOCALES)[number]

type NoParams = Record<string, never>

/** A unit the clerk probably meant, for a row whose unit was not found. */
export interface UnitSuggestion {
  id: string
  name: string
}

/** Messages about one row of a commune file; `value` is the cell's text as written. */
export interface RowMessageParams {
  MISSING_PRODUCT: NoParams
  SCORE_OUT_OF_RANGE: { value: string }
  /** `part` ('A', 'B', 'C') for a part score, absent for the total. */
  SCORE_UNREADABLE: { value: string; part?: string }
  PART_ABOVE_MAX: { part: string; score: number; max: number; criteriaSet: string }
  STARS_OUT_OF_RANGE: { value: string }
  STARS_UNREADABLE: { value: string }
  YEAR_OUT_OF_RANGE: { value: string; firstYear: number }
  YEAR_UNREADABLE: { value: string }
  DATE_INVALID: { value: string }
  STARS_SCORE_MISMATCH: { score: number; computed: number; stars: number }
  /** Not in the catalogue at all, or not valid in the row's year; closest units first. */
  UNKNOWN_COMMUNE:
    | { reason: 'not-found'; value: string; suggestions: UnitSuggestion[] }
    | {
        reason: 'not-valid-then'
        value: string
        year: number | null
        suggestions: UnitSuggestion[]
      }
  MISSING_COMMUNE: NoParams
  UNKNOWN_PRODUCER_TYPE: { value: string }
  DUPLICATE_ROW: { firstRow: number }
  /** An Excel error value ('#REF!', '#N/A' …) where the field's value should be. */
  CELL_ERROR_VALUE: { value: string }
  /** A shared-string index the workbook's string table does not have. */
  CELL_MISSING_STRING: { index: number }
}

/** Messages about a whole commune file or its chosen sheet. */
export interface FileMessageParams {
  /** The file is a legacy .xls or a CSV whatever its extension says ('' when it has none). */
  FILE_RENAMED: { file: string; format: 'xls' | 'csv'; extension: string }
  NO_HEADER: NoParams
  NO_PRODUCT_COLUMN: { headerRows: number[] }
  NO_ROWS: { headerRows: number[] }
}

/** The sentences of AppErrors, by their code. */
export interface ErrorMessageParams {
  internal: NoParams
  'db.newer': NoParams
  'demo.loaded': NoParams
  'producer.has-products': { producer: string; products: number }
  'import.commit.stale': NoParams
  'import.undo.refused':
    | { reason: 'not-found' | 'already-undone' | 'evaluated-later' }
    | { reason: 'edited-later'; record: string }
    | { reason: 'product-added-later'; product: string }
  /** `chosen`: a plan was chosen but is gone; otherwise none was chosen. */
  'report.plan-missing': { chosen: boolean }
}

/** Every code of the catalogue with the params its sentence names. */
export interface MessageParams extends RowMessageParams, FileMessageParams, ErrorMessageParams {}

export type MessageCode = keyof MessageParams
export type RowMessageCode = keyof RowMessageParams
export type FileMessageCode = keyof FileMessageParams
export type ErrorMessageCode = keyof ErrorMessageParams

/**
 * A message of the catalogue: a code with its params (checked against the code), and where it
 * applies, which opens its sentence ("Tệp …, trang …, dòng …, cột … (label): ").
 */
export type Message<C extends MessageCode = MessageCode> = {
  [K in C]: { code: K; params: MessageParams[K]; where?: ErrorLocation }
}[C]

/** How one language words every message, and the location that opens a sentence. */
export interface MessageTable {
  location: (where: ErrorLocation) => string
  messages: { [C in MessageCode]: (params: MessageParams[C]) => string }
}
