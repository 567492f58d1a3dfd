/**
 * The references between the register's tables, and the check a restore makes with them: a record
 * that refers to a record missing from the backup (a product whose producer is gone, an evaluation
 * whose product is gone) is never restored silently. The clerk sees the list and may restore with
 * those records set aside in the "Cần xử lý" list, from where they go back once what they refer to
 * exists.
 *
 * Not references in this sense: the audit log and the change batches. They are history and name
 * records that were later deleted by design (undoing a batch checks what still exists itself).
 */
import type { BackupTables } from './backup-format'
import {
  REFERRING_TABLES,
  type MissingReference,
  type ReferringTable,
  type SetAsideRecord,
} from './records'
import type { TableName } from './schema'

/**
 * A field of `table` holding the id of a record of `target` (or null where the field allows). With
 * `list`, the field is one of each item of that list field (a revocation's lines each name a
 * product and an evaluation): `referenceIds` reads either kind.
 */
export interface ReferenceRule {
  table: ReferringTable
  field: string
  target: TableName
  list?: string
}

/** The rule's field as a missing reference names it: "productId", or "lines.productId". */
export const ruleField = (rule: ReferenceRule): string =>
  rule.list === undefined ? rule.field : `${rule.list}.${rule.field}`

const itemsOf = (rule: ReferenceRule & { list: string }, record: Record<string, unknown>) => {
  const items = record[rule.list]
  return Array.isArray(items)
    ? items.filter((item): item is Record<string, unknown> => typeof item === 'object' && item)
    : []
}

/** The ids `record` names by `rule`: none, one, or (for a list rule) one per item, each once. */
export function referenceIds(rule: ReferenceRule, record: Record<string, unknown>): string[] {
  if (rule.list === undefined) {
    const value = record[rule.field]
    return typeof value === 'string' ? [value] : []
  }
  const ids = itemsOf({ ...rule, list: rule.list }, record).map((item) => item[rule.field])
  return [...new Set(ids.filter((id): id is string => typeof id === 'string'))]
}

/**
 * `record` with the ids it names by `rule` replaced by `map`'s (a package's ids in this register's
 * id space, or the reverse); undefined when `map` knows one of them not. The record is not changed.
 */
export function mapReferences<R extends Record<string, unknown>>(
  rule: ReferenceRule,
  record: R,
  map: (id: string) => string | undefined,
): R | undefined {
  if (rule.list === undefined) {
    const value = record[rule.field]
    if (typeof value !== 'string') return record
    const mapped = map(value)
    return mapped === undefined ? undefined : { ...record, [rule.field]: mapped }
  }
  const items = record[rule.list]
  if (!Array.isArray(items)) return record
  const out: unknown[] = []
  for (const item of items as unknown[]) {
    const value =
      typeof item === 'object' && item !== null
        ? (item as Record<string, unknown>)[rule.field]
        : undefined
    if (typeof value !== 'string') {
      out.push(item)
      continue
    }
    const mapped = map(value)
    if (mapped === undefined) return undefined
    out.push({ ...(item as object), [rule.field]: mapped })
  }
  return { ...record, [rule.list]: out }
}

export const REFERENCE_RULES: readonly ReferenceRule[] = [
  { table: 'units', field: 'successorId', target: 'units' },
  { table: 'producers', field: 'unitId', target: 'units' },
  { table: 'products', field: 'producerId', target: 'producers' },
  { table: 'products', field: 'unitId', target: 'units' },
  { table: 'products', field: 'criteriaSetId', target: 'criteriaSets' },
  { table: 'evaluations', field: 'productId', target: 'products' },
  { table: 'evaluations', field: 'criteriaSetId', target: 'criteriaSets' },
  { table: 'planTargets', field: 'planId', target: 'plans' },
  { table: 'planTargets', field: 'unitId', target: 'units' },
  { table: 'planTargets', field: 'productId', target: 'products' },
  { table: 'scoringSheets', field: 'criteriaSetId', target: 'criteriaSets' },
  { table: 'rounds', field: 'criteriaSetId', target: 'criteriaSets' },
  { table: 'roundMembers', field: 'roundId', target: 'rounds' },
  { table: 'roundEntries', field: 'roundId', target: 'rounds' },
  { table: 'roundEntries', field: 'productId', target: 'products' },
  { table: 'roundEntries', field: 'evaluationId', target: 'evaluations' },
  { table: 'roundScores', field: 'entryId', target: 'roundEntries' },
  { table: 'roundScores', field: 'memberId', target: 'roundMembers' },
  { table: 'revocations', list: 'lines', field: 'productId', target: 'products' },
  { table: 'revocations', list: 'lines', field: 'evaluationId', target: 'evaluations' },
]

