import { beforeAll, describe, expect, it } from 'vitest'
import type { OfficeIdentityKey } from '@shared/exchange/identity'
import { writesNothing } from '@shared/exchange/apply'
import type { ReceivedPackage } from '@shared/exchange/package-format'
import {
  CAM_XA_PRODUCTS,
  RICE,
  ROLLS,
  edited,
  mergeInto,
  named,
  officeIdentity,
  registerOf,
  sendPackage,
  without,
  type ProductSpec,
  type Register,
} from '../../support/exchange-register'

const T1 = '2024-11-20T10:00:00.000Z'

let camXa: OfficeIdentityKey
let district: OfficeIdentityKey
/** Cẩm Xá's register, with its plan. */
let commune: Register
/** The district's register once it merged Cẩm Xá's first full package. */
let held: Register
let first: ReceivedPackage

beforeAll(async () => {
  camXa = await officeIdentity('camXa')
  district = await officeIdentity('myHao')
  commune = registerOf('cx', CAM_XA_PRODUCTS, { plan: true })
  first = await sendPackage(commune, camXa)
  held = mergeInto(registerOf('mh', []), first, district.officeId).register
})

/** The names of `records`, sorted. */
const names = (records: readonly Record<string, unknown>[]) => records.map((r) => r.name).sort()

/** Cẩm Xá after renaming the rice and giving up the rice rolls with their evaluation. */
function communeAfterEdits(): Register {
  const rice = named(commune.products, RICE)
  const rolls = named(commune.products, ROLLS)
  const renamed = edited(commune, 'products', rice.id, { name: `${RICE} (túi 5 kg)` }, T1)
  const rollsEvaluations = commune.evaluations.filter((e) => e.productId === rolls.id)
  return without(
    without(renamed, 'products', [rolls.id]),
    'evaluations',
    rollsEvaluations.map((e) => e.id),
  )
}

