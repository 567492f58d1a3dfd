/**
 * Steps 4-6 of the import: the rows under a detected header become normalised product rows,
 * each with its row, status and messages (codes with params, worded by the message catalogue).
 * Rows that are not products (titles, blanks, totals, notes, signature blocks, column numbers,
 * repeated headers, section rows) give no row and no message. Each product row's fields are read
 * by the field rules of row-fields.ts. Pure: no node:*, usable in the renderer and the CLI alike.
 */
import type { CriteriaSet, ProducerType } from '../db/records'
import type { ErrorLocation } from '../errors'
import type { RowMessageCode, RowMessageParams } from '../messages/catalogue'
import { fromFontHint } from '../text/legacy-encodings'
import type { CellProblem } from './cell-problem'
import type { ColumnMapping, DetectedHeader, ImportField } from './header'
import { headerKey, LABEL_SEPARATOR } from './header'
import { readRow, type MappedRow } from './row-fields'
import { RowMemo } from './row-memo'
import { matchUnit, type UnitCandidate } from './units-match'
import { cleanText } from './values'

/** A sheet cell as the reader hands it over (the main side's TableCell satisfies it). */
export interface SheetCell {
  value: string | number | boolean | Date | null
  text: string
  font?: string
  merged?: { top: number; left: number }
  /** Set when the cell holds an error value or a string the file does not have. */
  problem?: CellProblem
}

/** A sheet row: 1-based row (or CSV record), column 1 is cells[0]. */
export interface SheetRow {
  row: number
  cells: readonly SheetCell[]
}

export interface ImportRowFields {
  product: string
  producer: string
  producerType: ProducerType | null
  taxCode: string
  /** The matched unit's id, or null. */
  unit: string | null
  /** The matched unit's name, or the text as written when no unit matched. */
  unitName: string
  address: string
  group: string
  score: number | null
  /** Part scores by part code ('A', 'B', 'C') where the file has them. */
  partScores: Record<string, number>
  stars: number | null
  year: number | null
  decisionNo: string
  /** YYYY-MM-DD. */
  decisionDate: string | null
  certificateNo: string
  note: string
}

/** What a field rule finds wrong with a row: a level, and a catalogue code with its params. */
export type RowProblem = {
  [C in RowMessageCode]: { level: 'error' | 'warning'; code: C; params: RowMessageParams[C] }
}[RowMessageCode]

/**
 * A message about a row, with where it applies: file, sheet and row, and the column (letter and
 * header label) when it is about one cell. formatMessage words it, opening with that location.
 */
export type ImportMessage = RowProblem & { where: ErrorLocation }

export interface ImportRow {
  row: number
  status: 'ok' | 'warning' | 'error'
  fields: ImportRowFields
  messages: ImportMessage[]
}

export interface NormaliseOptions<U extends UnitCandidate = UnitCandidate> {
  units: readonly U[]
  /** The criteria sets whose part maxima the part scores are checked against (by the row's date). */
  criteriaSets?: readonly CriteriaSet[]
  fileName: string
  sheet: string
}

interface NormaliseResult {
  rows: ImportRow[]
  /** Rows after the header that are not products (blank, totals, notes, sections …). */
  skipped: number
}

/** 'A' for index 0, 'AA' for 26. */
export function columnLetter(index: number): string {
  let n = index + 1
  let letters = ''
  while (n > 0) {
    const rem = (n - 1) % 26
    letters = String.fromCharCode(65 + rem) + letters
    n = Math.floor((n - 1) / 26)
  }
  return letters
}

/** The cell's value with legacy text (TCVN3/VNI by font) decoded; other values as they are. */
function decoded(cell: SheetCell | undefined): SheetCell['value'] {
  if (cell === undefined) return null
  if (typeof cell.value === 'string') return fromFontHint(cell.value, cell.font)
  return cell.value
}

const TOTAL_ROW = /^(?:tong cong|tong so)(?:\s|$)|^(?:cong|tong)$/u
const END_OF_TABLE = /^(?:noi nhan|tm\s|kt\s|nguoi lap|chu tich|pho chu tich|\(da ky\))/u
const NOTE_ROW = /^(?:ghi chu|chu thich|luu y)/u
const COLUMN_NUMBER = /^\(?\s*\d{1,3}\s*\)?$/u
// Only a text starting with the word "tổng" or "cộng" (any case, marks or none) can be a total
// label: the rest skip the folding.
const MAY_BE_TOTAL = /^[^\p{L}]*(?:t[oôổ]ng|c[oôộ]ng)(?![\p{L}\p{M}])/iu

const LABEL_OF_TYPE: Record<ProducerType, string> = {
  htx: 'Hợp tác xã',
  'doanh-nghiep': 'Doanh nghiệp',
  'to-hop-tac': 'Tổ hợp tác',
  'ho-kinh-doanh': 'Hộ kinh doanh',
}