/** A record of the register as a plain object with its id. */
export type KeyedRecord = { id: string } & Record<string, unknown>

/** A record whose references point at records that are missing (or are themselves dangling). */
export interface DanglingRecord {
  table: ReferringTable
  record: KeyedRecord
  missing: MissingReference[]
}

/** The references a record of `table` makes: every non-null id field, with the table it names. */
export function referencesOf(table: TableName, record: KeyedRecord): MissingReference[] {
  return REFERENCE_RULES.filter((rule) => rule.table === table).flatMap((rule) =>
    referenceIds(rule, record).map((id) => ({ field: ruleField(rule), table: rule.target, id })),
  )
}

/**
 * Every record of `tables` that refers to a record not in `tables`, and, because a record that is
 * set aside is missing too, every record that refers to one of those (an evaluation of a product
 * whose producer is gone). In table order, then file order.
 */
export function findDanglingRecords(tables: BackupTables): DanglingRecord[] {
  const key = (table: TableName, id: string) => `${table}\u0000${id}`
  const present = new Set<string>()
  for (const rule of REFERENCE_RULES) {
    for (const record of tables[rule.target] as KeyedRecord[])
      present.add(key(rule.target, record.id))
  }
  const dangling = new Map<string, DanglingRecord>()
  const referrers = new Map<
    string,
    { table: ReferringTable; record: KeyedRecord; ref: MissingReference }[]
  >()
  const pending: string[] = []

  function markMissing(table: ReferringTable, record: KeyedRecord, ref: MissingReference) {
    const own = key(table, record.id)
    const found = dangling.get(own)
    if (found) {
      if (!found.missing.some((m) => m.field === ref.field)) found.missing.push(ref)
      return
    }
    dangling.set(own, { table, record, missing: [ref] })
    pending.push(own)
  }

  for (const rule of REFERENCE_RULES) {
    for (const record of tables[rule.table] as KeyedRecord[]) {
      for (const id of referenceIds(rule, record)) {
        const ref = { field: ruleField(rule), table: rule.target, id }
        const target = key(rule.target, id)
        if (!present.has(target)) {
          markMissing(rule.table, record, ref)
          continue
        }
        const list = referrers.get(target) ?? []
        if (list.length === 0) referrers.set(target, list)
        list.push({ table: rule.table, record, ref })
      }
    }
  }
  // A worklist rather than repeated passes: a chain of successor units is followed in one go.
  while (pending.length > 0) {
    for (const referrer of referrers.get(pending.pop()!) ?? []) {
      markMissing(referrer.table, referrer.record, referrer.ref)
    }
  }

  return REFERRING_TABLES.flatMap((table) =>
    (tables[table] as KeyedRecord[]).flatMap((record) => {
      const found = dangling.get(key(table, record.id))
      return found?.record === record ? [found] : []
    }),
  )
}

/** Where set-aside records came from, and how their list entries get ids. */
export interface SetAsideOrigin {
  backupName: string
  /** ISO timestamp of the restore. */
  at: string
  newId(): string
}

/**
 * The tables to restore when the clerk chooses to set `dangling` aside: those records leave their
 * tables and join the backup's own "Cần xử lý" list.
 */
export function setDanglingAside(
  tables: BackupTables,
  dangling: readonly DanglingRecord[],
  origin: SetAsideOrigin,
): BackupTables {
  const leaving = new Set(dangling.map((d) => d.record))
  const kept = Object.fromEntries(
    (Object.keys(tables) as TableName[]).map((name) => [
      name,
      tables[name].filter((record) => !leaving.has(record as KeyedRecord)),
    ]),
  ) as BackupTables
  const entries: SetAsideRecord[] = dangling.map((d) => ({
    id: origin.newId(),
    table: d.table,
    record: d.record,
    missing: d.missing,
    backupName: origin.backupName,
    setAsideAt: origin.at,
  }))
  return { ...kept, setAside: [...kept.setAside, ...entries] }
}
