/**
 * Steps 4-6 of the import (issue 4): the rows under a detected header become normalised product
 * rows, each with its row, status and Vietnamese messages. Rows that are not products (titles,
 * blanks, totals, notes, signature blocks, column numbers, repeated headers, section rows) give
 * no row and no message. Pure: no node:*, usable in the renderer and the CLI alike.
 */
import { criteriaSetOn, starsDisagree, starsFromTotal, totalFromParts } from '../domain/criteria'
import type { CriteriaSet, ProducerType } from '../db/records'
import { fromFontHint } from '../text/legacy-encodings'
import type { CellProblem } from './cell-problem'
import { canonicalName, normalizeText } from '../text/vietnamese'
import type { ColumnMapping, DetectedHeader, ImportField } from './header'
import { headerKey } from './header'
import { matchUnit, type UnitCandidate } from './units-match'
import {
  cleanText,
  parseDate,
  parseProducerType,
  parseScore,
  parseStars,
  parseYear,
} from './values'

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

/** The programme's years: OCOP started in 2018. */
export const OCOP_YEARS = { min: 2018, max: 2100 } as const

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

export type ImportMessageCode =
  | 'MISSING_PRODUCT'
  | 'SCORE_OUT_OF_RANGE'
  | 'SCORE_UNREADABLE'
  | 'PART_ABOVE_MAX'
  | 'STARS_OUT_OF_RANGE'
  | 'STARS_UNREADABLE'
  | 'YEAR_OUT_OF_RANGE'
  | 'YEAR_UNREADABLE'
  | 'DATE_INVALID'
  | 'STARS_SCORE_MISMATCH'
  | 'UNKNOWN_COMMUNE'
  | 'MISSING_COMMUNE'
  | 'UNKNOWN_PRODUCER_TYPE'
  | 'DUPLICATE_ROW'

export interface ImportMessage {
  level: 'error' | 'warning'
  /** Column letter ('G'), or '' for the whole row. */
  column: string
  code: ImportMessageCode
  /** Vietnamese: where, what, and what to do. */
  text: string
  /** For an unknown unit: the units the file probably means, closest first (ids and names). */
  suggestions?: { id: string; name: string }[]
}

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

