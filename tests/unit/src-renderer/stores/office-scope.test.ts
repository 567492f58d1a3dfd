// @vitest-environment node
import { createPinia, setActivePinia } from 'pinia'
import { nextTick } from 'vue'
import { beforeEach, describe, expect, it } from 'vitest'
import type { OcopDatabase } from '@/db/database'
import type { Plan, Product } from '@shared/db/records'
import { setDatabase } from '@/db/instance'
import { getPreference, setPreference } from '@/db/settings-repo'
import { useOfficeScopeStore } from '@/stores/office-scope'
import { usePlansStore } from '@/stores/plans'
import { useRegisterStore } from '@/stores/register'
import { useFreshDatabases } from '../db/fresh-db'
import { officeRecord } from '../../src-shared/exchange/office-fixtures'
import { decided, producer, product } from '../../src-shared/domain/ranking-fixtures'

const freshDb = useFreshDatabases('office-scope')
const at = '2026-01-01T00:00:00.000Z'
const XUAN_DUC = 'office-xuan-duc'

function sentBy(office: string, record: Product): Product {
  return { ...record, origin: { office, id: `there-${record.id}`, rev: at } }
}
const xuanDuc = officeRecord(XUAN_DUC, 'UBND xã Xuân Dục')

/** A town's register: two products of its own (3★ and 4★) and one 3★ product Xuân Dục sent. */
async function townRegister(db: OcopDatabase, withCommune = true) {
  await db.producers.bulkAdd([producer('htx', 'HTX Tương Bần')])
  await db.products.bulkAdd([
    product('tuong', null, 'htx'),
    product('ga'),
    ...(withCommune ? [sentBy(XUAN_DUC, product('ba-ba'))] : []),
  ])
  await db.evaluations.bulkAdd([
    decided('tuong', 4, '2024-05-20'),
    decided('ga', 3, '2024-05-20'),
    ...(withCommune ? [decided('ba-ba', 3, '2024-05-20')] : []),
  ])
  if (withCommune) await db.offices.add(xuanDuc)
}

/** Opens the register as the app does at start, in a new session. */
async function openRegister(db: OcopDatabase) {
  setActivePinia(createPinia())
  setDatabase(db)
  await useRegisterStore().load()
  const scope = useOfficeScopeStore()
  // The remembered choice is read once the store exists.
  await getPreference(db, 'register.officeScope', null)
  await nextTick()
  return scope
}

const ids = (records: readonly { id: string }[]) => records.map((r) => r.id).sort()

let db: OcopDatabase
beforeEach(async () => {
  db = await freshDb()
})

describe('the owning office the views are scoped to (Đơn vị sở hữu)', () => {
  it('offers all offices, this office and each office heard of, and narrows to the chosen', async () => {
    await townRegister(db)
    const scope = await openRegister(db)
    expect(scope.offered).toBe(true)
    expect(scope.offices).toEqual([{ id: XUAN_DUC, name: 'UBND xã Xuân Dục' }])
    expect(ids(scope.products)).toEqual(['ba-ba', 'ga', 'tuong'])

    scope.choose({ kind: 'office', office: XUAN_DUC })
    expect(ids(scope.products)).toEqual(['ba-ba'])
    expect(scope.producers).toEqual([])
    expect(scope.includes({ origin: { office: XUAN_DUC, id: 'x', rev: at } })).toBe(true)
    scope.choose({ kind: 'here' })
    expect(ids(scope.products)).toEqual(['ga', 'tuong'])
    expect(ids(scope.producers)).toEqual(['htx'])
  })

  it('is remembered for the next session', async () => {
    await townRegister(db)
    ;(await openRegister(db)).choose({ kind: 'office', office: XUAN_DUC })
    await expect
      .poll(() => getPreference(db, 'register.officeScope', null))
      .toBe(`office:${XUAN_DUC}`)
    const reopened = await openRegister(db)
    await expect.poll(() => reopened.scope).toEqual({ kind: 'office', office: XUAN_DUC })
    expect(ids(reopened.products)).toEqual(['ba-ba'])
  })

  it('is not offered, and hides nothing, while no other office’s record is here', async () => {
    await townRegister(db, false)
    // Remembered from when Xuân Dục's products were here (since undone).
    await setPreference(db, 'register.officeScope', `office:${XUAN_DUC}`)
    const scope = await openRegister(db)
    await nextTick()
    expect(scope.offered).toBe(false)
    expect(scope.scope).toEqual({ kind: 'all' })
    expect(ids(scope.products)).toEqual(['ga', 'tuong'])

    // Its products merged again, the remembered choice applies once more.
    const register = useRegisterStore()
    register.offices = [xuanDuc]
    register.products = [...register.products, sentBy(XUAN_DUC, product('ba-ba'))]
    await expect.poll(() => ids(scope.products)).toEqual(['ba-ba'])
  })

  it('measures a plan on the products of the office chosen', async () => {
    await townRegister(db)
    const scope = await openRegister(db)
    const plans = usePlansStore()
    const plan: Plan = {
      id: 'plan',
      name: 'Kế hoạch 2024-2025',
      docNo: '',
      docDate: null,
      fromYear: 2024,
      toYear: 2025,
      baselineYear: 2023,
      baselineOverride: null,
      note: '',
      createdAt: at,
      updatedAt: at,
    }
    plans.plans = [plan]
    plans.targets = [
      {
        id: 'ocop',
        planId: 'plan',
        kind: 'stars-at-least',
        stars: 3,
        value: 5,
        unitId: null,
        productId: null,
        byYear: null,
        note: '',
      },
    ]
    const ocopNow = () => plans.progressOf('plan', '2025-06-30')?.targets[0]?.current
    expect(ocopNow()).toBe(3)
    scope.choose({ kind: 'here' })
    expect(ocopNow()).toBe(2)
    scope.choose({ kind: 'office', office: XUAN_DUC })
    expect(ocopNow()).toBe(1)
  })
})
