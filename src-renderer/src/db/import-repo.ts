/**
 * An import batch: committed in one transaction with its history record (file, hash, sheet,
 * mapping, counts, before-images), and undone in one transaction that puts the register back
 * exactly as it was — refused, with the reason, when later edits depend on the batch.
 * The audit log gets one line per batch (the batch record holds the detail) so 10,000 rows
 * commit in one pass.
 */
import type { Evaluation, ImportBatch, Producer, Product } from '@shared/db/records'
import { AppError } from '@shared/errors'
import type { ErrorMessageParams } from '@shared/messages/catalogue'
import type { ImportMatch, RecordChange } from '@shared/import/match'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'
import { namedRecord } from './record-names'

interface BatchSource {
  fileName: string
  fileHash: string
  sheet: string
  mapping: unknown
}

type RegisterTable = 'producers' | 'products' | 'evaluations'
const REGISTER_TABLES: readonly RegisterTable[] = ['producers', 'products', 'evaluations']

function stale(): AppError {
  return new AppError({ code: 'import.commit.stale', params: {} })
}

/** Writes the match and its batch record; all or nothing. Returns the batch. */
export async function commitImport(
  db: OcopDatabase,
  match: ImportMatch,
  source: BatchSource,
  batchId: string = crypto.randomUUID(),
): Promise<ImportBatch> {
  const beforeImages: ImportBatch['beforeImages'] = []
  const batch: ImportBatch = {
    id: batchId,
    fileName: source.fileName,
    fileHash: source.fileHash,
    sheet: source.sheet,
    mapping: source.mapping,
    counts: { ...match.counts },
    beforeImages,
    createdIds: {
      producers: match.create.producers.map((r) => r.id),
      products: match.create.products.map((r) => r.id),
      evaluations: match.create.evaluations.map((r) => r.id),
    },
    createdAt: match.stamp,
    undoneAt: null,
  }
  await db.transaction(
    'rw',
    [db.producers, db.products, db.evaluations, db.importBatches, db.auditLog],
    async () => {
      for (const table of REGISTER_TABLES) {
        const changes = match.update[table] as RecordChange<{ id: string; updatedAt: string }>[]
        const current = await db.table(table).bulkGet(changes.map((c) => c.before.id))
        changes.forEach((change, i) => {
          // The preview was matched on what the register held then; refuse if it moved since.
          if (JSON.stringify(current[i]) !== JSON.stringify(change.before)) throw stale()
          beforeImages.push({ table, record: change.before })
        })
        await db.table(table).bulkPut(changes.map((c) => c.after))
        await db.table(table).bulkAdd(match.create[table])
      }
      await db.importBatches.add(batch)
      await recordAudit(db, {
        action: 'import',
        table: 'importBatches',
        recordId: batch.id,
        summary: `Nhập tệp ${source.fileName} (trang "${source.sheet}"): ${match.counts.new} dòng mới, ${match.counts.update} dòng cập nhật`,
        after: { counts: batch.counts, createdIds: batch.createdIds },
        batchId: batch.id,
      })
    },
  )
  return batch
}

/** Import batches, newest first. */
export async function listImportBatches(db: OcopDatabase): Promise<ImportBatch[]> {
  return db.importBatches.orderBy('createdAt').reverse().toArray()
}

function refuse(why: ErrorMessageParams['import.undo.refused']): AppError {
  return new AppError({ code: 'import.undo.refused', params: why })
}

/**
 * The refusal for a record changed or added after the batch: named, with the latest change of
 * it in the audit log, and the record whose history of changes shows it.
 */
async function refuseLater(
  db: OcopDatabase,
  reason: 'edited-later' | 'evaluated-later' | 'product-added-later',
  named: { table: RegisterTable; id: string },
  changed: { table: RegisterTable; id: string } = named,
): Promise<AppError> {
  const lines = await db.auditLog.where('recordId').equals(changed.id).toArray()
  const latest = lines.filter((line) => line.table === changed.table).at(-1)
  return refuse({
    reason,
    record: await namedRecord(db, named.table, named.id),
    later: latest === undefined ? null : { summary: latest.summary, at: latest.at },
    historyRecord: changed,
  })
}

/**
 * Undoes a batch: records it added are deleted and records it changed get their before-images
 * back. Refused when a record it wrote was changed later, or a later record refers to one it added;
 * the refusal names that later change, which Lịch sử thay đổi can revert.
 */
export async function undoImport(
  db: OcopDatabase,
  batchId: string,
  now: string,
): Promise<ImportBatch> {
  return db.transaction(
    'rw',
    [db.producers, db.products, db.evaluations, db.importBatches, db.auditLog],
    async () => {
      const batch = await db.importBatches.get(batchId)
      if (batch === undefined) throw refuse({ reason: 'not-found' })
      if (batch.undoneAt !== null) throw refuse({ reason: 'already-undone' })
      const ids = (table: RegisterTable) => batch.createdIds[table] ?? []
      const touched = (table: RegisterTable) => [
        ...ids(table),
        ...batch.beforeImages
          .filter((b) => b.table === table)
          .map((b) => (b.record as { id: string }).id),
      ]
      // Everything the batch wrote still carries its stamp; a later edit changed updatedAt.
      for (const table of REGISTER_TABLES) {
        const records = (await db.table(table).bulkGet(touched(table))) as (
          { id: string; updatedAt: string } | undefined
        )[]
        const edited = records.find((r) => r !== undefined && r.updatedAt !== batch.createdAt)
        if (edited !== undefined)
          throw await refuseLater(db, 'edited-later', { table, id: edited.id })
      }
      const createdProducts = new Set(ids('products'))
      const createdProducers = new Set(ids('producers'))
      const createdEvaluations = new Set(ids('evaluations'))
      const laterEvaluation = await db.evaluations
        .where('productId')
        .anyOf([...createdProducts])
        .filter((e: Evaluation) => !createdEvaluations.has(e.id))
        .first()
      if (laterEvaluation !== undefined) {
        throw await refuseLater(
          db,
          'evaluated-later',
          { table: 'products', id: laterEvaluation.productId },
          { table: 'evaluations', id: laterEvaluation.id },
        )
      }
      const laterProduct = await db.products
        .where('producerId')
        .anyOf([...createdProducers])
        .filter((p: Product) => !createdProducts.has(p.id))
        .first()
      if (laterProduct !== undefined) {
        throw await refuseLater(db, 'product-added-later', {
          table: 'products',
          id: laterProduct.id,
        })
      }

      await db.evaluations.bulkDelete(ids('evaluations'))
      await db.products.bulkDelete(ids('products'))
      await db.producers.bulkDelete(ids('producers'))
      for (const table of REGISTER_TABLES) {
        const records = batch.beforeImages.filter((b) => b.table === table).map((b) => b.record)
        await db.table(table).bulkPut(records as (Producer | Product | Evaluation)[])
      }
      const undone = { ...batch, undoneAt: now }
      await db.importBatches.put(undone)
      await recordAudit(db, {
        action: 'undo',
        table: 'importBatches',
        recordId: batch.id,
        summary: `Hoàn tác lần nhập tệp ${batch.fileName}`,
        before: { createdIds: batch.createdIds },
        batchId: batch.id,
      })
      return undone
    },
  )
}
