/**
 * Whole-database copies for backups: read every table in one read transaction (a consistent
 * snapshot), and replace every table in one write transaction (all or nothing).
 */
import type Dexie from 'dexie'
import { serializeBackup, type BackupTables } from '@shared/db/backup-format'
import type { BackupKind } from '@shared/ipc/contract'
import { TABLE_NAMES, tableMovesAfter } from '@shared/db/schema'

/**
 * Reads every table of the register as it is now. Works on any Dexie instance of our schema, of
 * any version: a table an older version kept under another name is read as the table it became.
 */
export async function snapshotTables(db: Dexie): Promise<BackupTables> {
  const present = new Set(db.tables.map((table) => table.name))
  const names = TABLE_NAMES.filter((name) => present.has(name))
  const moves = tableMovesAfter(db.verno).filter(
    (move) => present.has(move.from) && !present.has(move.to),
  )
  return db.transaction('r', [...names, ...moves.map((move) => move.from)], async () => {
    const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, [] as unknown[]]))
    for (const name of names) tables[name] = await db.table(name).toArray()
    for (const move of moves) {
      const records = (await db.table(move.from).toArray()) as Record<string, unknown>[]
      tables[move.to] = records.map(move.change)
    }
    return tables as BackupTables
  })
}

/** A backup document of the database as it is now, ready to write. */
export async function createBackupContent(
  db: Dexie,
  kind: BackupKind,
  appVersion: string,
): Promise<string> {
  return serializeBackup({
    schemaVersion: db.verno,
    appVersion,
    kind,
    createdAt: new Date().toISOString(),
    tables: await snapshotTables(db),
  })
}

/** Replaces the whole register with the tables of a checked backup, in one transaction. */
export async function replaceAllTables(db: Dexie, tables: BackupTables): Promise<void> {
  await db.transaction('rw', [...TABLE_NAMES], async () => {
    for (const name of TABLE_NAMES) {
      const table = db.table(name)
      await table.clear()
      await table.bulkAdd(tables[name])
    }
  })
}

// Tables the app fills by itself (built-in criteria sets and the audit lines of loading them).
const SHIPPED_TABLES = new Set(['criteriaSets', 'auditLog'])

/** True when the clerk has entered nothing yet (a fresh install): no backup is worth making. */
export async function isDatabaseEmpty(db: Dexie): Promise<boolean> {
  const tables = db.tables.filter((table) => !SHIPPED_TABLES.has(table.name))
  const counts = await Promise.all(tables.map((table) => table.count()))
  return counts.every((count) => count === 0)
}
