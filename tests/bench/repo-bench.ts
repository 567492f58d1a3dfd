/**
 * Runs in Chromium (bundled by tests/bench/run.mjs): writes and reads products through the same
 * repository functions the app uses, against real IndexedDB.
 */
import Dexie from 'dexie'
import type { Product } from '@shared/db/records'
import { openDatabase } from '@/db/open-database'
import { addProducts, listProducts, updateEvaluation } from '@/db/products-repo'
import { commitImport } from '@/db/import-repo'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { matchImport } from '@shared/import/match'
import type { ImportRow } from '@shared/import/rows'
import criteriaJson from '../../resources/catalogues/criteria-sets.json'
import { unzipSync } from 'fflate'
import type { Evaluation, Producer } from '@shared/db/records'
import { createOfficeIdentity, publicOffice } from '@shared/exchange/identity'
import { proposeLinks } from '@shared/exchange/links'
import { planMerge } from '@shared/exchange/merge'
import { packageContent } from '@shared/exchange/package-content'
import {
  checkManifest,
  checkParts,
  MANIFEST_PART,
  SIGNATURE_PART,
  writePackage,
} from '@shared/exchange/package-format'
import { checkSender } from '@shared/exchange/sender'
import { commitPackageMerge, readExchangeTables } from '@/db/exchange-repo'

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

/** An office's own register: `count` producers and products, `perProduct` evaluations each. */
async function fillRegister(
  db: Awaited<ReturnType<typeof openDatabase>>,
  count: number,
  perProduct: number,
  office: string,
) {
  const now = new Date().toISOString()
  const producers: Producer[] = []
  const products: Product[] = []
  const evaluations: Evaluation[] = []
  for (let i = 0; i < count; i++) {
    const producer: Producer = {
      id: crypto.randomUUID(),
      name: `HTX ${office} số ${i + 1}`,
      type: 'htx',
      taxCode: `${office === 'A' ? 1 : 2}${String(i).padStart(9, '0')}`,
      address: '',
      unitId: null,
      representative: '',
      phone: '',
      note: '',
      createdAt: now,
      updatedAt: now,
    }
    const product: Product = {
      id: crypto.randomUUID(),
      name: `Sản phẩm ${office} số ${i + 1}`,
      producerId: producer.id,
      unitId: null,
      criteriaSetId: 'qd-148',
      groupCode: 'I',
      productSetCode: 'I.3',
      description: '',
      createdAt: now,
      updatedAt: now,
    }
    producers.push(producer)
    products.push(product)
    for (let year = 0; year < perProduct; year++) {
      evaluations.push({
        id: crypto.randomUUID(),
        productId: product.id,
        year: 2019 + year,
        round: 1,
        evaluatedOn: null,
        criteriaSetId: 'qd-148',
        partScores: { A: 30, B: 20, C: 20 },
        itemScores: null,
        total: 70,
        computedStars: 4,
        recognisedStars: 4,
        councilLevel: 'tinh',
        kind: year === 0 ? 'lan-dau' : 'danh-gia-lai',
        decisionNo: `${i + 1}/QĐ-UBND`,
        decisionDate: `${2019 + year}-06-01`,
        certificateNo: '',
        expiryDate: null,
        note: '',
        createdAt: now,
        updatedAt: now,
      })
    }
  }
  await db.criteriaSets.bulkAdd(loadBuiltInCriteriaSets(criteriaJson))
  await db.producers.bulkAdd(producers)
  await db.products.bulkAdd(products)
  await db.evaluations.bulkAdd(evaluations)
}

/**
 * A clerk's edit of one evaluation in a register of `count` products with `perProduct`
 * evaluations each, through the repository the form uses: the evaluations are stored by product,
 * so finding one by its id reads them all once.
 */
async function runEvaluationEditBench(count: number, perProduct: number) {
  const name = `bench-edit-${Date.now()}`
  const db = await openDatabase({ name, appVersion: 'bench', writeBackup: async () => undefined })
  await fillRegister(db, count, perProduct, 'A')
  const [target] = await db.evaluations
    .where('productId')
    .equals((await db.products.toCollection().first())!.id)
    .toArray()
  const t0 = performance.now()
  const { after } = await updateEvaluation(db, target!.id, { ...target!, note: 'Đã sửa' }, 'Bench')
  const t1 = performance.now()
  const stored = await db.evaluations.get(target!.id)
  db.close()
  await Dexie.delete(name)
  if (stored?.note !== after.note) throw new Error('the edit was not stored')
  return { editMs: t1 - t0 }
}

/**
 * A commune's package of `count` products (with `perProduct` evaluations each) merged in the page
 * into a register of the same size: the preview (register read, sender checked, links proposed,
 * merge planned) and the commit, as Nhận dữ liệu does them. The package is read here with the
 * same checks as the worker's (manifest, signature, checksums, schemas), without the zip reader.
 */
async function runPackageMergeBench(count: number, perProduct: number) {
  const names = [`bench-a-${Date.now()}`, `bench-b-${Date.now()}`]
  const [commune, district] = await Promise.all(
    names.map((name) =>
      openDatabase({ name, appVersion: 'bench', writeBackup: async () => undefined }),
    ),
  )
  await Promise.all([
    fillRegister(commune!, count, perProduct, 'A'),
    fillRegister(district!, count, perProduct, 'B'),
  ])
  const now = new Date().toISOString()
  const identity = await createOfficeIdentity(
    { name: 'Xã A', unitName: 'Xã A', unitCode: '' },
    'bench',
    now,
  )
  const t0 = performance.now()
  const content = packageContent(await readExchangeTables(commune!), publicOffice(identity), {
    includeHeld: false,
    since: null,
  })
  const meta = {
    id: crypto.randomUUID(),
    kind: 'full' as const,
    base: null,
    createdAt: now,
    appVersion: 'bench',
    recipient: null,
    includesHeld: false,
  }
  const bytes = await writePackage(content, meta, identity)
  const t1 = performance.now()
  const files = unzipSync(bytes)
  const manifest = await checkManifest(
    files[MANIFEST_PART] ?? null,
    new TextDecoder().decode(files[SIGNATURE_PART]),
    'a.ocop',
  )
  const pkg = await checkParts(
    manifest,
    Object.keys(files),
    async (name) => files[name] ?? null,
    'a.ocop',
  )
  const t2 = performance.now()
  const register = await readExchangeTables(district!)
  checkSender(pkg.manifest, pkg.fileName, {
    selfId: 'district',
    offices: register.offices,
    packages: register.packages,
  })
  const links = proposeLinks(register, pkg)
  const plan = planMerge(register, pkg, {
    selfId: 'district',
    stamp: new Date().toISOString(),
    newId: () => crypto.randomUUID(),
    links,
  })
  const t3 = performance.now()
  await commitPackageMerge(district!, plan, register, pkg.manifest, '')
  const t4 = performance.now()
  const merged = await district!.products.count()
  for (const db of [commune!, district!]) db.close()
  await Promise.all(names.map((name) => Dexie.delete(name)))
  if (merged !== 2 * count) throw new Error(`merged register holds ${merged} products`)
  return { exportMs: t1 - t0, checkMs: t2 - t1, previewMs: t3 - t2, commitMs: t4 - t3 }
}

Object.assign(window, {
  runRepoBench,
  runImportCommitBench,
  runEvaluationEditBench,
  runPackageMergeBench,
})
