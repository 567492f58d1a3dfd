import type Dexie from 'dexie'
import type { Transaction } from 'dexie'
import type { AuditAction } from '@shared/db/records'
import type { TableName } from '@shared/db/schema'
import type { OcopDatabase } from './database'

export interface AuditInput {
  action: AuditAction
  table: TableName
  recordId: string
  summary: string
  before?: unknown
  after?: unknown
  batchId?: string | null
}

// Nested Dexie transactions share their IndexedDB transaction: keyed by it, every line one
// repository call writes gets the same change id however deep the call that writes it.
const changeIds = new WeakMap<IDBTransaction, string>()

/** The change id of `db`'s transaction in progress (a new one outside any transaction). */
function currentChangeId(db: OcopDatabase): string {
  // Read through the database's class (Dexie's static, inherited) rather than an import of Dexie,
  // so importing a repository does not load Dexie before a test installs its IndexedDB.
  // Typed as always there; it is null outside a transaction.
  const transaction: Transaction | null = (db.constructor as typeof Dexie).currentTransaction
  if (transaction === null) return crypto.randomUUID()
  let changeId = changeIds.get(transaction.idbtrans)
  if (changeId === undefined) {
    changeId = crypto.randomUUID()
    changeIds.set(transaction.idbtrans, changeId)
  }
  return changeId
}

/**
 * Appends one line to the audit log; call inside the transaction that makes the change. Lines of
 * one transaction share a change id: the history shows and reverts them as one change.
 */
export async function recordAudit(db: OcopDatabase, entry: AuditInput): Promise<void> {
  await db.auditLog.add({
    at: new Date().toISOString(),
    action: entry.action,
    table: entry.table,
    recordId: entry.recordId,
    summary: entry.summary,
    before: entry.before ?? null,
    after: entry.after ?? null,
    batchId: entry.batchId ?? null,
    changeId: currentChangeId(db),
  })
}
