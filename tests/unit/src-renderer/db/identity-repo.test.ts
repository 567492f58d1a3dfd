// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { IDENTITY_KEY, fingerprintOf } from '@shared/exchange/identity'
import { blankTarget } from '@shared/domain/plan-input'
import type { Product } from '@shared/db/records'
import { AppError } from '@shared/errors'
import {
  createIdentity,
  identityStatus,
  installIdOf,
  keepIdentityHere,
  loadIdentity,
  takeNewIdentity,
  updateIdentityOffice,
} from '@/db/identity-repo'
import { revertStatuses } from '@/db/history-repo'
import { savePlan } from '@/db/plans-repo'
import { createProducer } from '@/db/producers-repo'
import { createEvaluation, createProduct, updateProduct } from '@/db/products-repo'
import { createUnit } from '@/db/units-repo'
import type { OcopDatabase } from '@/db/database'
import { useFreshDatabases } from './fresh-db'

const freshDb = useFreshDatabases('identity')

const PHONG_KINH_TE = {
  name: '  Phòng Kinh tế thị xã Mỹ Hào ',
  unitName: 'Phường Mỹ Hào',
  unitCode: ' 12103 ',
}
const THIS_PC = 'install-this-pc'
const OTHER_PC = 'install-other-pc'

/** localStorage as the browser keeps it for one origin. */
function memoryStorage(): Storage {
  const items = new Map<string, string>()
  return {
    get length() {
      return items.size
    },
    clear: () => items.clear(),
    getItem: (key) => items.get(key) ?? null,
    key: (index) => [...items.keys()][index] ?? null,
    removeItem: (key) => void items.delete(key),
    setItem: (key, value) => void items.set(key, value),
  }
}

/** A register made on the other PC: its identity, a unit, a producer with a product and its evaluation, a plan. */
async function registerOfOtherPc(db: OcopDatabase) {
  const identity = await createIdentity(db, PHONG_KINH_TE, OTHER_PC)
  const unit = await createUnit(db, {
    code: '12103',
    name: 'Bần Yên Nhân',
    kind: 'phuong',
    parentName: 'Thị xã Mỹ Hào',
    validFrom: null,
    validTo: null,
    note: '',
  })
  const producer = await createProducer(db, {
    name: 'HTX Tương Bần',
    type: 'htx',
    taxCode: '',
    address: '',
    unitId: unit.id,
    representative: '',
    phone: '',
    note: '',
  })
  const product = await createProduct(db, {
    name: 'Tương Bần',
    producerId: producer.id,
    unitId: unit.id,
    criteriaSetId: null,
    groupCode: '',
    productSetCode: '',
    description: '',
  })
  const evaluation = await createEvaluation(
    db,
    {
      productId: product.id,
      year: 2019,
      round: 1,
      evaluatedOn: null,
      criteriaSetId: 'qd-1048',
      partScores: { A: 25, B: 20, C: 27 },
      itemScores: null,
      total: 72,
      computedStars: 4,
      recognisedStars: 4,
      councilLevel: 'tinh',
      kind: 'lan-dau',
      decisionNo: '1/QĐ-UBND',
      decisionDate: '2019-10-01',
      certificateNo: '',
      expiryDate: '2022-09-30',
      note: '',
    },
    product.name,
  )
  const { plan, targets } = await savePlan(
    db,
    {
      name: 'Kế hoạch 2019-2020',
      docNo: '',
      docDate: null,
      fromYear: 2019,
      toYear: 2020,
      baselineYear: 2018,
      note: '',
      targets: [{ ...blankTarget('stars-exactly'), stars: 3, value: 6 }],
    },
    null,
  )
  return { identity, unit, producer, product, evaluation, plan, targets }
}

describe('the install id', () => {
  it('is made on first use and kept in the origin: the same id every time after', () => {
    const storage = memoryStorage()
    const first = installIdOf(storage)
    expect(first).toMatch(/^[0-9a-f-]{36}$/)
    expect(installIdOf(storage)).toBe(first)
    expect(installIdOf(memoryStorage())).not.toBe(first)
  })
})

