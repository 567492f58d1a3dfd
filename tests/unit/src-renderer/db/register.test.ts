// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { useFreshDatabases } from './fresh-db'
import {
  createProducer,
  deleteProducer,
  mergeProducers,
  undoMerge,
  updateProducer,
} from '@/db/producers-repo'
import {
  createProduct,
  deleteProduct,
  restoreProduct,
  createEvaluation,
  updateProduct,
} from '@/db/products-repo'
import { snapshotTables } from '@/db/backup-tables'
import { savePlan } from '@/db/plans-repo'
import { blankTarget } from '@shared/domain/plan-input'

const freshDb = useFreshDatabases('register')
const producerInput = (name: string) => ({
  name,
  type: 'htx' as const,
  taxCode: '',
  address: '',
  unitId: null,
  representative: '',
  phone: '',
  note: '',
})
const productInput = (name: string, producerId: string) => ({
  name,
  producerId,
  unitId: null,
  criteriaSetId: null,
  groupCode: '',
  productSetCode: '',
  description: '',
})

describe('producers', () => {
  it('merges a duplicate: its products move, it is gone, every record is audited, and undo restores all', async () => {
    const db = await freshDb()
    const keep = await createProducer(db, producerInput('HTX Tương Bần'))
    const duplicate = await createProducer(db, producerInput('Hợp tác xã Tương Bần'))
    await createProduct(db, productInput('Tương Bần', duplicate.id))
    await createProduct(db, productInput('Tương Bần đặc biệt', duplicate.id))
    const before = await snapshotTables(db)

    const undo = await mergeProducers(db, keep.id, duplicate.id)
    expect(await db.producers.get(duplicate.id)).toBeUndefined()
    expect((await db.products.toArray()).every((p) => p.producerId === keep.id)).toBe(true)
    const merged = (await db.auditLog.toArray()).slice(-3)
    expect(merged.map((e) => e.summary).sort()).toEqual([
      'Gộp chủ thể Hợp tác xã Tương Bần vào HTX Tương Bần',
      'Gộp chủ thể: sản phẩm Tương Bần chuyển sang HTX Tương Bần',
      'Gộp chủ thể: sản phẩm Tương Bần đặc biệt chuyển sang HTX Tương Bần',
    ])

    await undoMerge(db, undo)
    const after = await snapshotTables(db)
    expect(after.producers).toEqual(before.producers)
    expect(after.products).toEqual(before.products)
  })

  it('refuses to delete a producer that still owns products, in Vietnamese', async () => {
    const db = await freshDb()
    const producer = await createProducer(db, producerInput('HTX Gà Cẩm Xá'))
    await createProduct(db, productInput('Gà lông màu', producer.id))
    await expect(deleteProducer(db, producer.id)).rejects.toMatchObject({
      code: 'producer.has-products',
    })
    expect(await db.producers.count()).toBe(1)
  })
})

describe('products', () => {
  it('deletes a product with its evaluations, and undo brings both back exactly', async () => {
    const db = await freshDb()
    const producer = await createProducer(db, producerInput('HTX A'))
    const product = await createProduct(db, productInput('Ba ba', producer.id))
    await createEvaluation(
      db,
      {
        productId: product.id,
        year: 2019,
        round: 1,
        evaluatedOn: null,
        criteriaSetId: 'qd-1048',
        partScores: { A: 20, B: 15, C: 20 },
        itemScores: null,
        total: 55,
        computedStars: 3,
        recognisedStars: 3,
        councilLevel: 'tinh',
        kind: 'lan-dau',
        decisionNo: '1/QĐ',
        decisionDate: '2019-12-01',
        certificateNo: '',
        expiryDate: '2022-11-30',
        note: '',
      },
      'Ba ba',
    )
    const before = await snapshotTables(db)
    const deleted = await deleteProduct(db, product.id)
    expect(await db.products.count()).toBe(0)
    expect(await db.evaluations.count()).toBe(0)
    await restoreProduct(db, deleted)
    const after = await snapshotTables(db)
    expect(after.products).toEqual(before.products)
    expect(after.evaluations).toEqual(before.evaluations)
  })
})

