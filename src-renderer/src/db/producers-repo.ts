/** Producers (chủ thể): writes with their audit lines, and the merge of two duplicates. */
import type { Producer, Product } from '@shared/db/records'
import { AppError } from '@shared/errors'
import type { ProducerInput } from '@shared/domain/register'
import { normalizeText } from '@shared/text/vietnamese'
import type { OcopDatabase } from './database'
import {
  auditedAdd,
  auditedDelete,
  auditedRestore,
  auditedUpdate,
  newRecordStamp,
} from './audited-writes'

function cleaned(input: ProducerInput): ProducerInput {
  return {
    ...input,
    name: normalizeText(input.name),
    taxCode: input.taxCode.trim(),
    address: normalizeText(input.address),
    representative: normalizeText(input.representative),
    phone: input.phone.trim(),
    note: input.note.normalize('NFC').trim(),
  }
}

export async function createProducer(db: OcopDatabase, input: ProducerInput): Promise<Producer> {
  const producer: Producer = { ...newRecordStamp(), ...cleaned(input) }
  return db.transaction('rw', db.producers, db.auditLog, () =>
    auditedAdd(db, 'producers', producer, `Thêm chủ thể ${producer.name}`),
  )
}

export async function updateProducer(
  db: OcopDatabase,
  id: string,
  input: ProducerInput,
): Promise<{ before: Producer; after: Producer }> {
  return db.transaction('rw', db.producers, db.auditLog, () =>
    auditedUpdate<Producer>(
      db,
      'producers',
      id,
      (before) => ({ ...before, ...cleaned(input), updatedAt: new Date().toISOString() }),
      (after) => `Sửa chủ thể ${after.name}`,
    ),
  )
}

/** What a merge changed, so it can be undone exactly. */
export interface MergeUndo {
  removed: Producer
  movedProducts: Product[]
}

/**
 * Merges a duplicate producer into the one kept: its products move to the kept producer and the
 * duplicate is deleted, in one transaction with audit lines for every record touched.
 */
export async function mergeProducers(
  db: OcopDatabase,
  keepId: string,
  duplicateId: string,
): Promise<MergeUndo> {
  if (keepId === duplicateId) throw new Error('cannot merge a producer into itself')
  return db.transaction('rw', db.producers, db.products, db.auditLog, async () => {
    const kept = await db.producers.get(keepId)
    if (!kept) throw new Error(`producer ${keepId} not found`)
    const products = await db.products.where('producerId').equals(duplicateId).toArray()
    const now = new Date().toISOString()
    for (const product of products) {
      await auditedUpdate<Product>(
        db,
        'products',
        product.id,
        (before) => ({ ...before, producerId: keepId, updatedAt: now }),
        (after) => `Gộp chủ thể: sản phẩm ${after.name} chuyển sang ${kept.name}`,
      )
    }
    const [removed] = await auditedDelete<Producer>(
      db,
      'producers',
      [duplicateId],
      (p) => `Gộp chủ thể ${p.name} vào ${kept.name}`,
    )
    if (!removed) throw new Error(`producer ${duplicateId} not found`)
    return { removed, movedProducts: products }
  })
}

/** Undoes a merge: the duplicate comes back with its products. */
export async function undoMerge(db: OcopDatabase, undo: MergeUndo): Promise<void> {
  await db.transaction('rw', db.producers, db.products, db.auditLog, async () => {
    await auditedRestore(db, 'producers', [undo.removed], (p) => `Hoàn tác gộp chủ thể ${p.name}`)
    await auditedRestore(db, 'products', undo.movedProducts, (p) => `Hoàn tác gộp: ${p.name}`)
  })
}

/** Deletes a producer that owns no product; returns it for undo. */
export async function deleteProducer(db: OcopDatabase, id: string): Promise<Producer> {
  return db.transaction('rw', db.producers, db.products, db.auditLog, async () => {
    const owned = await db.products.where('producerId').equals(id).count()
    if (owned > 0) {
      const producer = await db.producers.get(id)
      throw new AppError({
        code: 'producer.has-products',
        params: { producer: producer?.name ?? id, products: owned },
      })
    }
    const [removed] = await auditedDelete<Producer>(
      db,
      'producers',
      [id],
      (p) => `Xóa chủ thể ${p.name}`,
    )
    if (!removed) throw new Error(`producer ${id} not found`)
    return removed
  })
}

export async function restoreProducer(db: OcopDatabase, producer: Producer): Promise<void> {
  await db.transaction('rw', db.producers, db.auditLog, () =>
    auditedRestore(db, 'producers', [producer], (p) => `Hoàn tác xóa chủ thể ${p.name}`),
  )
}
