/**
 * Data packages against the database (the rules are src-shared/exchange/*): an export reads the
 * register and writes a signed package, recorded as sent once the clerk saved it; a received
 * package is previewed against the register (sender checked, links proposed, merge planned) and
 * committed in one transaction as one change batch, which change-batches.ts undoes by its rule.
 */
import type { ChangeBatchOf, PackageKind, PackageLogRecord } from '@shared/db/records'
import { AppError } from '@shared/errors'
import { mergeBatch } from '@shared/exchange/apply'
import { publicOffice, type OfficeIdentityKey } from '@shared/exchange/identity'
import type { MergePlan } from '@shared/exchange/merge'
import { TRAVELLING_TABLES } from '@shared/exchange/ownership'
import { packageContent } from '@shared/exchange/package-content'
import { writePackage, type PackageManifest } from '@shared/exchange/package-format'
import type { ExchangeTables } from '@shared/exchange/register-tables'
import { fileSlug } from '@shared/text/vietnamese'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'

/** The tables the exchange reads, whole, as one consistent snapshot. */
export function readExchangeTables(db: OcopDatabase): Promise<ExchangeTables> {
  const names = [...TRAVELLING_TABLES, 'offices', 'packages'] as const
  return db.transaction('r', [...names], async () => {
    const tables = await Promise.all(names.map((name) => db.table(name).toArray()))
    return Object.fromEntries(names.map((name, i) => [name, tables[i]])) as ExchangeTables
  })
}

/** The latest package sent to `recipientId` (null: to no office in particular). */
export function lastSentTo(
  packages: readonly PackageLogRecord[],
  recipientId: string | null,
): PackageLogRecord | undefined {
  return packages
    .filter((p) => p.direction === 'sent' && p.recipientId === recipientId && p.state !== null)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
}

export interface ExportOrder {
  identity: OfficeIdentityKey
  recipient: { officeId: string; name: string } | null
  kind: PackageKind
  includeHeld: boolean
  appVersion: string
  now: string
}

export interface WrittenPackage {
  fileName: string
  bytes: Uint8Array
  /** What `recordSentPackage` keeps once the file is saved. */
  log: PackageLogRecord
}

/**
 * Writes a package of the register. A change package builds on the last package sent to the same
 * recipient; with none sent yet, it is a full package.
 */
export async function writeRegisterPackage(
  db: OcopDatabase,
  order: ExportOrder,
): Promise<WrittenPackage> {
  const tables = await readExchangeTables(db)
  const recipientId = order.recipient?.officeId ?? null
  const base = order.kind === 'changes' ? lastSentTo(tables.packages, recipientId) : undefined
  const kind: PackageKind = base === undefined ? 'full' : 'changes'
  const content = packageContent(tables, publicOffice(order.identity), {
    includeHeld: order.includeHeld,
    since: base?.state ?? null,
  })
  const id = crypto.randomUUID()
  const bytes = await writePackage(
    content,
    {
      id,
      kind,
      base: base === undefined ? null : { id: base.id, createdAt: base.createdAt },
      createdAt: order.now,
      appVersion: order.appVersion,
      recipient: order.recipient,
      includesHeld: order.includeHeld,
    },
    order.identity,
  )
  const counts: Record<string, number> = { tombstones: content.tombstones.length }
  for (const table of TRAVELLING_TABLES) {
    const held = content.tables[table]?.length ?? 0
    if (held > 0) counts[table] = held
  }
  const day = order.now.slice(0, 10).replaceAll('-', '')
  const fileName = `ocop-${fileSlug(order.identity.name)}-${day}-${kind === 'full' ? 'day-du' : 'thay-doi'}.ocop`
  return {
    fileName,
    bytes,
    log: {
      id,
      direction: 'sent',
      kind,
      baseId: base?.id ?? null,
      senderId: order.identity.officeId,
      recipientId,
      fileName,
      createdAt: order.now,
      updatedAt: order.now,
      counts,
      state: content.state,
    },
  }
}

/** Keeps a package as sent, once its file is saved: the next change package builds on it. */
export async function recordSentPackage(db: OcopDatabase, log: PackageLogRecord): Promise<void> {
  await db.transaction('rw', db.packages, db.auditLog, async () => {
    await db.packages.add(log)
    await recordAudit(db, {
      action: 'create',
      table: 'packages',
      recordId: log.id,
      summary: `Gửi gói dữ liệu ${log.fileName}`,
      after: { ...log, state: null },
    })
  })
}

const stale = () => new AppError({ code: 'package.stale', params: {} })

/**
 * Commits a merge planned against `register` (the snapshot the preview read) as one change
 * batch, in one transaction; refused, with nothing written, when the register moved since.
 */
export async function commitPackageMerge(
  db: OcopDatabase,
  plan: MergePlan,
  register: ExchangeTables,
  manifest: Pick<PackageManifest, 'sender'>,
  who: string,
): Promise<ChangeBatchOf<'package-merge'>> {
  const batch = mergeBatch(plan, register, manifest.sender.name, who)
  const tables = [...TRAVELLING_TABLES, 'offices', 'packages', 'changeBatches', 'auditLog'] as const
  await db.transaction('rw', [...tables], async () => {
    if ((await db.packages.get(plan.log.id)) !== undefined) throw stale()
    // What the plan replaces or removes must be as the preview read it: read per table at once.
    const byTable = new Map<string, { id: string; updatedAt?: string }[]>()
    for (const image of batch.beforeImages) {
      const before = image.record as { id: string; updatedAt?: string }
      const images = byTable.get(image.table) ?? []
      images.push(before)
      byTable.set(image.table, images)
    }
    for (const [table, images] of byTable) {
      const now: ({ updatedAt?: string } | undefined)[] = await db
        .table(table)
        .bulkGet(images.map((image) => image.id))
      if (images.some((image, i) => now[i] === undefined || now[i].updatedAt !== image.updatedAt)) {
        throw stale()
      }
    }
    for (const table of [...TRAVELLING_TABLES].reverse()) {
      if (plan.deletes[table].length > 0) await db.table(table).bulkDelete(plan.deletes[table])
    }
    // New records are added, not put: the store refuses a key it holds, so a record created
    // since the preview stops the commit without reading tens of thousands of keys first. The
    // tables are written together, keeping IndexedDB's queue full between them.
    const writes: Promise<unknown>[] = []
    for (const table of TRAVELLING_TABLES) {
      const created = new Set(plan.created[table])
      const adds = plan.puts[table].filter((record) => created.has(record.id))
      const puts = plan.puts[table].filter((record) => !created.has(record.id))
      if (adds.length > 0) writes.push(db.table(table).bulkAdd(adds))
      if (puts.length > 0) writes.push(db.table(table).bulkPut(puts))
    }
    await Promise.all(writes).catch((error: unknown) => {
      // Dexie's BulkError: some key was taken (read by name, so this module does not load Dexie).
      throw error instanceof Error && error.name === 'BulkError' ? stale() : error
    })
    if (plan.offices.length > 0) await db.offices.bulkPut(plan.offices)
    await db.packages.add(plan.log)
    await db.changeBatches.add(batch)
    await recordAudit(db, {
      action: 'import',
      table: 'changeBatches',
      recordId: batch.id,
      summary: batch.label,
      after: { counts: batch.detail.counts, createdIds: batch.createdIds },
      batchId: batch.id,
    })
  })
  return batch
}
