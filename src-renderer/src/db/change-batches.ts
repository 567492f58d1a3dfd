/**
 * Change batches: one clerk action that writes many records at once, kept with what it wrote
 * (before-images, created ids) and undone as a whole by one rule — a batch can be undone while no
 * record it wrote has been changed since and no later record refers to one it created; otherwise
 * the refusal names the later change or record, which Lịch sử thay đổi can revert.
 */
import type { ChangeBatch, ChangeBatchKind, ChangeBatchOf } from '@shared/db/records'
import { REFERENCE_RULES, referenceIds } from '@shared/db/references'
import { TABLE_NAMES, type TableName } from '@shared/db/schema'
import { AppError } from '@shared/errors'
import type { ErrorMessageParams } from '@shared/messages/catalogue'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'
import { namedRecord } from './record-names'

type Stamped = { id: string; updatedAt?: string } & Record<string, unknown>

/** The change batches of `kind`, newest first. */
export async function listChangeBatches<K extends ChangeBatchKind>(
  db: OcopDatabase,
  kind: K,
): Promise<ChangeBatchOf<K>[]> {
  const batches = await db.changeBatches.where('kind').equals(kind).toArray()
  return (batches as ChangeBatchOf<K>[]).sort((a, b) => b.at.localeCompare(a.at))
}

type Refusal = ErrorMessageParams['batch.undo.refused']
type Refusing = Refusal extends infer R
  ? R extends { label: string }
    ? Omit<R, 'label'>
    : never
  : never

/** The refusal to undo `batch`, named by its label. */
function refuse(batch: ChangeBatch, why: Refusing): AppError {
  return new AppError({
    code: 'batch.undo.refused',
    params: { ...why, label: batch.label } as Refusal,
  })
}

/** The latest audit line of a record, as a refusal names the change that did it. */
async function latestChange(db: OcopDatabase, table: string, id: string) {
  const lines = await db.auditLog.where('recordId').equals(id).toArray()
  const latest = lines.filter((line) => line.table === table).at(-1)
  return latest === undefined ? null : { summary: latest.summary, at: latest.at }
}

const isTable = (name: string): name is TableName =>
  (TABLE_NAMES as readonly string[]).includes(name)

/** The records a batch wrote, by table: those it created and those it changed. */
function writtenIds(batch: ChangeBatch): Map<TableName, string[]> {
  const written = new Map<TableName, string[]>()
  const add = (table: string, id: string) => {
    if (isTable(table)) written.set(table, [...(written.get(table) ?? []), id])
  }
  for (const [table, ids] of Object.entries(batch.createdIds)) ids.forEach((id) => add(table, id))
  for (const image of batch.beforeImages) add(image.table, (image.record as { id: string }).id)
  return written
}

/** The refusal for a record written by the batch and changed since. */
async function editedLater(db: OcopDatabase, batch: ChangeBatch): Promise<AppError | null> {
  for (const [table, ids] of writtenIds(batch)) {
    const records = (await db.table(table).bulkGet(ids)) as (Stamped | undefined)[]
    // Everything the batch wrote carries its time; a later edit changed updatedAt. A plan's
    // targets have none: they are written with their plan, whose own time tells.
    const edited = records.find(
      (r) => r !== undefined && r.updatedAt !== undefined && r.updatedAt !== batch.at,
    )
    if (edited !== undefined) {
      return refuse(batch, {
        reason: 'edited-later',
        record: await namedRecord(db, table, edited.id),
        later: await latestChange(db, table, edited.id),
        historyRecord: { table, id: edited.id },
      })
    }
  }
  return null
}

/** The refusal for a later record that refers to one the batch created. */
async function referredLater(db: OcopDatabase, batch: ChangeBatch): Promise<AppError | null> {
  const created = (table: string) => new Set(batch.createdIds[table] ?? [])
  const written = writtenIds(batch)
  for (const rule of REFERENCE_RULES) {
    const targets = created(rule.target)
    if (targets.size === 0) continue
    // A record the batch wrote itself (closing sets an entry's evaluation) is not a later one:
    // editedLater found it unchanged since, and undoing gives it back its before-image.
    const own = new Set(written.get(rule.table) ?? [])
    const later = (await db
      .table(rule.table)
      .filter((r: Stamped) => !own.has(r.id) && referenceIds(rule, r).some((id) => targets.has(id)))
      .first()) as Stamped | undefined
    if (later === undefined) continue
    const targetId = referenceIds(rule, later).find((id) => targets.has(id))!
    const laterChange = await latestChange(db, rule.table, later.id)
    const historyRecord = { table: rule.table, id: later.id }
    // The two a clerk meets after an import, in the words of that case.
    if (rule.table === 'evaluations' && rule.target === 'products') {
      return refuse(batch, {
        reason: 'evaluated-later',
        record: await namedRecord(db, 'products', targetId),
        later: laterChange,
        historyRecord,
      })
    }
    if (rule.table === 'products' && rule.target === 'producers') {
      return refuse(batch, {
        reason: 'product-added-later',
        record: await namedRecord(db, 'products', later.id),
        later: laterChange,
        historyRecord,
      })
    }
    return refuse(batch, {
      reason: 'referred-later',
      record: await namedRecord(db, rule.target, targetId),
      by: await namedRecord(db, rule.table, later.id),
      later: laterChange,
      historyRecord,
    })
  }
  return null
}

/**
 * Undoes a batch in one transaction: the records it created are deleted (those that refer to
 * others first) and the records it changed get their before-images back. Refused, and nothing
 * changes, under the rule above.
 */
export async function undoChangeBatch(
  db: OcopDatabase,
  batchId: string,
  now: string,
): Promise<ChangeBatch> {
  return db.transaction('rw', db.registerTables(), async () => {
    const batch = await db.changeBatches.get(batchId)
    if (batch === undefined) {
      throw new AppError({ code: 'batch.undo.refused', params: { reason: 'not-found' } })
    }
    if (batch.undoneAt !== null) throw refuse(batch, { reason: 'already-undone' })
    const refusal = (await editedLater(db, batch)) ?? (await referredLater(db, batch))
    if (refusal) throw refusal

    // Referring tables come after the tables they refer to: delete in reverse order.
    for (const table of [...TABLE_NAMES].reverse()) {
      const ids = batch.createdIds[table]
      if (ids && ids.length > 0) await db.table(table).bulkDelete(ids)
    }
    for (const table of TABLE_NAMES) {
      const records = batch.beforeImages.filter((b) => b.table === table).map((b) => b.record)
      if (records.length > 0) await db.table(table).bulkPut(records)
    }
    const undone = { ...batch, undoneAt: now }
    await db.changeBatches.put(undone)
    await recordAudit(db, {
      action: 'undo',
      table: 'changeBatches',
      recordId: batch.id,
      summary: `Hoàn tác: ${batch.label}`,
      before: { createdIds: batch.createdIds },
      batchId: batch.id,
    })
    return undone
  })
}
