/**
 * Step 7 of the import: the normalised rows of a commune file against the register. Producers
 * match by tax number, else by canonical name; products by canonical name and producer;
 * evaluations by product, year and round. Each row becomes new, update (with the changed fields)
 * or unchanged, and the plan lists the records to add and to change, with their before-images.
 *
 * A file never erases what the register knows: a field the file leaves empty keeps its value.
 * So importing the same file twice changes nothing the second time. Pure: no Dexie, no Vue.
 */
import type { IsoDate } from '../dates'
import type { CriteriaSet, Evaluation, Producer, ProducerType, Product } from '../db/records'
import { evaluationExpiry } from '../domain/certificates'
import { criteriaSetOn, recognisingLevel, starsFromTotal } from '../domain/criteria'
import { canonicalName } from '../text/vietnamese'
import { headerKey } from './header'
import { rowStatus, type ImportRow } from './rows'

export type RowAction = 'new' | 'update' | 'unchanged' | 'excluded' | 'error'

export interface PlannedRow {
  row: number
  action: RowAction
  /** Vietnamese names of the fields an update changes ('hạng sao', 'số quyết định' …). */
  changes: string[]
}

export interface RecordChange<T> {
  before: T
  after: T
}

export interface ImportPlan {
  /** The timestamp of every record the batch adds or changes (and of the batch itself). */
  stamp: string
  rows: PlannedRow[]
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

export interface PlanOptions {
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

/** Group codes by canonical group name, per criteria set: built once per plan. */
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

const productKey = (producerId: string | null, name: string): string =>
  `${producerId ?? ''}|${canonicalName(name)}`
const evaluationKey = (productId: string, year: number, round: number): string =>
  `${productId}|${year}|${round}`
const taxKey = (tax: string): string => tax.replace(/[\s.-]/gu, '')

/** Sets `field` when the file gives a value that differs; returns whether it did. */
function fill<T extends object, K extends keyof T>(
  target: T,
  field: K,
  value: T[K] | null | '',
  changes: string[],
  label: string,
): void {
  if (value === null || value === '' || target[field] === value) return
  if (typeof value === 'object' && JSON.stringify(target[field]) === JSON.stringify(value)) return
  target[field] = value
  changes.push(label)
}

/** Plans the import of `rows` (error rows and excluded rows are left out) into `register`. */
export function planImport(
  rows: readonly ImportRow[],
  register: RegisterSnapshot,
  options: PlanOptions,
): ImportPlan {
  const { now, newId } = options
  const sets = register.criteriaSets
  const groups = groupIndex(sets)
  const producersByTax = new Map<string, Producer>()
  const producersByName = new Map<string, Producer>()
  const indexProducer = (p: Producer) => {
    if (taxKey(p.taxCode) !== '' && !producersByTax.has(taxKey(p.taxCode))) {
      producersByTax.set(taxKey(p.taxCode), p)
    }
    if (!producersByName.has(canonicalName(p.name))) producersByName.set(canonicalName(p.name), p)
  }
  register.producers.forEach(indexProducer)
  const products = new Map(register.products.map((p) => [productKey(p.producerId, p.name), p]))
  const evaluations = new Map(
    register.evaluations.map((e) => [evaluationKey(e.productId, e.year, e.round), e]),
  )
  const earlierOf = new Map<string, Evaluation[]>()
  for (const e of register.evaluations) {
    earlierOf.set(e.productId, [...(earlierOf.get(e.productId) ?? []), e])
  }

  const plan: ImportPlan = {
    stamp: now,
    rows: [],
    create: { producers: [], products: [], evaluations: [] },
    update: { producers: [], products: [], evaluations: [] },
    counts: { new: 0, update: 0, unchanged: 0, excluded: 0, error: 0 },
  }
  const created = new Set<string>()
  // Records changed by this batch: the working copy, and the image before the batch.
  const working = new Map<
    string,
    { table: keyof ImportPlan['update']; before: unknown; after: unknown }
  >()

  /** The record to change: created ones in place, stored ones as a copy with its before-image. */
  function editable<T extends { id: string; updatedAt: string }>(
    table: keyof ImportPlan['update'],
    record: T,
  ): T {
    if (created.has(record.id)) return record
    const open = working.get(record.id)
    if (open !== undefined) return open.after as T
    const copy = structuredClone(record)
    working.set(record.id, { table, before: record, after: copy })
    return copy
  }

  for (const row of rows) {
    if (row.status === 'error') {
      plan.rows.push({ row: row.row, action: 'error', changes: [] })
      continue
    }
    if (options.excluded.has(row.row)) {
      plan.rows.push({ row: row.row, action: 'excluded', changes: [] })
      continue
    }
    const f = row.fields
    let isNew = false
    const changes: string[] = []
    const year = f.year ?? (f.decisionDate === null ? null : Number(f.decisionDate.slice(0, 4)))
    const set = setForRow(f.decisionDate ?? `${year ?? new Date(now).getFullYear()}-12-31`, sets)

    // Producer
    let producer: Producer | undefined
    if (f.producer !== '' || f.taxCode !== '') {
      producer =
        (f.taxCode === '' ? undefined : producersByTax.get(taxKey(f.taxCode))) ??
        (f.producer === '' ? undefined : producersByName.get(canonicalName(f.producer)))
      if (producer === undefined) {
        producer = {
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
        created.add(producer.id)
        plan.create.producers.push(producer)
        indexProducer(producer)
        isNew = true
      } else {
        const before = changes.length
        const target = editable('producers', producer)
        fill(target, 'type', f.producerType, changes, 'loại hình chủ thể')
        if (target.taxCode === '') fill(target, 'taxCode', f.taxCode, changes, 'mã số thuế')
        if (changes.length > before) target.updatedAt = now
        producer = target
      }
    }

    // Product
    const producerId = producer?.id ?? null
    const group = groupOf(f.group, set, sets, groups)
    let product = products.get(productKey(producerId, f.product))
    if (product === undefined) {
      const stars =
        f.stars ?? (f.score === null ? null : starsFromTotal(f.score, set?.starThresholds))
      product = {
        id: newId(),
        name: f.product,
        producerId,
        unitId: f.unit,
        criteriaSetId: group.setId,
        groupCode: group.code,
        productSetCode: '',
        description: '',
        status: stars === null ? 'da-dang-ky' : stars >= 3 ? 'dat-ocop' : 'da-danh-gia',
        createdAt: now,
        updatedAt: now,
      }
      created.add(product.id)
      plan.create.products.push(product)
      products.set(productKey(producerId, f.product), product)
      isNew = true
    } else {
      const before = changes.length
      const target = editable('products', product)
      fill(target, 'unitId', f.unit, changes, 'xã, phường')
      if (group.code !== '' && target.groupCode !== group.code) {
        target.groupCode = group.code
        target.criteriaSetId = group.setId
        changes.push('nhóm sản phẩm')
      }
      if (changes.length > before) target.updatedAt = now
      product = target
    }

    // Evaluation: only when the row says something about one.
    if (year !== null && (f.stars !== null || f.score !== null || f.decisionNo !== '')) {
      const key = evaluationKey(product.id, year, 1)
      const existing = evaluations.get(key)
      if (existing === undefined) {
        const earlier = (earlierOf.get(product.id) ?? []).filter((e) => e.year < year)
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
          kind: evaluationKind(f.note, earlier, f.stars),
          decisionNo: f.decisionNo,
          decisionDate: f.decisionDate,
          certificateNo: f.certificateNo,
          expiryDate: null,
          note: f.note,
          createdAt: now,
          updatedAt: now,
        }
        evaluation.expiryDate = evaluationExpiry(evaluation)
        created.add(evaluation.id)
        plan.create.evaluations.push(evaluation)
        evaluations.set(key, evaluation)
        earlierOf.set(product.id, [...(earlierOf.get(product.id) ?? []), evaluation])
        isNew = true
      } else {
        const before = changes.length
        const target = editable('evaluations', existing)
        fill(target, 'total', f.score, changes, 'điểm')
        if (Object.keys(f.partScores).length > 0) {
          fill(target, 'partScores', f.partScores, changes, 'điểm các phần')
        }
        fill(target, 'recognisedStars', f.stars, changes, 'hạng sao')
        fill(target, 'decisionNo', f.decisionNo, changes, 'số quyết định')
        fill(target, 'decisionDate', f.decisionDate, changes, 'ngày quyết định')
        fill(target, 'certificateNo', f.certificateNo, changes, 'số giấy chứng nhận')
        fill(target, 'note', f.note, changes, 'ghi chú')
        if (changes.length > before) {
          const scoredBy = sets.find((s) => s.id === target.criteriaSetId)
          target.computedStars =
            target.total === null ? null : starsFromTotal(target.total, scoredBy?.starThresholds)
          target.expiryDate = evaluationExpiry({ ...target, expiryDate: null })
          target.updatedAt = now
        }
      }
    }

    const action: RowAction = isNew ? 'new' : changes.length > 0 ? 'update' : 'unchanged'
    plan.rows.push({ row: row.row, action, changes })
  }

  for (const { table, before, after } of working.values()) {
    if (JSON.stringify(before) === JSON.stringify(after)) continue
    ;(plan.update[table] as RecordChange<unknown>[]).push({ before, after })
  }
  for (const r of plan.rows) plan.counts[r.action]++
  return plan
}
