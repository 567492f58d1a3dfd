/**
 * How a product row's fields are read: one rule per field, saying which column(s) it reads, how
 * the value parses and which message each problem gives. The rules run in the order of the
 * table, so a rule may use the fields read before it (the unit is matched in the row's year, the
 * part scores are checked against the criteria set of the row's date).
 */
import { criteriaSetOn, starsDisagree, starsFromTotal, totalFromParts } from '../domain/criteria'
import type { ErrorLocation } from '../errors'
import type { RowMessageCode, RowMessageParams } from '../messages/catalogue'
import { canonicalName } from '../text/vietnamese'
import type { ColumnMapping, ImportField } from './header'
import type { RowMemo } from './row-memo'
import {
  columnLetter,
  rowStatus,
  type ImportMessage,
  type ImportRow,
  type ImportRowFields,
  type NormaliseOptions,
  type RowProblem,
  type SheetCell,
} from './rows'
import type { UnitCandidate } from './units-match'
import {
  cleanText,
  parseDate,
  parseScore,
  parseStars,
  parseYear,
  type ValueProblemCode,
  type ValueResult,
} from './values'

/** The programme's years: OCOP started in 2018. */
const OCOP_YEARS = { min: 2018, max: 2100 } as const

const DECISION_WITH_DATE =
  /^(.*?)[\s,;]*(?:ngày|ngay)\s*(\d{1,2}\s*[/.-]\s*\d{1,2}\s*[/.-]\s*\d{4})\s*$/iu

/** A sheet row's cells with the mapping that says which column holds which field. */
export interface MappedRow {
  row: number
  mapping: readonly ColumnMapping[]
  /** The field's column, or undefined when no column is mapped to it. */
  column(field: ImportField): ColumnMapping | undefined
  /** The cell a column's value comes from: its own, or the top of the vertical merge it is in. */
  cell(index: number): SheetCell | undefined
  /** The value at a column, legacy text decoded. */
  value(index: number): SheetCell['value']
  /** The value at a column as cleaned text. */
  text(index: number): string
}

/** A row while its rules run: its cells, the fields read so far, its messages. */
class RowReading<U extends UnitCandidate> {
  readonly fields: ImportRowFields = {
    product: '',
    producer: '',
    producerType: null,
    taxCode: '',
    unit: null,
    unitName: '',
    address: '',
    group: '',
    score: null,
    partScores: {},
    stars: null,
    year: null,
    decisionNo: '',
    decisionDate: null,
    certificateNo: '',
    note: '',
  }
  readonly messages: ImportMessage[] = []

  constructor(
    readonly cells: MappedRow,
    readonly memo: RowMemo<U>,
    readonly options: NormaliseOptions<U>,
    /** The unit of the section ("I. Phường …") the row is in, for a row without a unit. */
    readonly sectionUnit: U | null,
  ) {}

  has(field: ImportField): boolean {
    return this.cells.column(field) !== undefined
  }

  value(field: ImportField): SheetCell['value'] {
    const m = this.cells.column(field)
    return m === undefined ? null : this.cells.value(m.index)
  }

  text(field: ImportField): string {
    const m = this.cells.column(field)
    return m === undefined ? '' : this.cells.text(m.index)
  }

  /** Adds a message on the field's column, or on the whole row when `field` is null. */
  say(field: ImportField | null, problem: RowProblem): void {
    const where: ErrorLocation = {
      file: this.options.fileName,
      sheet: this.options.sheet,
      row: this.cells.row,
    }
    const m = field === null ? undefined : this.cells.column(field)
    if (m !== undefined) {
      where.column = columnLetter(m.index)
      where.columnLabel = m.label
    }
    this.messages.push({ ...problem, where })
  }
}

/** A catalogue message at a level: the params are checked against the code. */
function problem<C extends RowMessageCode>(
  level: RowProblem['level'],
  code: C,
  params: RowMessageParams[C],
): RowProblem {
  return { level, code, params } as RowProblem
}

/** Reads one field (or checks fields read before it), adding the messages it gives. */
type FieldRule = <U extends UnitCandidate>(reading: RowReading<U>) => void

/** A text field, as written. */
function text(field: 'producer' | 'taxCode' | 'address' | 'certificateNo' | 'note'): FieldRule {
  return (reading) => {
    reading.fields[field] = reading.text(field)
  }
}

/** What each problem the parser can give says, from the cell's text; others give no message. */
type ProblemMessages = Partial<Record<ValueProblemCode, (text: string) => RowProblem>>

