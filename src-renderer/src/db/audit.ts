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

/** Appends one line to the audit log; call inside the transaction that makes the change. */
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
  })
}

/** The newest audit lines first. */
export function recentAudit(db: OcopDatabase, limit = 200) {
  return db.auditLog.orderBy('id').reverse().limit(limit).toArray()
}
