/**
 * Step 7 of the import: the normalised rows of a commune file against the register. Producers
 * match by tax number, else by canonical name; products by canonical name and producer;
 * evaluations by product, year and round. Each row becomes new, update (with the changed fields)
 * or unchanged, and the match lists the records to add and to change, with their before-images.
 *
 * A file never erases what the register knows: a field the file leaves empty keeps its value.
 * So importing the same file twice changes nothing the second time. Nor does a file change a
 * record another office owns (exchange/ownership.ts): its owner's packages do. Pure: no Dexie, no Vue.
 */
import type { IsoDate } from '../dates'
import type { CriteriaSet, Evaluation, Producer, ProducerType, Product } from '../db/records'
import { evaluationExpiry } from '../domain/certificates'
import { criteriaSetOn, recognisingLevel, starsFromTotal } from '../domain/criteria'
import { canonicalName } from '../text/vietnamese'
import { headerKey } from './header'
import { Batch } from './match-batch'
import { rowStatus, type ImportRow, type ImportRowFields } from './rows'

export type RowAction = 'new' | 'update' | 'unchanged' | 'excluded' | 'error'

/** The fields of a row that can change a record the register holds. */
export type ChangedField = Extract<
  keyof ImportRowFields,
  | 'producerType'
  | 'taxCode'
  | 'unit'
  | 'group'
  | 'score'
  | 'partScores'
  | 'stars'
  | 'decisionNo'
  | 'decisionDate'
  | 'certificateNo'
  | 'note'
>

export interface MatchedRow {
  row: number
  action: RowAction
  /** The row's fields an update changes, in the order of producer, product, evaluation. */
  changes: ChangedField[]
}

export interface RecordChange<T> {
  before: T
  after: T
}

export interface ImportMatch {
  /** The timestamp of every record the batch adds or changes (and of the batch itself). */
  stamp: string
  rows: MatchedRow[]
  create: { producers: Producer[]; products: Product[]; evaluations: Evaluation[] }
  update: {
    producers: RecordChange<Producer>[]
    products: RecordChange<Product>[]
    evaluations: RecordChange<Evaluation>[]
  }
  counts: Record<RowAction, number>
}

export interface RegisterSnapshot {
  producers: readonly Producer[]
  products: readonly Product[]
  evaluations: readonly Evaluation[]
  criteriaSets: readonly CriteriaSet[]
}

export interface MatchOptions {
  /** Sheet rows the clerk left out of the import. */
  excluded: ReadonlySet<number>
  /** ISO timestamp given to every record the batch adds or changes. */
  now: string
  newId: () => string
}

/**
 * The rows with the units the clerk chose for rows whose unit was not found: the chosen unit
 * replaces the text, and the row's unknown-unit warning is settled.
 */
export function withUnitChoices(
  rows: readonly ImportRow[],
  choices: ReadonlyMap<number, { id: string; name: string }>,
): ImportRow[] {
  if (choices.size === 0) return rows as ImportRow[]
  return rows.map((row) => {
    const unit = choices.get(row.row)
    if (unit === undefined) return row
    const messages = row.messages.filter(
      (m) => m.code !== 'UNKNOWN_COMMUNE' && m.code !== 'MISSING_COMMUNE',
    )
    return {
      ...row,
      status: rowStatus(messages),
      messages,
      fields: { ...row.fields, unit: unit.id, unitName: unit.name },
    }
  })
}

/** Rows held out until the clerk decides (fixtures README): unknown units and duplicates. */
export function heldOutByDefault(row: ImportRow): boolean {
  return row.messages.some((m) => m.code === 'UNKNOWN_COMMUNE' || m.code === 'DUPLICATE_ROW')
}

const TYPE_BY_NAME: readonly (readonly [RegExp, ProducerType])[] = [
  [/^(?:htx|hop tac xa)\b/u, 'htx'],
  [/^(?:tht|to hop tac)\b/u, 'to-hop-tac'],
  [/^(?:cong ty|cty|doanh nghiep|dntn|dn)\b/u, 'doanh-nghiep'],
]

/** The producer type a name implies ('HTX …', 'Công ty …'); a household business otherwise. */
export function producerTypeFromName(name: string): ProducerType {
  const key = headerKey(name)
  return TYPE_BY_NAME.find(([pattern]) => pattern.test(key))?.[1] ?? 'ho-kinh-doanh'
}

function evaluationKind(note: string, earlier: readonly Evaluation[], stars: number | null) {
  const key = headerKey(note)
  if (/\bnang hang\b/u.test(key)) return 'nang-hang' as const
  if (/\bdanh gia lai\b/u.test(key)) return 'danh-gia-lai' as const
  if (/^(?:moi|lan dau)\b/u.test(key)) return 'lan-dau' as const
  const last = earlier[earlier.length - 1]
  if (last === undefined) return 'lan-dau' as const
  return stars !== null && (last.recognisedStars ?? 0) < stars ? 'nang-hang' : 'danh-gia-lai'
}