/** A field parsed from its own column. */
function parsed<F extends 'score' | 'stars' | 'year' | 'producerType'>(
  field: F,
  parse: (
    value: SheetCell['value'],
    memo: RowMemo<UnitCandidate>,
  ) => ValueResult<NonNullable<ImportRowFields[F]>>,
  problems: ProblemMessages,
): FieldRule {
  return (reading) => {
    const result = parse(reading.value(field), reading.memo)
    if (result.ok) reading.fields[field] = result.value
    else {
      const problem = problems[result.code]
      if (problem !== undefined) reading.say(field, problem(reading.text(field)))
    }
  }
}

/** A part score ('A', 'B', 'C'): read only when written, any problem makes it unreadable. */
function partScore(field: 'partA' | 'partB' | 'partC', part: string): FieldRule {
  return (reading) => {
    if (!reading.has(field) || reading.text(field) === '') return
    const result = parseScore(reading.value(field))
    if (result.ok) reading.fields.partScores[part] = result.value
    else {
      const params = { value: reading.text(field), part }
      reading.say(field, problem('error', 'SCORE_UNREADABLE', params))
    }
  }
}

const PART_FIELDS: readonly (readonly ['partA' | 'partB' | 'partC', string])[] = [
  ['partA', 'A'],
  ['partB', 'B'],
  ['partC', 'C'],
]

/** A cell the reader could not value (an Excel error, a missing string) is never silently blank. */
const cellProblems: FieldRule = (reading) => {
  for (const m of reading.cells.mapping) {
    const cell = m.field === 'rowNumber' ? undefined : reading.cells.cell(m.index)?.problem
    if (cell === undefined) continue
    reading.say(
      m.field,
      cell.kind === 'error-value'
        ? problem('warning', 'CELL_ERROR_VALUE', { value: cell.value })
        : problem('warning', 'CELL_MISSING_STRING', { index: cell.index }),
    )
  }
}

const product: FieldRule = (reading) => {
  reading.fields.product = reading.text('product')
  if (reading.fields.product === '') {
    reading.say('product', problem('error', 'MISSING_PRODUCT', {}))
  }
}

const group: FieldRule = (reading) => {
  reading.fields.group = reading.memo.group(reading.text('group'))
}

/** The decision's number and date; a date written in the number's cell when its own is empty. */
const decision: FieldRule = (reading) => {
  let decisionNo = reading.text('decisionNo')
  let dateValue = reading.value('decisionDate')
  let dateField: ImportField = 'decisionDate'
  const combined = DECISION_WITH_DATE.exec(decisionNo)
  if (combined && cleanText(dateValue) === '') {
    decisionNo = (combined[1] ?? '').trim()
    dateValue = combined[2] ?? null
    dateField = 'decisionNo'
  }
  reading.fields.decisionNo = decisionNo
  const result = parseDate(dateValue)
  if (result.ok) reading.fields.decisionDate = result.value
  else if (result.code !== 'date.empty') {
    reading.say(dateField, problem('error', 'DATE_INVALID', { value: cleanText(dateValue) }))
  }
}

/**
 * Part scores against the maxima of the criteria set in force on the row's date (or at its
 * year's end); with every part and no total, the total is their sum.
 */
const partsAgainstSet: FieldRule = (reading) => {
  const { fields } = reading
  const set = criteriaSetOfRow(reading)
  if (set === undefined) return
  for (const [field, part] of PART_FIELDS) {
    const score = fields.partScores[part]
    const max = set.parts.find((p) => p.code === part)?.max
    if (score !== undefined && max !== undefined && score > max) {
      const params = { part, score, max, criteriaSet: set.name }
      reading.say(field, problem('error', 'PART_ABOVE_MAX', params))
    }
  }
  const written = Object.keys(fields.partScores)
  if (fields.score === null && set.parts.every((p) => written.includes(p.code))) {
    fields.score = totalFromParts(fields.partScores)
  }
}

/** The criteria set in force on the row's decision date, else at the end of its year. */
function criteriaSetOfRow(reading: RowReading<UnitCandidate>) {
  const { decisionDate, year } = reading.fields
  const date = decisionDate ?? (year === null ? null : `${year}-12-31`)
  return date === null ? undefined : criteriaSetOn(date, reading.options.criteriaSets ?? [])
}

/**
 * The stars as recognised are kept; a score that gives other stars under the thresholds of the
 * row's criteria set is worth a look.
 */
