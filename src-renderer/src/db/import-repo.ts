/**
 * An import: committed in one transaction as a change batch (file, hash, sheet, mapping, counts,
 * before-images, created ids), which change-batches.ts undoes. The audit log gets one line per
 * batch (the batch holds the detail) so 10,000 rows commit in one pass.
 */
import type { ChangeBatch, ChangeBatchOf } from '@shared/db/records'
import { AppError } from '@shared/errors'
import type { ImportMatch, RecordChange } from '@shared/import/match'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'

interface BatchSource {
  fileName: string
  fileHash: string
  sheet: string
  mapping: unknown
  /** The computer account that imports, where the app knows one. */
  who: string
}

type RegisterTable = 'producers' | 'products' | 'evaluations'
const REGISTER_TABLES: readonly RegisterTable[] = ['producers', 'products', 'evaluations']

function stale(): AppError {
  return new AppError({ code: 'import.commit.stale', params: {} })
}

/** A commune file may not change a record another office owns: its owner's packages do. */
function foreign(table: RegisterTable, record: { id: string; name?: unknown }): AppError {
  return new AppError({
    code: 'record.foreign',
    params: {
      record: { table, name: typeof record.name === 'string' ? record.name : '' },
      office: '',
    },
  })
}

/** Writes the match and its batch record; all or nothing. Returns the batch. */
export async function commitImport(
  db: OcopDatabase,
  match: ImportMatch,
  source: BatchSource,
  batchId: string = crypto.randomUUID(),
): Promise<ChangeBatchOf<'import'>> {
  const beforeImages: ChangeBatch['beforeImages'] = []
  const batch: ChangeBatchOf<'import'> = {
    id: batchId,
    kind: 'import',
    label: `Nhập tệp ${source.fileName} (trang "${source.sheet}")`,
    at: match.stamp,
    who: source.who,
    beforeImages,
    createdIds: {
      producers: match.create.producers.map((r) => r.id),
      products: match.create.products.map((r) => r.id),
      evaluations: match.create.evaluations.map((r) => r.id),
    },
    undoneAt: null,
    detail: {
      fileName: source.fileName,
      fileHash: source.fileHash,
      sheet: source.sheet,
      mapping: source.mapping,
      counts: { ...match.counts },
    },
  }
  await db.transaction(
    'rw',
    [db.producers, db.products, db.evaluations, db.changeBatches, db.auditLog],
    async () => {
      for (const table of REGISTER_TABLES) {
        const changes = match.update[table] as RecordChange<{ id: string; updatedAt: string }>[]
        const current = await db.table(table).bulkGet(changes.map((c) => c.before.id))
        changes.forEach((change, i) => {
          // The preview was matched on what the register held then; refuse if it moved since.
          if (JSON.stringify(current[i]) !== JSON.stringify(change.before)) throw stale()
          if ('origin' in change.before) throw foreign(table, change.before)
          beforeImages.push({ table, record: change.before })
        })
        await db.table(table).bulkPut(changes.map((c) => c.after))
        await db.table(table).bulkAdd(match.create[table])
      }
      await db.changeBatches.add(batch)
      await recordAudit(db, {
        action: 'import',
        table: 'changeBatches',
        recordId: batch.id,
        summary: `${batch.label}: ${match.counts.new} dòng mới, ${match.counts.update} dòng cập nhật`,
        after: { counts: batch.detail.counts, createdIds: batch.createdIds },
        batchId: batch.id,
      })
    },
  )
  return batch
}