describe("the office's exchange identity", () => {
  it('is made once, held by this install, with the name and unit as typed (trimmed)', async () => {
    const db = await freshDb()
    expect(await loadIdentity(db)).toBeNull()
    expect(identityStatus(null, THIS_PC)).toBe('none')

    const identity = await createIdentity(db, PHONG_KINH_TE, THIS_PC)
    expect(identity).toMatchObject({
      name: 'Phòng Kinh tế thị xã Mỹ Hào',
      unitName: 'Phường Mỹ Hào',
      unitCode: '12103',
      installId: THIS_PC,
    })
    expect(await loadIdentity(db)).toEqual(identity)
    expect(identityStatus(identity, THIS_PC)).toBe('here')
    expect(await fingerprintOf(identity.publicKey)).toMatch(/^([0-9A-F]{4} ){7}[0-9A-F]{4}$/)

    await expect(createIdentity(db, { ...PHONG_KINH_TE, name: 'Khác' }, THIS_PC)).rejects.toThrow()
    expect(await loadIdentity(db)).toEqual(identity)
  })

  it('keeps its name and unit editable, never its id or key', async () => {
    const db = await freshDb()
    const made = await createIdentity(db, PHONG_KINH_TE, THIS_PC)
    const edited = await updateIdentityOffice(db, {
      name: 'UBND phường Mỹ Hào',
      unitName: 'Phường Mỹ Hào',
      unitCode: '12103',
    })
    expect(edited).toEqual({ ...made, name: 'UBND phường Mỹ Hào' })
    expect(await loadIdentity(db)).toEqual(edited)
  })

  it('writes each change with an audit line that names it and keeps no copy of the key', async () => {
    const db = await freshDb()
    await createIdentity(db, PHONG_KINH_TE, THIS_PC)
    await updateIdentityOffice(db, { name: 'UBND phường Mỹ Hào', unitName: '', unitCode: '' })
    const lines = await db.auditLog.toArray()
    expect(lines.map((line) => [line.action, line.table, line.recordId, line.summary])).toEqual([
      [
        'create',
        'settings',
        IDENTITY_KEY,
        'Tạo danh tính trao đổi dữ liệu: Phòng Kinh tế thị xã Mỹ Hào (Phường Mỹ Hào, mã 12103)',
      ],
      ['update', 'settings', IDENTITY_KEY, 'Sửa danh tính trao đổi dữ liệu: UBND phường Mỹ Hào'],
    ])
    expect(lines.every((line) => line.before === null && line.after === null)).toBe(true)
    // Lịch sử thay đổi says these are not reverted there.
    const statuses = await revertStatuses(db, lines)
    expect([...statuses.values()]).toEqual([
      { revertible: false, refusal: { reason: 'no-images' } },
      { revertible: false, refusal: { reason: 'no-images' } },
    ])
  })

  it('that is stored broken is treated as none, so a new one can be made', async () => {
    const db = await freshDb()
    await db.settings.put({ key: IDENTITY_KEY, value: { officeId: 'x', name: '' } })
    expect(await loadIdentity(db)).toBeNull()
    const made = await createIdentity(db, PHONG_KINH_TE, THIS_PC)
    expect(await loadIdentity(db)).toEqual(made)
  })
})

