/**
 * Runs in Chromium (bundled by tests/bench/run.mjs): writes and reads products through the same
 * repository functions the app uses, against real IndexedDB.
 */
import Dexie from 'dexie'
import type { Product } from '@shared/db/records'
import { openDatabase } from '@/db/open-database'
import { addProducts, listProducts } from '@/db/products-repo'
import { commitImport } from '@/db/import-repo'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { matchImport } from '@shared/import/match'
import type { ImportRow } from '@shared/import/rows'
import criteriaJson from '../../resources/catalogues/criteria-sets.json'

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

/** Matches and commits `count` new commune rows (a producer, a product, an evaluation each). */
async function runImportCommitBench(count: number) {
  const name = `bench-import-${Date.now()}`
  const db = await openDatabase({ name, appVersion: 'bench', writeBackup: async () => undefined })
  const rows: ImportRow[] = Array.from({ length: count }, (_, i) => ({
    row: i + 2,
    status: 'ok',
    messages: [],
    fields: {
      product: `Sản phẩm số ${i + 1} – Tương Bần Mỹ Hào`,
      producer: `HTX Sản xuất số ${Math.floor(i / 2) + 1}`,
      producerType: 'htx',
      taxCode: '',
      unit: null,
      unitName: '',
      address: '',
      group: 'Thực phẩm',
      score: 50 + (i % 50),
      partScores: {},
      stars: i % 50 >= 20 ? 4 : 3,
      year: 2019 + (i % 6),
      decisionNo: `${i + 1}/QĐ-UBND`,
      decisionDate: `${2019 + (i % 6)}-06-01`,
      certificateNo: '',
      note: '',
    },
  }))
  const criteriaSets = loadBuiltInCriteriaSets(criteriaJson)
  const t0 = performance.now()
  const match = matchImport(
    rows,
    { producers: [], products: [], evaluations: [], criteriaSets },
    { excluded: new Set(), now: new Date().toISOString(), newId: () => crypto.randomUUID() },
  )
  const t1 = performance.now()
  await commitImport(db, match, {
    fileName: 'bench.xlsx',
    fileHash: '',
    sheet: 'Bench',
    mapping: [],
    who: '',
  })
  const t2 = performance.now()
  const written = await db.evaluations.count()
  db.close()
  await Dexie.delete(name)
  if (written !== count) throw new Error(`wrote ${written} of ${count} evaluations`)
  return { matchMs: t1 - t0, commitMs: t2 - t1 }
}

Object.assign(window, { runRepoBench, runImportCommitBench })
