/**
 * Finding the header of a commune sheet under any title block, joining two-level merged headers
 * ('Quyết định công nhận' over 'Số' / 'Ngày') and mapping its columns to import fields with a
 * confidence the clerk sees and can correct.
 */
import { fromFontHint } from '../text/legacy-encodings'
import { normalizeText, searchKey } from '../text/vietnamese'
import { FIELD_SYNONYMS, IMPORT_FIELDS, type ImportField } from './field-synonyms'

export { FIELD_SYNONYMS, IMPORT_FIELDS, type ImportField } from './field-synonyms'

/** What header detection needs of a sheet row; the main side's TableRow satisfies it. */
export interface HeaderRow {
  /** 1-based sheet row (or CSV record). */
  row: number
  /** Column 1 is cells[0]. */
  cells: readonly HeaderCell[]
}

/** A cell as the reader hands it over: shown text, font (for TCVN3/VNI), merged range top-left. */
export interface HeaderCell {
  text: string
  font?: string
  merged?: { top: number; left: number }
}

/** A header column: its cell index (0-based, as in `cells`) and its label, parent first. */
interface HeaderColumn {
  index: number
  label: string
}

/** Where the header is and what its columns say. */
export interface DetectedHeader {
  /** One or two sheet rows. */
  headerRows: number[]
  /** The first sheet row after the header (and after a column-number row "(1) (2) …"). */
  firstDataRow: number
  columns: HeaderColumn[]
}

/** One column mapped to a field. */
export interface ColumnMapping {
  field: ImportField
  index: number
  label: string
  /** 1 for a header equal to a synonym, lower when it only contains one. */
  confidence: number
}

/** Separator between the parent and the child of a two-level label. */
export const LABEL_SEPARATOR = ' › '

/** Label text as shown: legacy fonts decoded, BOM dropped, NFC, single spaces. */
function cellLabel(cell: HeaderCell | undefined): string {
  if (cell === undefined) return ''
  return normalizeText(fromFontHint(cell.text, cell.font).replace(/\uFEFF/gu, ''))
}

/** Matching key: no case, diacritics or punctuation ('Xã, phường' → 'xa phuong'). */
export function headerKey(label: string): string {
  return searchKey(label)
    .replace(/[^a-z0-9]+/gu, ' ')
    .trim()
}

interface Synonym {
  field: ImportField
  tokens: string[]
}

const EXACT = new Map<string, ImportField>()
const SYNONYMS: Synonym[] = []
for (const field of IMPORT_FIELDS) {
  for (const wording of FIELD_SYNONYMS[field]) {
    const key = headerKey(wording)
    if (!EXACT.has(key)) EXACT.set(key, field)
    SYNONYMS.push({ field, tokens: key.split(' ') })
  }
}

function containsRun(haystack: readonly string[], needle: readonly string[]): boolean {
  for (let start = 0; start + needle.length <= haystack.length; start++) {
    if (needle.every((token, i) => haystack[start + i] === token)) return true
  }
  return false
}

/** Best confidence per field for one matching key. */
function scoreKey(key: string, into: Map<ImportField, number>): void {
  if (key === '') return
  const exact = EXACT.get(key)
  if (exact !== undefined) into.set(exact, 1)
  const tokens = key.split(' ')
  for (const synonym of SYNONYMS) {
    if (synonym.tokens.length >= tokens.length || !containsRun(tokens, synonym.tokens)) continue
    const confidence = Math.round((0.5 + (0.4 * synonym.tokens.length) / tokens.length) * 100) / 100
    if (confidence > (into.get(synonym.field) ?? 0)) into.set(synonym.field, confidence)
  }
}

/**
 * Confidence per field for a label. A two-level label is tried whole, child first
 * ('Sản phẩm › Tên' reads 'Tên sản phẩm') and the child alone.
 */
function scoreLabel(label: string): Map<ImportField, number> {
  const scores = new Map<ImportField, number>()
  const parts = label.split(LABEL_SEPARATOR).map(headerKey)
  if (parts.length === 1) {
    scoreKey(parts[0] ?? '', scores)
  } else {
    const parent = parts.slice(0, -1).join(' ')
    const child = parts[parts.length - 1] ?? ''
    scoreKey(`${parent} ${child}`, scores)
    scoreKey(`${child} ${parent}`, scores)
    const childOnly = new Map<ImportField, number>()
    scoreKey(child, childOnly)
    for (const [field, confidence] of childOnly) {
      if (confidence === 1) scores.set(field, 1)
    }
  }
  return scores
}

function hits(row: HeaderRow): number {
  let count = 0
  for (const cell of row.cells) {
    if (scoreLabel(cellLabel(cell)).size > 0) count++
  }
  return count
}

const COLUMN_NUMBER = /^\(?\s*\d{1,3}\s*\)?$/u