describe('a register restored from the backup of another PC', () => {
  it('is noticed: its identity is held by the other install', async () => {
    const db = await freshDb()
    const { identity } = await registerOfOtherPc(db)
    expect(identityStatus(identity, THIS_PC)).toBe('other-install')
    expect(identityStatus(identity, OTHER_PC)).toBe('here')
  })

  it('keeps the identity here when the clerk says so: only the install changes', async () => {
    const db = await freshDb()
    const { identity, product } = await registerOfOtherPc(db)
    const kept = await keepIdentityHere(db, THIS_PC)

    expect(kept).toEqual({ ...identity, installId: THIS_PC })
    expect(identityStatus(await loadIdentity(db), THIS_PC)).toBe('here')
    expect((await db.products.get(product.id))?.origin).toBeUndefined()
    expect((await db.auditLog.toArray()).at(-1)?.summary).toBe(
      'Máy này giữ danh tính trao đổi dữ liệu của Phòng Kinh tế thị xã Mỹ Hào; máy kia phải nhận danh tính mới',
    )
    // Resolved: the choice is not offered again.
    await expect(keepIdentityHere(db, THIS_PC)).rejects.toThrow()
    await expect(takeNewIdentity(db, THIS_PC, '2026-12-04T09:00:00.000Z')).rejects.toThrow()
  })

  it('takes a new identity here: what was made before belongs to the old office, read-only, and the old office is known', async () => {
    const db = await freshDb()
    const made = await registerOfOtherPc(db)
    const received: Product = {
      ...made.product,
      id: 'received-product',
      name: 'Gà Đông Tảo',
      origin: { office: 'office-of-a-commune', id: 'p-9', rev: '2025-03-01T00:00:00.000Z' },
    }
    await db.products.put(received)
    const now = '2026-12-04T09:00:00.000Z'

    const { identity, handedOver } = await takeNewIdentity(db, THIS_PC, now)

    // A new office id and key, the same name and unit, held here.
    expect(identity.officeId).not.toBe(made.identity.officeId)
    expect(identity.publicKey).not.toBe(made.identity.publicKey)
    expect(identity).toMatchObject({
      name: made.identity.name,
      unitName: made.identity.unitName,
      unitCode: made.identity.unitCode,
      installId: THIS_PC,
      createdAt: now,
    })
    expect(await loadIdentity(db)).toEqual(identity)
    expect(identityStatus(identity, THIS_PC)).toBe('here')

    // Each record made under the old identity is the old office's, at its revision there.
    const old = made.identity.officeId
    const originOf = (record: { id: string; updatedAt: string }) => ({
      office: old,
      id: record.id,
      rev: record.updatedAt,
    })
    expect((await db.producers.get(made.producer.id))?.origin).toEqual(originOf(made.producer))
    expect((await db.products.get(made.product.id))?.origin).toEqual(originOf(made.product))
    expect((await db.evaluations.get(made.evaluation.id))?.origin).toEqual(
      originOf(made.evaluation),
    )
    expect((await db.plans.get(made.plan.id))?.origin).toEqual(originOf(made.plan))
    // A plan's target has its plan's revision.
    expect((await db.planTargets.get(made.targets[0]!.id))?.origin).toEqual({
      office: old,
      id: made.targets[0]!.id,
      rev: made.plan.updatedAt,
    })
    expect(handedOver).toBe(5)
    // A record received from a third office keeps its owner; the units stay this office's list.
    expect((await db.products.get('received-product'))?.origin).toEqual(received.origin)
    expect((await db.units.get(made.unit.id))?.origin).toBeUndefined()

    // The old office is named, its key trusted: this PC had it.
    expect(await db.offices.toArray()).toEqual([
      {
        id: old,
        name: 'Phòng Kinh tế thị xã Mỹ Hào',
        unitName: 'Phường Mỹ Hào',
        unitCode: '12103',
        publicKey: made.identity.publicKey,
        trustedAt: now,
        createdAt: now,
        updatedAt: now,
      },
    ])

    // Read-only here: an edit is refused.
    const refused = await updateProduct(db, made.product.id, {
      name: 'Tương Bần đặc biệt',
      producerId: made.producer.id,
      unitId: made.unit.id,
      criteriaSetId: null,
      groupCode: '',
      productSetCode: '',
      description: '',
    }).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(AppError)
    expect(refused).toMatchObject({
      code: 'record.foreign',
      params: { record: { table: 'products', name: 'Tương Bần' } },
    })

    // One change in the history, which names what happened and is not reverted there.
    const lines = (await db.auditLog.toArray()).slice(-2)
    expect(new Set(lines.map((line) => line.changeId)).size).toBe(1)
    expect(lines.map((line) => [line.table, line.summary])).toEqual([
      [
        'offices',
        'Thêm đơn vị trao đổi Phòng Kinh tế thị xã Mỹ Hào: danh tính máy này dùng trước đây',
      ],
      [
        'settings',
        'Máy này nhận danh tính trao đổi dữ liệu mới; 5 bản ghi tạo trước đây trở thành của đơn vị cũ (chỉ xem)',
      ],
    ])
    expect(JSON.stringify(lines)).not.toContain(identity.privateKey)
    expect([...(await revertStatuses(db, lines)).values()][0]).toEqual({
      revertible: false,
      refusal: { reason: 'no-images' },
    })
  })

  it('changes nothing when the identity is held here already', async () => {
    const db = await freshDb()
    await registerOfOtherPc(db)
    const before = await db.products.toArray()
    await expect(takeNewIdentity(db, OTHER_PC, '2026-12-04T09:00:00.000Z')).rejects.toThrow()
    expect(await db.products.toArray()).toEqual(before)
    expect(await db.offices.count()).toBe(0)
  })
})