/** The set that scored a row: the one in force on its decision date, else at its year's end. */
function setForRow(date: IsoDate, sets: readonly CriteriaSet[]): CriteriaSet | undefined {
  const inForce = criteriaSetOn(date, sets)
  if (inForce !== undefined) return inForce
  // Before the first set began (early 2018): the earliest set.
  return [...sets].sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''))[0]
}

/** Group codes by canonical group name, per criteria set: built once per match. */
function groupIndex(sets: readonly CriteriaSet[]): Map<string, Map<string, string>> {
  return new Map(
    sets.map((set) => [
      set.id,
      new Map(set.catalogue.groups.map((g) => [canonicalName(g.name), g.code])),
    ]),
  )
}

// Template dropdown entries: "IV.2 - Vải và may mặc" (code first), "Thảo dược (QĐ 1048)".
const CODE_PREFIX = /^([IVX]+)(?:\.\d+)?(?:\s*[a-z])?\s*-\s*/u
const BASIS_SUFFIX = /\s*\((?:QĐ|quyết định)[^)]*\)\s*$/iu

/** The group's code in the row's set, else in any set that names it (with that set's id). */
function groupOf(
  group: string,
  set: CriteriaSet | undefined,
  sets: readonly CriteriaSet[],
  index: ReadonlyMap<string, ReadonlyMap<string, string>>,
): { code: string; setId: string | null } {
  const none = { code: '', setId: set?.id ?? null }
  const prefix = CODE_PREFIX.exec(group)
  const code = prefix?.[1]
  if (code !== undefined && set?.catalogue.groups.some((g) => g.code === code)) {
    return { code, setId: set.id }
  }
  const key = canonicalName(group.replace(CODE_PREFIX, '').replace(BASIS_SUFFIX, ''))
  if (key === '') return none
  for (const candidate of set === undefined ? sets : [set, ...sets]) {
    const found = index.get(candidate.id)?.get(key)
    if (found !== undefined) return { code: found, setId: candidate.id }
  }
  return none
}

/** Sets `field` when the file gives a value that differs, and notes the row's field it came from. */
function fill<T extends object, K extends keyof T>(
  target: T,
  field: K,
  value: T[K] | null | '',
  changes: ChangedField[],
  from: ChangedField,
): void {
  if (value === null || value === '' || target[field] === value) return
  if (typeof value === 'object' && JSON.stringify(target[field]) === JSON.stringify(value)) return
  target[field] = value
  changes.push(from)
}

/** A row being matched: its fields, the year and criteria set it is about, what it changed. */
interface RowInMatch {
  fields: ImportRowFields
  year: number | null
  set: CriteriaSet | undefined
  /** The product group the row names, as a code of a criteria set. */
  group: { code: string; setId: string | null }
  changes: ChangedField[]
  /** Whether the row adds a record. */
  adds: boolean
}

/** The row's producer: found by tax number or name (its type and tax number filled in), or new. */
function matchProducer(batch: Batch, row: RowInMatch): Producer | undefined {
  const f = row.fields
  if (f.producer === '' && f.taxCode === '') return undefined
  const found = batch.findProducer(f.producer, f.taxCode)
  if (found === undefined) {
    const { now, newId } = batch.options
    const producer: Producer = {
      id: newId(),
      name: f.producer || f.taxCode,
      type: f.producerType ?? producerTypeFromName(f.producer),
      taxCode: f.taxCode,
      address: f.address,
      unitId: f.unit,
      representative: '',
      phone: '',
      note: '',
      createdAt: now,
      updatedAt: now,
    }
    batch.addProducer(producer)
    row.adds = true
    return producer
  }
  if (found.origin !== undefined) return found
  const target = batch.editable('producers', found)
  const changes: ChangedField[] = []
  fill(target, 'type', f.producerType, changes, 'producerType')
  if (target.taxCode === '') fill(target, 'taxCode', f.taxCode, changes, 'taxCode')
  if (changes.length > 0) target.updatedAt = batch.options.now
  row.changes.push(...changes)
  return target
}