/** A row is an error with any error, a warning with any other message, else ok. */
export function rowStatus(messages: readonly { level: string }[]): ImportRow['status'] {
  if (messages.some((m) => m.level === 'error')) return 'error'
  return messages.length > 0 ? 'warning' : 'ok'
}

/** The Vietnamese label of a producer type ('Hợp tác xã' …). */
export function producerTypeLabel(type: ProducerType): string {
  return LABEL_OF_TYPE[type]
}

/**
 * Turns the rows under `header` into product rows with messages. `mapping` says which column
 * holds which field (the clerk may have corrected it). Section rows ("I. Phường …") give the
 * unit to the rows below them when the row has no unit of its own.
 */
export function normaliseRows<U extends UnitCandidate>(
  rows: readonly SheetRow[],
  header: DetectedHeader,
  mapping: readonly ColumnMapping[],
  options: NormaliseOptions<U>,
): NormaliseResult {
  const columnOf = new Map<ImportField, ColumnMapping>()
  for (const m of mapping) columnOf.set(m.field, m)
  // A repeated header is a copy of the header: compared as written, without folding.
  const headerTexts = new Map<number, string>()
  for (const column of header.columns) {
    const last = column.label.split(LABEL_SEPARATOR).pop() ?? column.label
    headerTexts.set(column.index, last.toLowerCase())
  }
  const byRow = new Map<number, SheetRow>()
  for (const r of rows) byRow.set(r.row, r)

  const out: ImportRow[] = []
  let skipped = 0
  let sectionUnit: U | null = null
  const memo = new RowMemo<U>(options)

  /** The cell a column's value comes from: its own, or the top of the vertical merge it is in. */
  const cellAt = (r: SheetRow, index: number): SheetCell | undefined => {
    const cell = r.cells[index]
    if (cell?.merged !== undefined && cell.merged.top < r.row && cell.merged.left === index + 1) {
      return byRow.get(cell.merged.top)?.cells[index]
    }
    return cell
  }

  for (const r of rows) {
    if (r.row < header.firstDataRow) continue
    // Each cell is cleaned once per row; mapped columns read the same texts.
    const cleaned: string[] = []
    const textAt = (index: number): string => {
      let text = cleaned[index]
      if (text === undefined) {
        text = cleanText(decoded(cellAt(r, index)))
        cleaned[index] = text
      }
      return text
    }
    // Texts of the row's own cells (horizontally merged cells count once).
    const texts: { index: number; text: string }[] = []
    r.cells.forEach((cell, index) => {
      if (cell.merged !== undefined && cell.merged.left !== index + 1) return
      const text = textAt(index)
      if (text !== '') texts.push({ index, text })
    })
    if (texts.length === 0) {
      skipped++
      continue
    }
    const first = headerKey(texts[0]?.text ?? '')
    if (END_OF_TABLE.test(first)) {
      skipped += rows.filter((other) => other.row >= r.row).length
      break
    }
    if (
      texts.some((t) => MAY_BE_TOTAL.test(t.text) && TOTAL_ROW.test(memo.key(t.text))) ||
      NOTE_ROW.test(first) ||
      (texts.length >= 2 && texts.every((t) => COLUMN_NUMBER.test(t.text)))
    ) {
      skipped++
      continue
    }
    const repeats = texts.filter((t) => headerTexts.get(t.index) === t.text.toLowerCase()).length
    if (repeats >= 2 && repeats * 2 >= texts.length) {
      skipped++
      continue
    }
    const productMap = columnOf.get('product')
    const productText = productMap === undefined ? '' : textAt(productMap.index)
    const fieldTexts = mapping.filter(
      (m) => m.field !== 'rowNumber' && textAt(m.index) !== '',
    ).length
    if (texts.length === 1 || (productText === '' && fieldTexts < 3)) {
      // A title, section, note or stray line: a section row names the unit of the rows below.
      if (texts.length === 1) {
        const section = matchUnit(texts[0]?.text ?? '', options.units)
        if (
          section.ok &&
          /^(?:[ivxlc]+|\d+)\s*[.)]|^(?:xã|phường|thị trấn)\s/iu.test(texts[0]?.text ?? '')
        ) {
          sectionUnit = section.value
        }
      }
      skipped++
      continue
    }
    const mapped: MappedRow = {
      row: r.row,
      mapping,
      column: (field) => columnOf.get(field),
      cell: (index) => cellAt(r, index),
      value: (index) => decoded(cellAt(r, index)),
      text: textAt,
    }
    out.push(readRow(mapped, sectionUnit, memo, options))
  }
  return { rows: out, skipped }
}