describe('a record like one in the register', () => {
  const lastSummary = async (db: Awaited<ReturnType<typeof freshDb>>) =>
    (await db.auditLog.toArray()).at(-1)?.summary

  it('a product named like another of its producer is refused without a reason, kept with one', async () => {
    const db = await freshDb()
    const producer = await createProducer(db, producerInput('HTX Tương Bần'))
    await createProduct(db, productInput('Tương Bần', producer.id))
    const before = await snapshotTables(db)

    const refusal = createProduct(db, productInput('tương  bần', producer.id))
    await expect(refusal).rejects.toMatchObject({ code: 'product.duplicate' })
    await expect(refusal).rejects.toThrow(
      'Sổ đã có sản phẩm "Tương Bần" của chủ thể "HTX Tương Bần"',
    )
    expect(await snapshotTables(db)).toEqual(before)

    await createProduct(
      db,
      productInput('Tương Bần', producer.id),
      'Loại chai 500 ml, khác quy cách',
    )
    expect(await db.products.count()).toBe(2)
    expect(await lastSummary(db)).toBe(
      'Thêm sản phẩm Tương Bần (trùng tên với sản phẩm đã có Tương Bần cùng chủ thể; lý do: Loại chai 500 ml, khác quy cách)',
    )
  })

  it('an edit that keeps a pair kept on purpose is not asked about again; a rename into one is', async () => {
    const db = await freshDb()
    const producer = await createProducer(db, producerInput('HTX Tương Bần'))
    await createProduct(db, productInput('Tương Bần', producer.id))
    const second = await createProduct(db, productInput('Tương Bần', producer.id), 'Khác quy cách')
    await updateProduct(db, second.id, {
      ...productInput('Tương Bần', producer.id),
      description: 'Chai 500 ml',
    })
    const third = await createProduct(db, productInput('Tương nếp', producer.id))
    await expect(
      updateProduct(db, third.id, productInput('Tương Bần', producer.id)),
    ).rejects.toMatchObject({
      code: 'product.duplicate',
    })
  })

  it('a producer with the tax number of another, or its name in the same unit, needs a reason', async () => {
    const db = await freshDb()
    const first = await createProducer(db, {
      ...producerInput('HTX Tương Bần'),
      taxCode: '0900123456',
    })
    await expect(
      createProducer(db, { ...producerInput('Công ty Tương Bần'), taxCode: '0900123456' }),
    ).rejects.toMatchObject({ code: 'producer.duplicate', params: { by: 'tax-code' } })
    await expect(createProducer(db, producerInput('htx tương bần'))).rejects.toMatchObject({
      code: 'producer.duplicate',
      params: { by: 'name-in-unit', existing: 'HTX Tương Bần' },
    })
    await createProducer(db, producerInput('htx tương bần'), 'Hai HTX cùng tên, khác thôn')
    expect(await lastSummary(db)).toBe(
      'Thêm chủ thể htx tương bần (trùng tên, cùng xã/phường với chủ thể đã có HTX Tương Bần; lý do: Hai HTX cùng tên, khác thôn)',
    )
    // Its own tax number kept in an edit is no duplicate of itself.
    await updateProducer(db, first.id, {
      ...producerInput('HTX Tương Bần'),
      taxCode: '0900123456',
      phone: '0221 3943 123',
    })
  })
})

describe('a product named by a plan target', () => {
  it('is not deleted, the refusal names the plan, and nothing changes', async () => {
    const db = await freshDb()
    const producer = await createProducer(db, producerInput('HTX Tương Bần'))
    const product = await createProduct(db, productInput('Tương Bần', producer.id))
    await savePlan(
      db,
      {
        name: 'Kế hoạch 2019-2020',
        docNo: '',
        docDate: null,
        fromYear: 2019,
        toYear: 2020,
        baselineYear: 2018,
        note: '',
        targets: [
          { ...blankTarget('product-stars'), productId: product.id, stars: 4, byYear: 2020 },
        ],
      },
      null,
    )
    const before = await snapshotTables(db)

    const refusal = deleteProduct(db, product.id)

    await expect(refusal).rejects.toMatchObject({ code: 'product.in-plan' })
    await expect(refusal).rejects.toThrow('"Kế hoạch 2019-2020"')
    expect(await snapshotTables(db)).toEqual(before)
  })
})