/** The row's product under its producer: found by name (unit and group filled in), or new. */
function matchProduct(batch: Batch, row: RowInMatch, producerId: string | null): Product {
  const f = row.fields
  const { group } = row
  const found = batch.findProduct(producerId, f.product)
  if (found === undefined) {
    const { now, newId } = batch.options
    const product: Product = {
      id: newId(),
      name: f.product,
      producerId,
      unitId: f.unit,
      criteriaSetId: group.setId,
      groupCode: group.code,
      productSetCode: '',
      description: '',
      createdAt: now,
      updatedAt: now,
    }
    batch.addProduct(product)
    row.adds = true
    return product
  }
  if (found.origin !== undefined) return found
  const target = batch.editable('products', found)
  const changes: ChangedField[] = []
  fill(target, 'unitId', f.unit, changes, 'unit')
  if (group.code !== '' && target.groupCode !== group.code) {
    target.groupCode = group.code
    target.criteriaSetId = group.setId
    changes.push('group')
  }
  if (changes.length > 0) target.updatedAt = batch.options.now
  row.changes.push(...changes)
  return target
}

/**
 * The row's evaluation of the product in its year (round 1), only when the row says something
 * about one: found and updated with what the file gives, or new.
 */
function matchEvaluation(batch: Batch, row: RowInMatch, product: Product): void {
  const { fields: f, year, set } = row
  if (year === null || (f.stars === null && f.score === null && f.decisionNo === '')) return
  const found = batch.findEvaluation(product.id, year, 1)
  const { now, newId } = batch.options
  if (found === undefined) {
    const evaluation: Evaluation = {
      id: newId(),
      productId: product.id,
      year,
      round: 1,
      evaluatedOn: null,
      criteriaSetId: set?.id ?? '',
      partScores: f.partScores,
      itemScores: null,
      total: f.score,
      computedStars: f.score === null ? null : starsFromTotal(f.score, set?.starThresholds),
      recognisedStars: f.stars,
      councilLevel:
        (f.stars === null ? undefined : set && recognisingLevel(set, f.stars)) ?? 'huyen',
      kind: evaluationKind(f.note, batch.evaluationsBefore(product.id, year), f.stars),
      decisionNo: f.decisionNo,
      decisionDate: f.decisionDate,
      certificateNo: f.certificateNo,
      expiryDate: null,
      note: f.note,
      createdAt: now,
      updatedAt: now,
    }
    evaluation.expiryDate = evaluationExpiry(evaluation)
    batch.addEvaluation(evaluation)
    row.adds = true
    return
  }
  if (found.origin !== undefined) return
  const target = batch.editable('evaluations', found)
  const changes: ChangedField[] = []
  fill(target, 'total', f.score, changes, 'score')
  if (Object.keys(f.partScores).length > 0) {
    fill(target, 'partScores', f.partScores, changes, 'partScores')
  }
  fill(target, 'recognisedStars', f.stars, changes, 'stars')
  fill(target, 'decisionNo', f.decisionNo, changes, 'decisionNo')
  fill(target, 'decisionDate', f.decisionDate, changes, 'decisionDate')
  fill(target, 'certificateNo', f.certificateNo, changes, 'certificateNo')
  fill(target, 'note', f.note, changes, 'note')
  if (changes.length > 0) {
    const scoredBy = batch.sets.find((s) => s.id === target.criteriaSetId)
    target.computedStars =
      target.total === null ? null : starsFromTotal(target.total, scoredBy?.starThresholds)
    target.expiryDate = evaluationExpiry({ ...target, expiryDate: null })
    target.updatedAt = now
  }
  row.changes.push(...changes)
}

/** Matches `rows` (error rows and excluded rows are left out) against `register`. */
export function matchImport(
  rows: readonly ImportRow[],
  register: RegisterSnapshot,
  options: MatchOptions,
): ImportMatch {
  const batch = new Batch(register, options)
  const groups = groupIndex(register.criteriaSets)
  for (const row of rows) {
    if (row.status === 'error' || options.excluded.has(row.row)) {
      const action = row.status === 'error' ? 'error' : 'excluded'
      batch.match.rows.push({ row: row.row, action, changes: [] })
      continue
    }
    const f = row.fields
    const year = f.year ?? (f.decisionDate === null ? null : Number(f.decisionDate.slice(0, 4)))
    const asOf = f.decisionDate ?? `${year ?? new Date(options.now).getFullYear()}-12-31`
    const set = setForRow(asOf, batch.sets)
    const inMatch: RowInMatch = {
      fields: f,
      year,
      set,
      group: groupOf(f.group, set, batch.sets, groups),
      changes: [],
      adds: false,
    }
    const producer = matchProducer(batch, inMatch)
    const product = matchProduct(batch, inMatch, producer?.id ?? null)
    matchEvaluation(batch, inMatch, product)
    const action: RowAction = inMatch.adds
      ? 'new'
      : inMatch.changes.length > 0
        ? 'update'
        : 'unchanged'
    batch.match.rows.push({ row: row.row, action, changes: inMatch.changes })
  }
  return batch.finish()
}
