/**
 * Runs in Chromium (bundled by tests/bench/run.mjs): writes and reads products through the same
 * repository functions the app uses, against real IndexedDB.
 */
import Dexie from 'dexie'
import type { Product } from '@shared/db/records'
import { openDatabase } from '@/db/open-database'
import { addProducts, listProducts } from '@/db/products-repo'

async function runRepoBench(count: number) {
  const name = `bench-${Date.now()}`
  const db = await openDatabase({ name, appVersion: 'bench', writeBackup: async () => undefined })
  const now = new Date().toISOString()
  const products: Product[] = Array.from({ length: count }, (_, i) => ({
    id: crypto.randomUUID(),
    name: `Sản phẩm số ${i + 1} – Tương Bần Mỹ Hào`,
    producerId: null,
    unitId: null,
    criteriaSetId: 'qd148',
    groupCode: 'I',
    productSetCode: 'I.3',
    description: 'Dữ liệu đo hiệu năng',
    status: 'dat-ocop',
    createdAt: now,
    updatedAt: now,
  }))
  const t0 = performance.now()
  await addProducts(db, products, 'Đo hiệu năng')
  const t1 = performance.now()
  const read = await listProducts(db)
  const t2 = performance.now()
  db.close()
  await Dexie.delete(name)
  if (read.length !== count) throw new Error(`read ${read.length} of ${count}`)
  return { writeMs: t1 - t0, readMs: t2 - t1 }
}

;(window as unknown as { runRepoBench: typeof runRepoBench }).runRepoBench = runRepoBench
