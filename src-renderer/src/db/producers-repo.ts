/** Producers (chủ thể): writes with their audit lines, and the merge of two duplicates. */
import type { Producer, Product } from '@shared/db/records'
import { AppError } from '@shared/errors'
import type { ProducerInput } from '@shared/domain/register'
import { producerDuplicates, producerIdentityChanged } from '@shared/domain/duplicates'
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

/**
 * The audit line's note for a producer saved although another has its tax number, or its name in
 * the same unit: the clerk's reason, kept with the change. Without a reason such a save is refused.
 */
async function duplicateNote(
  db: OcopDatabase,
  producer: Producer,
  duplicateReason: string,
): Promise<string> {
  const same = producerDuplicates(await db.producers.toArray())(producer, producer.id)
  if (!same) return ''
  const reason = normalizeText(duplicateReason)
  if (reason === '') {
    throw new AppError({
      code: 'producer.duplicate',
      params: { producer: producer.name, existing: same.producer.name, by: same.by },
    })
  }
  const shared = same.by === 'tax-code' ? 'trùng mã số thuế' : 'trùng tên, cùng xã/phường'
  return ` (${shared} với chủ thể đã có ${same.producer.name}; lý do: ${reason})`
}

/** Adds a producer; one like another (tax number, or name in the unit) needs the clerk's reason. */
export async function createProducer(
  db: OcopDatabase,
  input: ProducerInput,
  duplicateReason = '',
): Promise<Producer> {
  const producer: Producer = { ...newRecordStamp(), ...cleaned(input) }
  return db.transaction('rw', db.producers, db.auditLog, async () => {
    const note = await duplicateNote(db, producer, duplicateReason)
    return auditedAdd(db, 'producers', producer, `Thêm chủ thể ${producer.name}${note}`)
  })
}

/**
 * Changes a producer's fields. Given the tax number, name or unit of another producer, it needs
 * the clerk's reason; a pair kept on purpose is not asked about again.
 */
export async function updateProducer(
  db: OcopDatabase,
  id: string,
  input: ProducerInput,
  duplicateReason = '',
): Promise<{ before: Producer; after: Producer }> {
  return db.transaction('rw', db.producers, db.auditLog, async () => {
    const before = await db.producers.get(id)
    const changed = before && { ...before, ...cleaned(input) }
    const note =
      changed && producerIdentityChanged(before, changed)
        ? await duplicateNote(db, changed, duplicateReason)
        : ''
    return auditedUpdate<Producer>(
      db,
      'producers',
      id,
      (record) => ({ ...record, ...cleaned(input), updatedAt: new Date().toISOString() }),
      (after) => `Sửa chủ thể ${after.name}${note}`,
    )
  })
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
