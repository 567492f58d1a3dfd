/** Products and their evaluations: writes with audit lines; a product is deleted with its evaluations. */
import type { Evaluation, Product, RevocationLine } from '@shared/db/records'
import { AppError } from '@shared/errors'
import type { ProductInput } from '@shared/domain/register'
import { productDuplicates, productIdentityChanged } from '@shared/domain/duplicates'
import { normalizeText, viCollator } from '@shared/text/vietnamese'
import type { OcopDatabase } from './database'
import {
  auditedAdd,
  auditedDelete,
  auditedRestore,
  auditedUpdate,
  newRecordStamp,
} from './audited-writes'

function cleaned(input: ProductInput): ProductInput {
  return {
    ...input,
    name: normalizeText(input.name),
    description: input.description.normalize('NFC').trim(),
  }
}

/** Adds many products at once (an import, a demo data set); all or nothing. */
export async function addProducts(
  db: OcopDatabase,
  products: Product[],
  summary: string,
  batchId: string | null = null,
): Promise<void> {
  const at = new Date().toISOString()
  await db.transaction('rw', db.products, db.auditLog, async () => {
    await db.products.bulkAdd(products)
    await db.auditLog.bulkAdd(
      products.map((product) => ({
        at,
        action: 'create' as const,
        table: 'products',
        recordId: product.id,
        summary: `${summary}: ${product.name}`,
        before: null,
        after: product,
        batchId,
      })),
    )
  })
}

/** Every product, sorted the Vietnamese way by name. */
export async function listProducts(db: OcopDatabase): Promise<Product[]> {
  const products = await db.products.toArray()
  return products.sort((a, b) => viCollator.compare(a.name, b.name))
}

/**
 * The audit line's note for a product saved although another of its producer has its name: the
 * clerk's reason, kept with the change. Without a reason such a save is refused.
 */
async function duplicateNote(
  db: OcopDatabase,
  product: Product,
  duplicateReason: string,
): Promise<string> {
  if (!product.producerId) return ''
  const same = await db.products.where('producerId').equals(product.producerId).toArray()
  const existing = productDuplicates(same)(product, product.id)
  if (!existing) return ''
  const reason = normalizeText(duplicateReason)
  if (reason === '') {
    const producer = await db.producers.get(product.producerId)
    throw new AppError({
      code: 'product.duplicate',
      params: { product: existing.name, producer: producer?.name ?? product.producerId },
    })
  }
  return ` (trùng tên với sản phẩm đã có ${existing.name} cùng chủ thể; lý do: ${reason})`
}

/** Adds a product; one named like another of its producer needs the clerk's reason. */
export async function createProduct(
  db: OcopDatabase,
  input: ProductInput,
  duplicateReason = '',
): Promise<Product> {
  const product: Product = { ...newRecordStamp(), ...cleaned(input) }
  return db.transaction('rw', db.products, db.producers, db.auditLog, async () => {
    const note = await duplicateNote(db, product, duplicateReason)
    return auditedAdd(db, 'products', product, `Thêm sản phẩm ${product.name}${note}`)
  })
}

/**
 * Changes a product's fields. Renamed or moved to another producer like another product of that
 * producer, it needs the clerk's reason; a pair kept on purpose is not asked about again.
 */
export async function updateProduct(
  db: OcopDatabase,
  id: string,
  input: ProductInput,
  duplicateReason = '',
): Promise<{ before: Product; after: Product }> {
  return db.transaction('rw', db.products, db.producers, db.auditLog, async () => {
    const before = await db.products.get(id)
    const changed = before && { ...before, ...cleaned(input) }
    const note =
      changed && productIdentityChanged(before, changed)
        ? await duplicateNote(db, changed, duplicateReason)
        : ''
    return auditedUpdate<Product>(
      db,
      'products',
      id,
      (record) => ({ ...record, ...cleaned(input), updatedAt: new Date().toISOString() }),
      (after) => `Sửa sản phẩm ${after.name}${note}`,
    )
  })
}

/** A deleted product with its evaluations, to undo the delete exactly. */
export interface DeletedProduct {
  product: Product
  evaluations: Evaluation[]
}

/**
 * Refuses to delete what a revocation decision names (a product, or the evaluation whose
 * certificate it revokes): the decision is a record of what was revoked and keeps its list.
 */
async function refuseRevoked(
  db: OcopDatabase,
  what: 'product' | 'evaluation',
  named: (line: RevocationLine) => boolean,
  product: string,
): Promise<void> {
  const decisions = await db.revocations.filter((r) => r.lines.some(named)).toArray()
  if (decisions.length === 0) return
  const name = what === 'product' ? ((await db.products.get(product))?.name ?? product) : product
  throw new AppError({
    code: 'product.revoked',
    params: { product: name, decisions: decisions.map((d) => d.number), what },
  })
}