describe('a change package carries only what changed since the package it builds on', () => {
  it('holds the edited record and a tombstone for each record removed, naming its base', async () => {
    const changes = await sendPackage(communeAfterEdits(), camXa, { base: first })

    expect(changes.manifest.kind).toBe('changes')
    expect(changes.manifest.base).toEqual({
      id: first.manifest.id,
      createdAt: first.manifest.createdAt,
    })
    expect(names(changes.content.tables.products ?? [])).toEqual([`${RICE} (túi 5 kg)`])
    // With the unit it names: the district matched it to its own and kept no note of the match.
    expect(names(changes.content.tables.units ?? [])).toContain('Cẩm Xá')
    expect(changes.content.tables.products?.[0]?.origin.rev).toBe(T1)
    for (const table of ['producers', 'evaluations', 'plans', 'planTargets'] as const) {
      expect(changes.content.tables[table] ?? []).toEqual([])
    }
    const rolls = named(commune.products, ROLLS)
    expect(changes.content.tombstones).toEqual(
      expect.arrayContaining([
        { table: 'products', office: camXa.officeId, id: rolls.id },
        { table: 'evaluations', office: camXa.officeId, id: `${rolls.id}-2024-1` },
      ]),
    )
    expect(changes.content.tombstones).toHaveLength(2)
  })

  it('updates and removes exactly those records at the district, and nothing else', async () => {
    const changes = await sendPackage(communeAfterEdits(), camXa, { base: first })
    const { plan, register } = mergeInto(held, changes, district.officeId)

    expect(plan.counts.products).toMatchObject({ updated: 1, removed: 1, new: 0, refused: 0 })
    expect(plan.counts.evaluations).toMatchObject({ removed: 1, new: 0, updated: 0, refused: 0 })
    expect(plan.refusals).toEqual([])
    expect(names(register.products)).toEqual([`${RICE} (túi 5 kg)`])
    const rice = named(register.products, `${RICE} (túi 5 kg)`)
    expect(rice.id).toBe(named(held.products, RICE).id)
    expect(rice.origin).toEqual({
      office: camXa.officeId,
      id: named(commune.products, RICE).id,
      rev: T1,
    })
    // The rice keeps its two evaluations, its producer and the plan, untouched.
    expect(register.evaluations.map((e) => e.year).sort()).toEqual([2023, 2024])
    expect(register.evaluations.every((e) => e.productId === rice.id)).toBe(true)
    expect(register.producers).toEqual(held.producers)
    expect(register.plans).toEqual(held.plans)
    expect(register.planTargets).toEqual(held.planTargets)
  })

  it('ignores an older revision than the one held, with a note, and keeps the newer one', async () => {
    const renamed = edited(
      commune,
      'products',
      named(commune.products, RICE).id,
      { name: `${RICE} mới` },
      T1,
    )
    const newer = await sendPackage(renamed, camXa)
    const afterNewer = mergeInto(held, newer, district.officeId).register

    const { plan, register } = mergeInto(afterNewer, first, district.officeId)

    expect(plan.refusals).toEqual([
      {
        table: 'products',
        id: named(commune.products, RICE).id,
        name: RICE,
        reason: 'older-revision',
      },
    ])
    expect(named(register.products, `${RICE} mới`).origin?.rev).toBe(T1)
    expect(writesNothing(plan)).toBe(true)
  })

  it('changes nothing when the same package is merged twice', () => {
    const { plan, register } = mergeInto(held, first, district.officeId)

    expect(writesNothing(plan)).toBe(true)
    expect(plan.refusals).toEqual([])
    expect(plan.counts.products).toEqual({
      new: 0,
      updated: 0,
      unchanged: 2,
      removed: 0,
      refused: 0,
    })
    expect(plan.counts.evaluations.unchanged).toBe(3)
    expect(plan.offices).toEqual([])
    for (const table of ['units', 'producers', 'products', 'evaluations', 'plans'] as const) {
      expect(register[table]).toEqual(held[table])
    }
  })

  it('removes, on a full package, what its sender owned and no longer sends', async () => {
    const full = await sendPackage(communeAfterEdits(), camXa)
    const { plan, register } = mergeInto(held, full, district.officeId)

    expect(full.content.tombstones).toEqual([])
    expect(plan.counts.products).toMatchObject({ updated: 1, removed: 1 })
    expect(plan.counts.evaluations).toMatchObject({ removed: 1, unchanged: 2 })
    expect(names(register.products)).toEqual([`${RICE} (túi 5 kg)`])
  })

  it('keeps a removed record that a record staying here still refers to, and says which', async () => {
    // The district's own council evaluated the rice rolls again (its own record: no origin).
    const rolls = named(held.products, ROLLS)
    const { origin: _commune, ...communeEvaluation } = held.evaluations.find(
      (e) => e.productId === rolls.id,
    )!
    const councilEvaluation = { ...communeEvaluation, id: 'mh-council-2024', round: 2 }
    const withOwn: Register = { ...held, evaluations: [...held.evaluations, councilEvaluation] }
    const changes = await sendPackage(communeAfterEdits(), camXa, { base: first })

    const { plan, register } = mergeInto(withOwn, changes, district.officeId)

    expect(plan.refusals).toEqual([
      {
        table: 'products',
        id: named(commune.products, ROLLS).id,
        name: ROLLS,
        reason: 'still-referred',
        by: { table: 'evaluations', name: `${ROLLS} (2024)` },
      },
    ])
    // The commune's own evaluation of the rolls goes; the product stays for the district's.
    expect(plan.counts.evaluations.removed).toBe(1)
    expect(named(register.products, ROLLS).id).toBe(rolls.id)
    expect(register.evaluations.filter((e) => e.productId === rolls.id).map((e) => e.id)).toEqual([
      'mh-council-2024',
    ])
  })
})

describe('a record whose reference names nothing here is refused, and so are its dependants', () => {
  it('refuses a product whose producer came in a package never merged, and its evaluation', async () => {
    // Cẩm Xá registers a beekeeper and his honey (change package 1), then describes the honey
    // and records its first evaluation (change package 2). The district never merged package 1.
    const honey: ProductSpec = {
      producer: 'Hộ kinh doanh Nguyễn Văn Tám',
      product: 'Mật ong Cẩm Xá',
      unit: 'old-12109',
    }
    const withHoney = registerOf('cx', [...CAM_XA_PRODUCTS, honey], { plan: true })
    const step1 = await sendPackage(withHoney, camXa, { base: first })
    const honeyId = named(withHoney.products, 'Mật ong Cẩm Xá').id
    const evaluated = edited(
      registerOf('cx', [...CAM_XA_PRODUCTS, { ...honey, evaluations: [[2025, 1, 3]] }], {
        plan: true,
      }),
      'products',
      honeyId,
      { description: 'Mật ong hoa nhãn' },
      T1,
    )
    const step2 = await sendPackage(evaluated, camXa, { base: step1 })

    const { plan, register } = mergeInto(held, step2, district.officeId)

    expect(plan.refusals).toEqual([
      {
        table: 'products',
        id: honeyId,
        name: 'Mật ong Cẩm Xá',
        reason: 'missing-reference',
        field: 'producerId',
        target: 'producers',
      },
      {
        table: 'evaluations',
        id: `${honeyId}-2025-1`,
        name: 'Mật ong Cẩm Xá (2025)',
        reason: 'missing-reference',
        field: 'productId',
        target: 'products',
      },
    ])
    expect(names(register.products)).toEqual([ROLLS, RICE])
  })
})
