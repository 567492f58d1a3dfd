/**
 * The "Cần xử lý" list: records a restore set aside because something they refer to was missing.
 * A record goes back to its table only once everything it refers to exists; or the clerk deletes it.
 * Both are one transaction with their audit lines.
 */
import { AppError } from '@shared/errors'
import type { ErrorMessageParams } from '@shared/messages/catalogue'
import { REFERRING_TABLES, type MissingReference, type SetAsideRecord } from '@shared/db/records'
import { REFERENCE_RULES, referencesOf } from '@shared/db/references'
import type { OcopDatabase } from './database'
import { auditedAdd, auditedDelete } from './audited-writes'

/** Every set-aside record: by restore, then table (a product before its evaluations), then id. */
export async function listSetAside(db: OcopDatabase): Promise<SetAsideRecord[]> {
  const entries = await db.setAside.toArray()
  const tableOrder = (entry: SetAsideRecord) => REFERRING_TABLES.indexOf(entry.table)
  return entries.sort(
    (a, b) =>
      a.setAsideAt.localeCompare(b.setAsideAt) ||
      tableOrder(a) - tableOrder(b) ||
      a.record.id.localeCompare(b.record.id),
  )
}

// Every table a put-back reads or writes, so that it is one transaction.
const PUT_BACK_TABLES = [
  ...new Set([...REFERENCE_RULES.flatMap((rule) => [rule.table, rule.target]), 'setAside']),
  'auditLog',
]

async function missingNow(db: OcopDatabase, entry: SetAsideRecord): Promise<MissingReference[]> {
  const references = referencesOf(entry.table, entry.record)
  const found = await Promise.all(references.map((ref) => db.table(ref.table).get(ref.id)))
  return references.filter((_, index) => found[index] === undefined)
}

/** What each set-aside record still refers to that is not in the register, by entry id. */
export async function stillMissing(
  db: OcopDatabase,
  entries: readonly SetAsideRecord[],
): Promise<Map<string, MissingReference[]>> {
  return db.transaction('r', PUT_BACK_TABLES, async () => {
    const result = new Map<string, MissingReference[]>()
    for (const entry of entries) result.set(entry.id, await missingNow(db, entry))
    return result
  })
}

/** Puts a set-aside record back into its table; refused while a reference is still missing. */
export async function putBack(db: OcopDatabase, id: string, label: string): Promise<void> {
  await db.transaction('rw', PUT_BACK_TABLES, async () => {
    const entry = await db.setAside.get(id)
    if (!entry) throw refuse({ label, reason: 'gone' })
    const missing = await missingNow(db, entry)
    if (missing.length > 0) {
      throw refuse({ label, reason: 'still-missing', ids: missing.map((ref) => ref.id) })
    }
    if ((await db.table(entry.table).get(entry.record.id)) !== undefined) {
      throw refuse({ label, reason: 'id-taken' })
    }
    await auditedAdd(db, entry.table, entry.record, `Đưa trở lại từ danh sách Cần xử lý: ${label}`)
    await db.setAside.delete(id)
  })
}

/** Deletes a set-aside record for good (the audit line keeps a copy of it). */
export async function deleteSetAside(db: OcopDatabase, id: string, label: string): Promise<void> {
  await db.transaction('rw', db.setAside, db.auditLog, () =>
    auditedDelete<SetAsideRecord>(
      db,
      'setAside',
      [id],
      () => `Xóa khỏi danh sách Cần xử lý: ${label}`,
    ),
  )
}

function refuse(why: ErrorMessageParams['set-aside.refused']): AppError {
  return new AppError({ code: 'set-aside.refused', params: why })
}
