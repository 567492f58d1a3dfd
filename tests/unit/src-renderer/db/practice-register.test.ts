// @vitest-environment node
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_NAME } from '@shared/db/schema'
import { buildMyHaoDemo } from '@shared/domain/demo-my-hao'
import { MY_HAO_OFFICE } from '@shared/domain/demo-my-hao-plan'
import { planProgress } from '@shared/domain/plans'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { deletePracticeRegister, openPracticeRegister } from '@/db/open-database'
import { PRACTICE_DB_NAME } from '@/db/register-choice'
import { hasDemoData, removeDemoData } from '@/db/demo-repo'
import { listPlans } from '@/db/plans-repo'
import { getOffice } from '@/db/settings-repo'
import { createProducer } from '@/db/producers-repo'
import { createProduct } from '@/db/products-repo'
import { auditedAdd } from '@/db/audited-writes'
import type { OcopDatabase } from '@/db/database'
import { useFreshDatabases } from './fresh-db'

const freshDb = useFreshDatabases('practice')
afterEach(async () => {
  await Dexie.delete(PRACTICE_DB_NAME)
})

describe('the practice register', () => {
  it('opens as its own database, filled with the Mỹ Hào demo, its plan and its office', async () => {
    const db = await openPracticeRegister('test')

    expect(db.name).toBe('ocop-desk-practice')
    expect(await Dexie.exists(DB_NAME)).toBe(false)
    expect(await db.units.count()).toBe(16)
    expect(await db.products.count()).toBe(9)
    expect(await db.evaluations.count()).toBe(14)
    expect(await getOffice(db)).toEqual(MY_HAO_OFFICE)
    const { plans, targets } = await listPlans(db)
    expect(plans.map((p) => [p.name, p.fromYear, p.toYear, p.baselineYear])).toEqual([
      ['Kế hoạch thực hiện Chương trình OCOP thị xã Mỹ Hào giai đoạn 2019-2020', 2019, 2020, 2018],
    ])
    expect(targets.map((t) => [t.kind, t.stars, t.value]).sort()).toEqual(
      [
        ['stars-exactly', 3, 6],
        ['stars-exactly', 4, 2],
        ['stars-exactly', 5, 1],
        ['upgraded-products', null, 9],
        ['units-covered-share', null, 100],
      ].sort(),
    )
    db.close()
  })

  it("starts its plan from the town's 2018 baseline: 4 products at 3★, 4 at 2★, 1 at 4★", async () => {
    const db = await openPracticeRegister('test')
    const { plans, targets } = await listPlans(db)
    const register = {
      products: await db.products.toArray(),
      index: new EvaluationIndex(await db.evaluations.toArray()),
      units: await db.units.toArray(),
    }

    const progress = planProgress(plans[0]!, targets, register, '2020-12-31')

    expect(progress.starLevels.map((level) => [level.stars, level.baseline])).toEqual([
      [1, 0],
      [2, 4],
      [3, 4],
      [4, 1],
      [5, 0],
    ])
    db.close()
  })

  it('is filled once: what the clerk changed is there at the next start', async () => {
    const first = await openPracticeRegister('test')
    await first.products.delete('demo-product-lon')
    first.close()

    const again = await openPracticeRegister('test')

    expect(await again.products.count()).toBe(8)
    expect(await again.units.count()).toBe(16)
    again.close()
  })

  it('starts over from the demo once deleted', async () => {
    const first = await openPracticeRegister('test')
    await first.products.delete('demo-product-lon')

    await deletePracticeRegister(first)
    const again = await openPracticeRegister('test')

    expect(await again.products.count()).toBe(9)
    again.close()
  })
})

/** A real register as an older version left it: real records, and the demo loaded beside them. */
async function realRegisterWithDemo(db: OcopDatabase): Promise<void> {
  const producer = await createProducer(db, {
    name: 'HTX thật',
    type: 'htx',
    taxCode: '',
    address: '',
    unitId: null,
    representative: '',
    phone: '',
    note: '',
  })
  await createProduct(db, {
    name: 'Sản phẩm thật',
    producerId: producer.id,
    unitId: null,
    criteriaSetId: null,
    groupCode: '',
    productSetCode: '',
    description: '',
  })
  const demo = buildMyHaoDemo(new Map(), new Date().toISOString())
  await db.transaction('rw', [db.producers, db.products, db.evaluations, db.auditLog], async () => {
    for (const producer of demo.producers) await auditedAdd(db, 'producers', producer, 'demo')
    for (const product of demo.products) await auditedAdd(db, 'products', product, 'demo')
    for (const evaluation of demo.evaluations) {
      await auditedAdd(db, 'evaluations', evaluation, 'demo')
    }
  })
}

describe('demo records left in a real register', () => {
  it('are found, and removed without touching real records', async () => {
    const db = await freshDb()
    await realRegisterWithDemo(db)
    expect(await hasDemoData(db)).toBe(true)

    expect(await removeDemoData(db)).toEqual({ products: 9 })

    expect(await hasDemoData(db)).toBe(false)
    expect((await db.products.toArray()).map((p) => p.name)).toEqual(['Sản phẩm thật'])
    expect((await db.producers.toArray()).map((p) => p.name)).toEqual(['HTX thật'])
    expect(await db.evaluations.count()).toBe(0)
  })
})
