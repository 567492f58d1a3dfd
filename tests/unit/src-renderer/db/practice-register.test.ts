// @vitest-environment node
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { DB_NAME } from '@shared/db/schema'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { buildMyHaoDemo } from '@shared/domain/demo-my-hao'
import { MY_HAO_OFFICE } from '@shared/domain/demo-my-hao-plan'
import { buildMyHaoRound } from '@shared/domain/demo-my-hao-round'
import { roundBundle, roundResults } from '@shared/rounds/round-data'
import { DEFAULT_COUNCIL_RULES } from '@shared/rounds/results'
import criteriaJson from '../../../../resources/catalogues/criteria-sets.json'
import { planProgress } from '@shared/domain/plans'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { deletePracticeRegister, openPracticeRegister } from '@/db/open-database'
import { PRACTICE_DB_NAME } from '@/db/register-choice'
import { hasDemoData, removeDemoData } from '@/db/demo-repo'
import { listPlans } from '@/db/plans-repo'
import { getOffice } from '@/db/settings-repo'
import { createProducer } from '@/db/producers-repo'
import { createProduct } from '@/db/products-repo'
import { listRoundTables, addEntries, saveMember, saveRound, saveScore } from '@/db/rounds-repo'
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
    expect((await db.revocations.toArray()).map((r) => [r.number, r.date, r.signer])).toEqual([
      ['3268/QĐ-UBND', '2021-12-28', 'Ủy ban nhân dân tỉnh Hưng Yên'],
    ])
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

  it("holds the town's 2020 district round, whose members' scores give the register's 2020 results", async () => {
    const db = await openPracticeRegister('test')
    const tables = await listRoundTables(db)
    const criteriaSets = await db.criteriaSets.toArray()
    const evaluations = await db.evaluations.toArray()
    const products = new Map((await db.products.toArray()).map((p) => [p.id, p.name]))

    expect(tables.rounds.map((r) => [r.name, r.level, r.year, r.status])).toEqual([
      ['Đánh giá, phân hạng sản phẩm OCOP thị xã Mỹ Hào năm 2020', 'huyen', 2020, 'closed'],
    ])
    const bundle = roundBundle({ ...tables, criteriaSets }, tables.rounds[0]!)!
    expect(bundle.set.id).toBe('qd-1048')
    expect(bundle.members.map((m) => [m.name, m.role])).toEqual([
      ['Nguyễn Văn Bình', 'chu-tich'],
      ['Trần Thị Cúc', 'pho-chu-tich'],
      ['Lê Văn Dũng', 'uy-vien-thu-ky'],
      ['Phạm Thị Hoa', 'uy-vien'],
      ['Hoàng Văn Giang', 'uy-vien'],
      ['Vũ Thị Hạnh', 'uy-vien'],
    ])
    const evaluated2020 = evaluations.filter((e) => e.year === 2020)
    expect(evaluated2020.length).toBeGreaterThan(0)
    expect(bundle.entries.map((e) => products.get(e.productId)).sort()).toEqual(
      evaluated2020.map((e) => products.get(e.productId)).sort(),
    )
    expect(bundle.scores).toHaveLength(bundle.entries.length * bundle.members.length)
    const results = roundResults(bundle)
    for (const entry of bundle.entries) {
      const evaluation = evaluations.find((e) => e.id === entry.evaluationId)!
      expect(results.get(entry.id)!.average.total, entry.productId).toBe(evaluation.total)
      expect(results.get(entry.id)!.stars, entry.productId).toBe(evaluation.recognisedStars)
    }
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
    expect(await again.rounds.count()).toBe(1)
    again.close()
  })
})

/**
 * A real register as an older version left it (real records, and the demo loaded beside them),
 * or as restoring an `ocop demo` file leaves it: with the demo's 2020 round too.
 */
async function realRegisterWithDemo(db: OcopDatabase, withRound: boolean): Promise<string> {
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
  const product = await createProduct(db, {
    name: 'Sản phẩm thật',
    producerId: producer.id,
    unitId: null,
    criteriaSetId: null,
    groupCode: '',
    productSetCode: '',
    description: '',
  })
  const now = new Date().toISOString()
  const demo = buildMyHaoDemo(new Map(), now)
  const criteriaSets = loadBuiltInCriteriaSets(criteriaJson, now)
  const round = buildMyHaoRound(demo, criteriaSets, now)
  await db.transaction('rw', db.tables, async () => {
    for (const producer of demo.producers) await auditedAdd(db, 'producers', producer, 'demo')
    for (const product of demo.products) await auditedAdd(db, 'products', product, 'demo')
    for (const evaluation of demo.evaluations) {
      await auditedAdd(db, 'evaluations', evaluation, 'demo')
    }
    for (const revocation of demo.revocations) {
      await auditedAdd(db, 'revocations', revocation, 'demo')
    }
    for (const set of criteriaSets) await auditedAdd(db, 'criteriaSets', set, 'demo')
    if (!withRound) return
    for (const record of round.rounds) await auditedAdd(db, 'rounds', record, 'demo')
    for (const member of round.roundMembers) await auditedAdd(db, 'roundMembers', member, 'demo')
    for (const entry of round.roundEntries) await auditedAdd(db, 'roundEntries', entry, 'demo')
    for (const score of round.roundScores) await auditedAdd(db, 'roundScores', score, 'demo')
  })
  return product.id
}

