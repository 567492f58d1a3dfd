/**
 * The write primitives every repository uses: each changes records and appends the matching audit
 * lines. They do not open a transaction of their own: callers wrap one or several of them in a
 * single `db.transaction`, so a change and its audit trail commit together or not at all.
 */
import type { Table } from 'dexie'
import type Dexie from 'dexie'
import type { AuditAction, RecordOrigin } from '@shared/db/records'
import type { TableName } from '@shared/db/schema'
import { AppError } from '@shared/errors'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'

interface Keyed {
  id: string
}

/**
 * A record another office owns is read-only here: its owner edits it and sends it again
 * (exchange/ownership.ts). Every edit and delete of the repositories comes through here, so this
 * one check refuses them all; the UI disables those actions and says why before a clerk tries.
 */
async function refuseForeign(db: OcopDatabase, table: TableName, record: Keyed): Promise<void> {
  const origin = (record as { origin?: RecordOrigin }).origin
  if (origin === undefined) return
  // The office's name where the transaction can read it; reading outside it would end it early.
  const transaction = (db.constructor as typeof Dexie).currentTransaction
  const readable = transaction === null || transaction.storeNames.includes('offices')
  const office = readable ? await db.offices.get(origin.office) : undefined
  const name = (record as { name?: unknown }).name
  throw new AppError({
    code: 'record.foreign',
    params: {
      record: { table, name: typeof name === 'string' ? name : '' },
      office: office?.name ?? '',
    },
  })
}

function table<T extends Keyed>(db: OcopDatabase, name: TableName): Table<T, string> {
  return db.table<T, string>(name)
}

/** Adds a record; fails (rolling back the transaction) if its id exists. */
export async function auditedAdd<T extends Keyed>(
  db: OcopDatabase,
  name: TableName,
  record: T,
  summary: string,
  batchId: string | null = null,
): Promise<T> {
  await table<T>(db, name).add(record)
  await recordAudit(db, {
    action: 'create',
    table: name,
    recordId: record.id,
    summary,
    after: record,
    batchId,
  })
  return record
}

/** Replaces a record by id with `change(before)`; returns both images. */
export async function auditedUpdate<T extends Keyed>(
  db: OcopDatabase,
  name: TableName,
  id: string,
  change: (before: T) => T,
  summary: (after: T) => string,
  action: AuditAction = 'update',
): Promise<{ before: T; after: T }> {
  const before = await table<T>(db, name).get(id)
  if (!before) throw new Error(`${name} ${id} not found`)
  await refuseForeign(db, name, before)
  const after = change(before)
  await table<T>(db, name).put(after)
  await recordAudit(db, {
    action,
    table: name,
    recordId: id,
    summary: summary(after),
    before,
    after,
  })
  return { before, after }
}

/** Deletes records by id and returns them as they were (for undo). */
export async function auditedDelete<T extends Keyed>(
  db: OcopDatabase,
  name: TableName,
  ids: string[],
  summary: (record: T) => string,
): Promise<T[]> {
  const records = (await table<T>(db, name).bulkGet(ids)).filter((r): r is T => r !== undefined)
  for (const record of records) await refuseForeign(db, name, record)
  await table<T>(db, name).bulkDelete(records.map((r) => r.id))
  for (const record of records) {
    await recordAudit(db, {
      action: 'delete',
      table: name,
      recordId: record.id,
      summary: summary(record),
      before: record,
    })
  }
  return records
}

/** Puts records back exactly as they were (the undo of an edit or a delete). */
export async function auditedRestore<T extends Keyed>(
  db: OcopDatabase,
  name: TableName,
  records: T[],
  summary: (record: T) => string,
): Promise<void> {
  for (const record of records) {
    const before = await table<T>(db, name).get(record.id)
    await table<T>(db, name).put(record)
    await recordAudit(db, {
      action: 'undo',
      table: name,
      recordId: record.id,
      summary: summary(record),
      before: before ?? null,
      after: record,
    })
  }
}

/** A new record's id and timestamps. */
export function newRecordStamp(): { id: string; createdAt: string; updatedAt: string } {
  const now = new Date().toISOString()
  return { id: crypto.randomUUID(), createdAt: now, updatedAt: now }
}