const starsAgainstScore: FieldRule = (reading) => {
  const { score, stars } = reading.fields
  if (score === null || stars === null) return
  const computed = starsFromTotal(score, criteriaSetOfRow(reading)?.starThresholds)
  if (starsDisagree(computed, stars)) {
    const params = { score, computed, stars }
    reading.say('stars', problem('warning', 'STARS_SCORE_MISMATCH', params))
  }
}

/**
 * The unit from its own column (matched in the row's year), else the section's, else a part of
 * the address that names one.
 */
const unit: FieldRule = (reading) => {
  const { fields, memo } = reading
  const written = reading.text('unit')
  let found: UnitCandidate | null = null
  if (written !== '') {
    const match = memo.unit(written, fields.decisionDate, fields.year)
    if (match.ok) found = match.value
    else {
      const suggestions = match.suggestions.map(({ id, name }) => ({ id, name }))
      const params =
        match.code === 'unit.not-valid-on-date'
          ? { reason: 'not-valid-then' as const, value: written, year: fields.year, suggestions }
          : { reason: 'not-found' as const, value: written, suggestions }
      reading.say('unit', problem('warning', 'UNKNOWN_COMMUNE', params))
    }
  } else if (reading.sectionUnit !== null) {
    found = reading.sectionUnit
  } else if (fields.address !== '') {
    for (const part of fields.address.split(/[,;-]/u)) {
      const match = memo.unit(part, fields.decisionDate, fields.year)
      if (match.ok) {
        found = match.value
        break
      }
    }
  }
  fields.unit = found?.id ?? null
  fields.unitName = found?.name ?? written
  if (found === null && written === '' && (reading.has('unit') || reading.has('address'))) {
    const field = reading.has('unit') ? 'unit' : 'address'
    reading.say(field, problem('warning', 'MISSING_COMMUNE', {}))
  }
}

/** A second row with the same product, producer, unit and year is a duplicate of the first. */
const duplicate: FieldRule = (reading) => {
  const { fields, memo } = reading
  if (fields.product === '') return
  const key = [
    canonicalName(fields.product),
    memo.canonicalName(fields.producer),
    fields.unit ?? memo.canonicalName(fields.unitName),
    String(fields.year ?? ''),
  ].join('|')
  const firstRow = memo.seen.get(key)
  if (firstRow === undefined) memo.seen.set(key, reading.cells.row)
  else reading.say(null, problem('warning', 'DUPLICATE_ROW', { firstRow }))
}

/** The rules in the order they run; a row's messages come in this order too. */
const FIELD_RULES: readonly FieldRule[] = [
  cellProblems,
  product,
  text('producer'),
  text('taxCode'),
  text('address'),
  group,
  text('certificateNo'),
  text('note'),
  parsed('score', parseScore, {
    'score.out-of-range': (value) => problem('error', 'SCORE_OUT_OF_RANGE', { value }),
    'score.unreadable': (value) => problem('error', 'SCORE_UNREADABLE', { value }),
  }),
  parsed('stars', parseStars, {
    'stars.out-of-range': (value) => problem('error', 'STARS_OUT_OF_RANGE', { value }),
    'stars.unreadable': (value) => problem('error', 'STARS_UNREADABLE', { value }),
  }),
  parsed('year', (value) => parseYear(value, OCOP_YEARS), {
    'year.out-of-range': (value) =>
      problem('error', 'YEAR_OUT_OF_RANGE', { value, firstYear: OCOP_YEARS.min }),
    'year.unreadable': (value) => problem('error', 'YEAR_UNREADABLE', { value }),
  }),
  ...PART_FIELDS.map(([field, part]) => partScore(field, part)),
  decision,
  partsAgainstSet,
  starsAgainstScore,
  parsed('producerType', (value, memo) => memo.producerType(value), {
    'producer-type.unknown': (value) => problem('warning', 'UNKNOWN_PRODUCER_TYPE', { value }),
  }),
  unit,
  duplicate,
]

/** Reads a product row by the field rules: its fields, messages and status. */
export function readRow<U extends UnitCandidate>(
  cells: MappedRow,
  sectionUnit: U | null,
  memo: RowMemo<U>,
  options: NormaliseOptions<U>,
): ImportRow {
  const reading = new RowReading(cells, memo, options, sectionUnit)
  for (const rule of FIELD_RULES) rule(reading)
  const { messages, fields } = reading
  return { row: cells.row, status: rowStatus(messages), fields, messages }
}