export interface NormaliseResult {
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

const GROUP_KEYS: readonly (readonly [string, string])[] = [
  ['thuc pham', 'Thực phẩm'],
  ['do uong', 'Đồ uống'],
  ['duoc lieu', 'Dược liệu và sản phẩm từ dược liệu'],
  ['thu cong my nghe', 'Hàng thủ công mỹ nghệ'],
  ['sinh vat canh', 'Sinh vật cảnh'],
  ['du lich', 'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch'],
]

/** One of the six group names from full or shortened wording; other text as written. */
export function normaliseGroup(text: string): string {
  const key = headerKey(text)
  if (!key) return ''
  for (const [needle, group] of GROUP_KEYS) {
    if (key === needle || key.startsWith(`${needle} `) || key.includes(` ${needle}`)) return group
  }
  return text
}

const TOTAL_ROW = /^(?:tong cong|tong so)(?:\s|$)|^(?:cong|tong)$/u
const END_OF_TABLE = /^(?:noi nhan|tm\s|kt\s|nguoi lap|chu tich|pho chu tich|\(da ky\))/u
const NOTE_ROW = /^(?:ghi chu|chu thich|luu y)/u
const COLUMN_NUMBER = /^\(?\s*\d{1,3}\s*\)?$/u
const DECISION_WITH_DATE =
  /^(.*?)[\s,;]*(?:ngày|ngay)\s*(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s*$/iu

const LABEL_OF_TYPE: Record<ProducerType, string> = {
  htx: 'Hợp tác xã',
  'doanh-nghiep': 'Doanh nghiệp',
  'to-hop-tac': 'Tổ hợp tác',
  'ho-kinh-doanh': 'Hộ kinh doanh',
}

const PART_FIELDS: readonly (readonly [ImportField, string])[] = [
  ['partA', 'A'],
  ['partB', 'B'],
  ['partC', 'C'],
]

/**
 * The unit a row names, valid when the row's decision was taken; without a date, valid at the
 * start or the end of the row's year (units merge mid-year).
 */
function matchUnitInYear<U extends UnitCandidate>(
  text: string,
  units: readonly U[],
  decisionDate: string | null,
  year: number | null,
) {
  if (decisionDate !== null) return matchUnit(text, units, decisionDate)
  if (year === null) return matchUnit(text, units)
  const atStart = matchUnit(text, units, `${year}-01-01`)
  return atStart.ok ? atStart : matchUnit(text, units, `${year}-12-31`)
}

/** A row is an error with any error, a warning with any other message, else ok. */
export function rowStatus(messages: readonly ImportMessage[]): ImportRow['status'] {
  if (messages.some((m) => m.level === 'error')) return 'error'
  return messages.length > 0 ? 'warning' : 'ok'
}

/** The Vietnamese label of a producer type ('Hợp tác xã' …). */
export function producerTypeLabel(type: ProducerType): string {
  return LABEL_OF_TYPE[type]
}

function decimalVi(n: number): string {
  return (Number.isInteger(n) ? n.toFixed(1) : String(n)).replace('.', ',')
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
    const last = column.label.split(' › ').pop() ?? column.label
    headerTexts.set(column.index, last.toLowerCase())
  }
  const byRow = new Map<number, SheetRow>()
  for (const r of rows) byRow.set(r.row, r)

  const out: ImportRow[] = []
  let skipped = 0
  let sectionUnit: U | null = null
  const memo = new RowMemo<U>(options)

  /** The value at a column, carried down from the top of a vertical merge. */
  const valueAt = (r: SheetRow, index: number): SheetCell['value'] => {
    const cell = r.cells[index]
    if (cell?.merged !== undefined && cell.merged.top < r.row && cell.merged.left === index + 1) {
      return decoded(byRow.get(cell.merged.top)?.cells[index])
    }
    return decoded(cell)
  }

  for (const r of rows) {
    if (r.row < header.firstDataRow) continue
    // Each cell is cleaned once per row; mapped columns read the same texts.
    const cleaned: string[] = []
    const textAt = (index: number): string => {
      let text = cleaned[index]
      if (text === undefined) {
        text = cleanText(valueAt(r, index))
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
    out.push(normaliseRow(r, columnOf, valueAt, textAt, sectionUnit, memo, options))
  }
  return { rows: out, skipped }
}

// Only a text starting with the word "tổng" or "cộng" (any case, marks or none) can be a total
// label: the rest skip the folding.
const MAY_BE_TOTAL = /^[^\p{L}]*(?:t[oôổ]ng|c[oôộ]ng)(?![\p{L}\p{M}])/iu

/**
 * What repeats from row to row in a commune file (units, groups, producers, total-row keys) is
 * worked out once per file.
 */
class RowMemo<U extends UnitCandidate> {
  readonly seen = new Map<string, number>()
  private readonly keys = new Map<string, string>()
  private readonly groups = new Map<string, string>()
  private readonly canonical = new Map<string, string>()
  private readonly types = new Map<string, ReturnType<typeof parseProducerType>>()
  private readonly units = new Map<string, ReturnType<typeof matchUnit<U>>>()

  constructor(private readonly options: NormaliseOptions<U>) {}

  key(text: string): string {
    let key = this.keys.get(text)
    if (key === undefined) this.keys.set(text, (key = headerKey(text)))
    return key
  }

  group(text: string): string {
    let group = this.groups.get(text)
    if (group === undefined) this.groups.set(text, (group = normaliseGroup(text)))
    return group
  }

  producerType(value: SheetCell['value']) {
    if (typeof value !== 'string') return parseProducerType(value)
    let found = this.types.get(value)
    if (found === undefined) this.types.set(value, (found = parseProducerType(value)))
    return found
  }

  canonicalName(text: string): string {
    let name = this.canonical.get(text)
    if (name === undefined) this.canonical.set(text, (name = canonicalName(normalizeText(text))))
    return name
  }

  unit(text: string, decisionDate: string | null, year: number | null) {
    const key = `${text}|${decisionDate ?? ''}|${year ?? ''}`
    let found = this.units.get(key)
    if (found === undefined) {
      found = matchUnitInYear(text, this.options.units, decisionDate, year)
      this.units.set(key, found)
    }
    return found
  }
}

function normaliseRow<U extends UnitCandidate>(
  r: SheetRow,
  columnOf: ReadonlyMap<ImportField, ColumnMapping>,
  valueAt: (r: SheetRow, index: number) => SheetCell['value'],
  textAt: (index: number) => string,
  sectionUnit: U | null,
  memo: RowMemo<U>,
  options: NormaliseOptions<U>,
): ImportRow {
  const messages: ImportMessage[] = []
  const raw = (field: ImportField): SheetCell['value'] => {
    const m = columnOf.get(field)
    return m === undefined ? null : valueAt(r, m.index)
  }
  const text = (field: ImportField): string => {
    const m = columnOf.get(field)
    return m === undefined ? '' : textAt(m.index)
  }
  const where = (field: ImportField | null): { column: string; prefix: string } => {
    const base = `Tệp ${options.fileName}, trang "${options.sheet}", dòng ${r.row}`
    const m = field === null ? undefined : columnOf.get(field)
    if (m === undefined) return { column: '', prefix: `${base}: ` }
    const letter = columnLetter(m.index)
    return { column: letter, prefix: `${base}, cột ${letter} (${m.label}): ` }
  }
  const say = (
    level: ImportMessage['level'],
    field: ImportField | null,
    code: ImportMessageCode,
    what: string,
    suggestions?: readonly UnitCandidate[],
  ): void => {
    const { column, prefix } = where(field)
    const message: ImportMessage = { level, column, code, text: prefix + what }
    if (suggestions !== undefined) {
      message.suggestions = suggestions.map((u) => ({ id: u.id, name: u.name }))
    }
    messages.push(message)
  }

  const product = text('product')
  if (product === '') {
    say(
      'error',
      'product',
      'MISSING_PRODUCT',
      'thiếu tên sản phẩm (ô trống). Hãy ghi tên sản phẩm hoặc bỏ dòng này.',
    )
  }

  let score: number | null = null
  const scoreText = text('score')
  const scoreResult = parseScore(raw('score'))
  if (scoreResult.ok) score = scoreResult.value
  else if (scoreResult.code === 'score.out-of-range') {
    say(
      'error',
      'score',
      'SCORE_OUT_OF_RANGE',
      `điểm ${scoreText} không hợp lệ, điểm phải từ 0 đến 100. Hãy sửa lại điểm theo phiếu chấm.`,
    )
  } else if (scoreResult.code === 'score.unreadable') {
    say(
      'error',
      'score',
      'SCORE_UNREADABLE',
      `không đọc được điểm "${scoreText}"; hãy ghi một số, ví dụ 72,5.`,
    )
  }

  let stars: number | null = null
  const starsText = text('stars')
  const starsResult = parseStars(raw('stars'))
  if (starsResult.ok) stars = starsResult.value
  else if (starsResult.code === 'stars.out-of-range') {
    say(
      'error',
      'stars',
      'STARS_OUT_OF_RANGE',
      `hạng sao ${starsText} không hợp lệ, hạng sao chỉ từ 1 đến 5. Hãy sửa lại theo quyết định công nhận.`,
    )
  } else if (starsResult.code === 'stars.unreadable') {
    say(
      'error',
      'stars',
      'STARS_UNREADABLE',
      `không đọc được hạng sao "${starsText}"; hãy ghi 1 đến 5, ví dụ "3", "3 sao" hoặc "★★★".`,
    )
  }

  let year: number | null = null
  const yearText = text('year')
  const yearResult = parseYear(raw('year'), OCOP_YEARS)
  if (yearResult.ok) year = yearResult.value
  else if (yearResult.code === 'year.out-of-range') {
    say(
      'error',
      'year',
      'YEAR_OUT_OF_RANGE',
      `năm công nhận ${yearText} không hợp lệ (chương trình OCOP bắt đầu từ năm ${OCOP_YEARS.min}). Hãy sửa lại năm có 4 chữ số.`,
    )
  } else if (yearResult.code === 'year.unreadable') {
    say(
      'error',
      'year',
      'YEAR_UNREADABLE',
      `không đọc được năm "${yearText}"; hãy ghi năm có 4 chữ số, ví dụ 2020.`,
    )
  }

  const partScores: Record<string, number> = {}
  for (const [field, code] of PART_FIELDS) {
    if (!columnOf.has(field) || text(field) === '') continue
    const part = parseScore(raw(field))
    if (part.ok) partScores[code] = part.value
    else {
      say(
        'error',
        field,
        'SCORE_UNREADABLE',
        `không đọc được điểm phần ${code} "${text(field)}"; hãy ghi một số, ví dụ 32,5.`,
      )
    }
  }

  let decisionNo = text('decisionNo')
  let dateValue = raw('decisionDate')
  let dateField: ImportField = 'decisionDate'
  const combined = DECISION_WITH_DATE.exec(decisionNo)
  if (combined && cleanText(dateValue) === '') {
    decisionNo = (combined[1] ?? '').trim()
    dateValue = combined[2] ?? null
    dateField = 'decisionNo'
  }
  let decisionDate: string | null = null
  const dateResult = parseDate(dateValue)
  if (dateResult.ok) decisionDate = dateResult.value
  else if (dateResult.code !== 'date.empty') {
    say(
      'error',
      dateField,
      'DATE_INVALID',
      `ngày quyết định "${cleanText(dateValue)}" không phải là ngày; hãy ghi theo dạng ngày/tháng/năm, ví dụ 05/03/2021.`,
    )
  }

  const rowDate = decisionDate ?? (year === null ? null : `${year}-12-31`)
  const set = rowDate === null ? undefined : criteriaSetOn(rowDate, options.criteriaSets ?? [])
  for (const [field, code] of PART_FIELDS) {
    const value = partScores[code]
    const max = set?.parts.find((p) => p.code === code)?.max
    if (value !== undefined && max !== undefined && value > max) {
      say(
        'error',
        field,
        'PART_ABOVE_MAX',
        `điểm phần ${code} là ${decimalVi(value)}, vượt điểm tối đa ${decimalVi(max)} của phần này theo ${set?.name ?? 'bộ tiêu chí'}. Hãy sửa lại theo phiếu chấm.`,
      )
    }
  }
  const partCodes = Object.keys(partScores)
  if (score === null && set !== undefined && set.parts.every((p) => partCodes.includes(p.code))) {
    score = totalFromParts(partScores)
  }

  if (score !== null && stars !== null) {
    const computed = starsFromTotal(score)
    if (starsDisagree(computed, stars)) {
      say(
        'warning',
        'stars',
        'STARS_SCORE_MISMATCH',
        `điểm ${decimalVi(score)} tương ứng ${computed} sao nhưng hạng sao ghi ${stars} sao. Giữ nguyên ${stars} sao như trong tệp; đề nghị kiểm tra lại.`,
      )
    }
  }

  let producerType: ProducerType | null = null
  const typeText = text('producerType')
  const typeResult = memo.producerType(raw('producerType'))
  if (typeResult.ok) producerType = typeResult.value
  else if (typeResult.code === 'producer-type.unknown') {
    say(
      'warning',
      'producerType',
      'UNKNOWN_PRODUCER_TYPE',
      `không nhận ra loại hình chủ thể "${typeText}"; hãy chọn Hợp tác xã, Doanh nghiệp, Tổ hợp tác hoặc Hộ kinh doanh.`,
    )
  }

  const address = text('address')
  let unit: U | null = null
  let unitName = text('unit')
  if (unitName !== '') {
    const found = memo.unit(unitName, decisionDate, year)
    if (found.ok) {
      unit = found.value
    } else if (found.code === 'unit.not-valid-on-date') {
      say(
        'warning',
        'unit',
        'UNKNOWN_COMMUNE',
        `"${unitName}" không còn (hoặc chưa có) vào năm ${year ?? ''}: ${found.suggestions.map((u) => u.name).join('; ')}. Hãy kiểm tra năm công nhận hoặc chọn xã, phường đúng.`,
        found.suggestions,
      )
    } else {
      const hint =
        found.suggestions.length > 0
          ? ` Có phải: ${found.suggestions.map((u) => u.name).join('; ')}? Hãy chọn xã, phường đúng hoặc thêm vào danh mục.`
          : ' Hãy chọn xã, phường đúng hoặc thêm vào danh mục.'
      say(
        'warning',
        'unit',
        'UNKNOWN_COMMUNE',
        `không tìm thấy "${unitName}" trong danh mục xã, phường.${hint}`,
        found.suggestions,
      )
    }
  } else if (sectionUnit !== null) {
    unit = sectionUnit
  } else if (address !== '') {
    for (const part of address.split(/[,;-]/u)) {
      const found = memo.unit(part, decisionDate, year)
      if (found.ok) {
        unit = found.value
        break
      }
    }
  }
  if (unit !== null) unitName = unit.name
  else if (unitName === '' && (columnOf.has('unit') || columnOf.has('address'))) {
    say(
      'warning',
      columnOf.has('unit') ? 'unit' : 'address',
      'MISSING_COMMUNE',
      'không rõ xã, phường của sản phẩm; hãy chọn xã, phường.',
    )
  }

  if (product !== '') {
    const key = [
      canonicalName(product),
      memo.canonicalName(text('producer')),
      unit?.id ?? memo.canonicalName(unitName),
      String(year ?? ''),
    ].join('|')
    const earlier = memo.seen.get(key)
    if (earlier !== undefined) {
      say(
        'warning',
        null,
        'DUPLICATE_ROW',
        `trùng với dòng ${earlier} (cùng tên sản phẩm, chủ thể, xã/phường và năm công nhận). Hãy bỏ một trong hai dòng hoặc xác nhận giữ cả hai.`,
      )
    } else {
      memo.seen.set(key, r.row)
    }
  }

  return {
    row: r.row,
    status: rowStatus(messages),
    fields: {
      product,
      producer: text('producer'),
      producerType,
      taxCode: text('taxCode'),
      unit: unit?.id ?? null,
      unitName,
      address,
      group: memo.group(text('group')),
      score,
      partScores,
      stars,
      year,
      decisionNo,
      decisionDate,
      certificateNo: text('certificateNo'),
      note: text('note'),
    },
    messages,
  }
}