/**
 * Deletes a product with its evaluations. Refused while a plan target names the product: the
 * target would point at nothing (and a backup holding it would list it as a broken reference).
 */
export async function deleteProduct(db: OcopDatabase, id: string): Promise<DeletedProduct> {
  const tables = [
    db.products,
    db.evaluations,
    db.planTargets,
    db.plans,
    db.revocations,
    db.auditLog,
  ]
  return db.transaction('rw', tables, async () => {
    await refuseRevoked(db, 'product', (line) => line.productId === id, id)
    const targets = await db.planTargets.filter((t) => t.productId === id).toArray()
    if (targets.length > 0) {
      const planIds = [...new Set(targets.map((t) => t.planId))]
      const plans = await db.plans.bulkGet(planIds)
      const product = await db.products.get(id)
      throw new AppError({
        code: 'product.in-plan',
        params: {
          product: product?.name ?? id,
          plans: plans.map((plan, i) => plan?.name ?? planIds[i] ?? ''),
        },
      })
    }
    const evaluationIds = await db.evaluations.where('productId').equals(id).primaryKeys()
    const evaluations = await auditedDelete<Evaluation>(
      db,
      'evaluations',
      evaluationIds,
      (e) => `Xóa kết quả đánh giá năm ${e.year} (cùng sản phẩm)`,
    )
    const [product] = await auditedDelete<Product>(
      db,
      'products',
      [id],
      (p) => `Xóa sản phẩm ${p.name}`,
    )
    if (!product) throw new Error(`product ${id} not found`)
    return { product, evaluations }
  })
}

export async function restoreProduct(db: OcopDatabase, deleted: DeletedProduct): Promise<void> {
  await db.transaction('rw', db.products, db.evaluations, db.auditLog, async () => {
    await auditedRestore(
      db,
      'products',
      [deleted.product],
      (p) => `Hoàn tác xóa sản phẩm ${p.name}`,
    )
    await auditedRestore(
      db,
      'evaluations',
      deleted.evaluations,
      (e) => `Hoàn tác xóa kết quả đánh giá năm ${e.year}`,
    )
  })
}

/** Evaluation fields the clerk enters; totals, stars and expiry are computed from them. */
export type EvaluationRecordInput = Omit<Evaluation, 'id' | 'createdAt' | 'updatedAt'>

export async function createEvaluation(
  db: OcopDatabase,
  input: EvaluationRecordInput,
  productName: string,
): Promise<Evaluation> {
  const evaluation: Evaluation = { ...newRecordStamp(), ...input }
  return db.transaction('rw', db.evaluations, db.auditLog, () =>
    auditedAdd(
      db,
      'evaluations',
      evaluation,
      `Thêm kết quả đánh giá năm ${evaluation.year} cho ${productName}`,
    ),
  )
}

export async function updateEvaluation(
  db: OcopDatabase,
  id: string,
  input: EvaluationRecordInput,
  productName: string,
): Promise<{ before: Evaluation; after: Evaluation }> {
  return db.transaction('rw', db.evaluations, db.auditLog, () =>
    auditedUpdate<Evaluation>(
      db,
      'evaluations',
      id,
      (before) => ({ ...before, ...input, updatedAt: new Date().toISOString() }),
      (after) => `Sửa kết quả đánh giá năm ${after.year} của ${productName}`,
    ),
  )
}

export async function deleteEvaluation(
  db: OcopDatabase,
  id: string,
  productName: string,
): Promise<Evaluation> {
  return db.transaction('rw', db.evaluations, db.revocations, db.auditLog, async () => {
    await refuseRevoked(db, 'evaluation', (line) => line.evaluationId === id, productName)
    const [removed] = await auditedDelete<Evaluation>(
      db,
      'evaluations',
      [id],
      (e) => `Xóa kết quả đánh giá năm ${e.year} của ${productName}`,
    )
    if (!removed) throw new Error(`evaluation ${id} not found`)
    return removed
  })
}

/** Puts records back as they were: the undo of an edit or a delete. */
export async function restoreEvaluation(
  db: OcopDatabase,
  evaluation: Evaluation,
  productName: string,
): Promise<void> {
  await db.transaction('rw', db.evaluations, db.auditLog, () =>
    auditedRestore(
      db,
      'evaluations',
      [evaluation],
      (e) => `Hoàn tác kết quả đánh giá năm ${e.year} của ${productName}`,
    ),
  )
}

/** Puts a product back as it was before an edit. */
export async function revertProduct(db: OcopDatabase, product: Product): Promise<void> {
  await db.transaction('rw', db.products, db.auditLog, () =>
    auditedRestore(db, 'products', [product], (p) => `Hoàn tác sửa sản phẩm ${p.name}`),
  )
}