/** A row like "(1) (2) (3) …" or "1 2 3 …" under a header. */
function isColumnNumberRow(row: HeaderRow): boolean {
  const texts = row.cells.map(cellLabel).filter((text) => text !== '')
  return texts.length >= 2 && texts.every((text) => COLUMN_NUMBER.test(text))
}

/**
 * True when `parent` is the upper level of a two-level header over `child`: a cell of the child
 * row is covered by a vertical merge from the parent row, or the parent row holds several labels
 * of which one spans several columns with sub-labels under it.
 */
function isParentRow(parent: HeaderRow, child: HeaderRow): boolean {
  if (child.row !== parent.row + 1 || isColumnNumberRow(child)) return false
  if (child.cells.some((cell) => cell.merged !== undefined && cell.merged.top === parent.row)) {
    return true
  }
  const labels = parent.cells.filter((cell) => cellLabel(cell) !== '').length
  if (labels < 2) return false
  return parent.cells.some((cell, i) => {
    if (cell.merged === undefined || cell.merged.top !== parent.row) return false
    const spans = parent.cells.some(
      (other, j) =>
        j !== i && other.merged?.top === parent.row && other.merged.left === cell.merged?.left,
    )
    return spans && cellLabel(child.cells[i]) !== ''
  })
}

function labelAt(row: HeaderRow, index: number): string {
  const cell = row.cells[index]
  if (cell?.merged !== undefined && cell.merged.top === row.row) {
    return cellLabel(row.cells[cell.merged.left - 1])
  }
  return cellLabel(cell)
}

function joinColumns(parent: HeaderRow | undefined, child: HeaderRow): HeaderColumn[] {
  const width = Math.max(child.cells.length, parent?.cells.length ?? 0)
  const columns: HeaderColumn[] = []
  for (let index = 0; index < width; index++) {
    const childCell = child.cells[index]
    const coveredFromParent =
      parent !== undefined && childCell?.merged !== undefined && childCell.merged.top === parent.row
    const lower = coveredFromParent ? '' : labelAt(child, index)
    const upper = parent === undefined ? '' : labelAt(parent, index)
    const label =
      upper !== '' && lower !== '' ? `${upper}${LABEL_SEPARATOR}${lower}` : upper || lower
    if (label !== '') columns.push({ index, label })
  }
  return columns
}

/**
 * Finds the header among the first `maxScan` rows: the row with the most cells naming a field,
 * joined with the row above or below when the two form a two-level merged header. Null when no
 * row names a field.
 */
export function detectHeader(rows: readonly HeaderRow[], maxScan = 30): DetectedHeader | null {
  const scanned = rows.slice(0, maxScan)
  let best = -1
  let bestHits = 0
  scanned.forEach((row, i) => {
    const count = hits(row)
    if (count > bestHits) {
      best = i
      bestHits = count
    }
  })
  if (best < 0) return null
  let top = best
  let bottom = best
  const above = rows[best - 1]
  const here = rows[best]
  const below = rows[best + 1]
  if (here === undefined) return null
  if (above !== undefined && isParentRow(above, here)) top = best - 1
  else if (below !== undefined && isParentRow(here, below)) bottom = best + 1
  const upper = rows[top]
  const lower = rows[bottom]
  if (upper === undefined || lower === undefined) return null
  const headerRows = top === bottom ? [lower.row] : [upper.row, lower.row]
  const next = rows[bottom + 1]
  const skipsNumbers = next !== undefined && next.row === lower.row + 1 && isColumnNumberRow(next)
  return {
    headerRows,
    firstDataRow: lower.row + (skipsNumbers ? 2 : 1),
    columns: joinColumns(top === bottom ? undefined : upper, lower),
  }
}

/**
 * Maps columns to fields: each field and each column at most once, the surest pairs first (an
 * exact synonym before a containing label), ties to the leftmost column. Unknown columns stay
 * unmapped. Returned in column order.
 */
export function mapColumns(columns: readonly HeaderColumn[]): ColumnMapping[] {
  const candidates: ColumnMapping[] = []
  for (const column of columns) {
    for (const [field, confidence] of scoreLabel(column.label)) {
      candidates.push({ field, index: column.index, label: column.label, confidence })
    }
  }
  candidates.sort(
    (a, b) =>
      b.confidence - a.confidence ||
      a.index - b.index ||
      IMPORT_FIELDS.indexOf(a.field) - IMPORT_FIELDS.indexOf(b.field),
  )
  const usedFields = new Set<ImportField>()
  const usedColumns = new Set<number>()
  const mapping: ColumnMapping[] = []
  for (const candidate of candidates) {
    if (usedFields.has(candidate.field) || usedColumns.has(candidate.index)) continue
    usedFields.add(candidate.field)
    usedColumns.add(candidate.index)
    mapping.push(candidate)
  }
  return mapping.sort((a, b) => a.index - b.index)
}