/** The clerk's own round, scoring the real product and a demo one. */
async function realRound(db: OcopDatabase, realProductId: string): Promise<void> {
  const round = await saveRound(
    db,
    {
      name: 'Đợt thật năm 2025',
      level: 'huyen',
      year: 2025,
      number: 1,
      criteriaSetId: 'qd-148',
      councilDecisionNo: '',
      councilDecisionDate: null,
      meetingFrom: null,
      meetingTo: null,
      place: '',
      rules: { ...DEFAULT_COUNCIL_RULES },
      dossierChecklist: [],
      note: '',
    },
    null,
  )
  const chair = await saveMember(
    db,
    round.id,
    { name: 'Chủ tịch thật', role: 'chu-tich', organisation: '' },
    null,
  )
  const entries = await addEntries(db, round.id, [
    { productId: realProductId, groupCode: '' },
    { productId: 'demo-product-lon', groupCode: '' },
  ])
  for (const entry of entries) {
    await saveScore(db, { entryId: entry.id, memberId: chair.id, pass: 1, parts: { A: 20 } })
  }
}

describe('demo records left in a real register', () => {
  it('are found, and removed without touching real records', async () => {
    const db = await freshDb()
    await realRegisterWithDemo(db, false)
    expect(await hasDemoData(db)).toBe(true)

    expect(await removeDemoData(db)).toEqual({ products: 9 })

    expect(await hasDemoData(db)).toBe(false)
    expect((await db.products.toArray()).map((p) => p.name)).toEqual(['Sản phẩm thật'])
    expect((await db.producers.toArray()).map((p) => p.name)).toEqual(['HTX thật'])
    expect(await db.evaluations.count()).toBe(0)
    expect(await db.revocations.count()).toBe(0)
  })

  it("take a demo product's line out of the clerk's own revocation decision, keeping the rest", async () => {
    const db = await freshDb()
    const realProductId = await realRegisterWithDemo(db, false)
    const line = (productId: string, evaluationId: string) => ({
      productId,
      evaluationId,
      reason: 'het-han' as const,
      reasonText: '',
    })
    const at = new Date().toISOString()
    const own = {
      number: '15/QĐ-UBND',
      date: '2025-03-01',
      signer: 'Ủy ban nhân dân thị xã Mỹ Hào',
      issuer: 'self' as const,
      level: 'huyen' as const,
      note: '',
      createdAt: at,
      updatedAt: at,
    }
    await db.transaction('rw', db.revocations, db.auditLog, async () => {
      await auditedAdd(
        db,
        'revocations',
        {
          ...own,
          id: 'qd-15',
          lines: [
            line(realProductId, 'e-real'),
            line('demo-product-ca', 'demo-evaluation-ca-2018'),
          ],
        },
        'test',
      )
      await auditedAdd(
        db,
        'revocations',
        {
          ...own,
          id: 'qd-16',
          number: '16/QĐ-UBND',
          lines: [line('demo-product-lon', 'demo-evaluation-lon-2018')],
        },
        'test',
      )
    })

    await removeDemoData(db)

    const left = await db.revocations.toArray()
    expect(left.map((r) => [r.number, r.lines.map((l) => l.productId)])).toEqual([
      ['15/QĐ-UBND', [realProductId]],
    ])
  })

  it("take the demo's round with them, and a demo product out of the clerk's own round", async () => {
    const db = await freshDb()
    const realProductId = await realRegisterWithDemo(db, true)
    await realRound(db, realProductId)

    expect(await removeDemoData(db)).toEqual({ products: 9 })

    const tables = await listRoundTables(db)
    expect(tables.rounds.map((r) => r.name)).toEqual(['Đợt thật năm 2025'])
    expect(tables.roundMembers.map((m) => m.name)).toEqual(['Chủ tịch thật'])
    expect(tables.roundEntries.map((e) => e.productId)).toEqual([realProductId])
    expect(tables.roundScores.map((s) => [s.entryId, s.parts])).toEqual([
      [tables.roundEntries[0]!.id, { A: 20 }],
    ])
  })
})
