/** Products of the register. Bulk writes are one transaction with one audit line per product. */
import type { Product } from '@shared/db/records'
import { viCollator } from '@shared/text/vietnamese'
import type { OcopDatabase } from './database'

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
