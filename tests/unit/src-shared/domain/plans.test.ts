import { describe, expect, it } from 'vitest'
import type { Evaluation, Plan, PlanTarget, Product, Unit } from '@shared/db/records'
import { buildMyHaoDemo } from '@shared/domain/demo-my-hao'
import {
  PlanMeasurer,
  TARGET_KINDS,
  baselineDate,
  deadlineOf,
  planProgress,
  targetStatus,
  type PlanProgress,
  type PlanRegister,
  type TargetKind,
  type TargetProgress,
} from '@shared/domain/plans'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { decided, myHaoUnits, product } from './ranking-fixtures'

const at = '2026-01-01T00:00:00.000Z'

function plan(fromYear: number, toYear: number, extra: Partial<Plan> = {}): Plan {
  return {
    id: 'plan',
    name: `Kế hoạch OCOP ${fromYear}-${toYear}`,
    docNo: '',
    docDate: null,
    fromYear,
    toYear,
    baselineYear: fromYear - 1,
    baselineOverride: null,
    note: '',
    createdAt: at,
    updatedAt: at,
    ...extra,
  }
}

function target(
  id: string,
  kind: TargetKind,
  value: number,
  extra: Partial<PlanTarget> = {},
): PlanTarget {
  return {
    id,
    planId: 'plan',
    kind,
    stars: null,
    value,
    unitId: null,
    productId: null,
    byYear: null,
    note: '',
    ...extra,
  }
}

function unit(id: string, name: string = id): Unit {
  return {
    id,
    code: '',
    name,
    kind: 'xa',
    parentName: '',
    validFrom: null,
    validTo: null,
    successorId: null,
    note: '',
    createdAt: at,
    updatedAt: at,
  }
}

function register(products: Product[], evaluations: Evaluation[], units: Unit[]): PlanRegister {
  return { products, index: new EvaluationIndex(evaluations), units }
}

/** Each target's value on a date, by target id. */
function values(
  measurer: PlanMeasurer,
  targets: PlanTarget[],
  p: Plan,
  date: string,
): Record<string, number> {
  return Object.fromEntries(targets.map((t) => [t.id, measurer.measure(t, p, date)]))
}

/** A target's progress by target id. */
function byId(progress: PlanProgress): (id: string) => TargetProgress {
  return (id) => {
    const found = progress.targets.find((t) => t.target.id === id)
    if (!found) throw new Error(`no target ${id}`)
    return found
  }
}

describe('every target kind on the day a certificate lapses', () => {
  // One product of unit U1: 2★ in 2020 (no certificate), 4★ on 01/05/2021. The certificate is
  // valid 36 months from the decision less one day: through 30/04/2024, gone on 01/05/2024.
  const p = plan(2021, 2025)
  const reg = register(
    [product('P', 'U1')],
    [decided('P', 2, '2020-05-01'), decided('P', 4, '2021-05-01')],
    [unit('U1'), unit('U2')],
  )
  const targets = [
    target('stars-exactly', 'stars-exactly', 2, { stars: 4 }),
    target('stars-at-least', 'stars-at-least', 2, { stars: 3 }),
    target('new-products', 'new-products', 2),
    target('upgraded-products', 'upgraded-products', 2),
    target('units-covered', 'units-covered', 2),
    target('units-covered-share', 'units-covered-share', 100),
    target('unit-products', 'unit-products', 2, { stars: 3, unitId: 'U1' }),
    target('product-stars', 'product-stars', 0, { stars: 5, productId: 'P' }),
  ]

  it('covers every kind', () => {
    expect(targets.map((t) => t.kind)).toEqual([...TARGET_KINDS])
  })

  it('counts the certificate on its last valid day (expiring on the date)', () => {
    expect(values(new PlanMeasurer(reg), targets, p, '2024-04-30')).toEqual({
      'stars-exactly': 1,
      'stars-at-least': 1,
      'new-products': 1,
      'upgraded-products': 1,
      'units-covered': 1,
      'units-covered-share': 50,
      'unit-products': 1,
      'product-stars': 4,
    })
  })

  it('counts nothing once it expired the day before (the old 2★ does not come back)', () => {
    expect(values(new PlanMeasurer(reg), targets, p, '2024-05-01')).toEqual({
      'stars-exactly': 0,
      'stars-at-least': 0,
      'new-products': 0,
      'upgraded-products': 0,
      'units-covered': 0,
      'units-covered-share': 0,
      'unit-products': 0,
      'product-stars': 0,
    })
  })

  it('starts from nothing at the baseline (31/12/2020: the 2★ is standing, not OCOP)', () => {
    expect(values(new PlanMeasurer(reg), targets, p, baselineDate(p))).toEqual({
      'stars-exactly': 0,
      'stars-at-least': 0,
      'new-products': 0,
      'upgraded-products': 0,
      'units-covered': 0,
      'units-covered-share': 0,
      'unit-products': 0,
      'product-stars': 2,
    })
  })
})

describe('every target kind across the 2025 merger of the Mỹ Hào units', () => {
  // Bần Yên Nhân (old-12103) and Cẩm Xá (old-12109) became phường Mỹ Hào, Dị Sử (old-12121)
  // became Đường Hào, on 01/07/2025; the 13 old units are valid through 30/06/2025.
  const p = plan(2021, 2025)
  const reg = register(
    [product('X', 'old-12103'), product('Y', 'old-12109'), product('Z', 'old-12121')],
    [
      decided('X', 3, '2023-09-01'),
      decided('Y', 2, '2020-01-10'),
      decided('Y', 4, '2024-02-01'),
      decided('Z', 3, '2022-11-01'),
    ],
    myHaoUnits(),
  )
  const targets = [
    target('stars-exactly', 'stars-exactly', 5, { stars: 3 }),
    target('stars-at-least', 'stars-at-least', 5, { stars: 3 }),
    target('new-products', 'new-products', 5),
    target('upgraded-products', 'upgraded-products', 5),
    target('units-covered', 'units-covered', 13),
    target('units-covered-share', 'units-covered-share', 100),
    target('unit-products', 'unit-products', 2, { stars: 3, unitId: 'old-12103' }),
    target('unit-products-new', 'unit-products', 2, { stars: 3, unitId: 'my-hao' }),
    target('product-stars', 'product-stars', 4, { stars: 4, productId: 'Y' }),
  ]

  it('on the last day of the old units counts them: 3 of 13 covered', () => {
    expect(values(new PlanMeasurer(reg), targets, p, '2025-06-30')).toEqual({
      'stars-exactly': 2,
      'stars-at-least': 3,
      'new-products': 3,
      'upgraded-products': 1,
      'units-covered': 3,
      'units-covered-share': 23.1, // 3/13
      'unit-products': 1, // Bần Yên Nhân: X
      'unit-products-new': 0, // phường Mỹ Hào does not exist yet
      'product-stars': 4,
    })
  })

  it('on the first day of the new wards counts the successors: 2 of 3 covered', () => {
    expect(values(new PlanMeasurer(reg), targets, p, '2025-07-01')).toEqual({
      'stars-exactly': 2,
      'stars-at-least': 3,
      'new-products': 3,
      'upgraded-products': 1,
      'units-covered': 2, // Mỹ Hào (X, Y), Đường Hào (Z); Thượng Hồng has none
      'units-covered-share': 66.7, // 2/3
      'unit-products': 2, // Bần Yên Nhân's target follows to Mỹ Hào: X and Y
      'unit-products-new': 2,
      'product-stars': 4,
    })
  })

  it('lists the units valid on the date in the coverage', () => {
    const before = planProgress(p, targets, reg, '2025-06-30').unitCoverage
    expect(before).toHaveLength(13)
    expect(before.filter((c) => c.products > 0).map((c) => [c.unit.name, c.products])).toEqual([
      ['Bần Yên Nhân', 1],
      ['Cẩm Xá', 1],
      ['Dị Sử', 1],
    ])
    const after = planProgress(p, targets, reg, '2025-07-01').unitCoverage
    expect(after.map((c) => [c.unit.name, c.products])).toEqual([
      ['Đường Hào', 1],
      ['Mỹ Hào', 2],
      ['Thượng Hồng', 0],
    ])
  })
})

describe('upgraded products after a downgrade', () => {
  // D: 3★ at the baseline, up to 5★, down to 4★ (still above), down to 3★ (no longer upgraded).
  // E: 4★ at the baseline, re-evaluated at 3★: downgraded, never upgraded.
  const p = plan(2021, 2025)
  const reg = register(
    [product('D', 'U1'), product('E', 'U1')],
    [
      decided('D', 3, '2019-04-01'),
      decided('D', 5, '2021-09-01'),
      decided('D', 4, '2022-10-01'),
      decided('D', 3, '2023-10-01'),
      decided('E', 4, '2020-02-01'),
      decided('E', 3, '2022-03-01'),
    ],
    [unit('U1')],
  )
  const upgraded = target('up', 'upgraded-products', 2)

  it.each([
    ['2021-08-31', 0],
    ['2021-09-01', 1],
    ['2022-09-30', 1],
    ['2022-10-01', 1],
    ['2023-09-30', 1],
    ['2023-10-01', 0],
  ])('on %s counts %i', (date, count) => {
    expect(new PlanMeasurer(reg).measure(upgraded, p, date)).toBe(count)
  })

  it('shows the change against the baseline in the products table', () => {
    const changes = (date: string) =>
      planProgress(p, [upgraded], reg, date).products.map((row) => [
        row.product.id,
        row.baselineStars,
        row.currentStars,
        row.change,
      ])
    expect(changes('2022-10-01')).toEqual([
      ['D', 3, 4, 'nang-hang'],
      ['E', 4, 3, 'ha-hang'],
    ])
    expect(changes('2023-10-01')).toEqual([
      ['D', 3, 3, 'giu-nguyen'],
      ['E', 4, 3, 'ha-hang'],
    ])
  })
})

describe('new products', () => {
  // Plan 2021-2022. N1 is recognised the last day before the period; N2 the first day of it;
  // N3 was 2★ and reaches 3★ inside it; N4 had a 2017 certificate (lapsed 09/01/2020) and is
  // recognised again inside the period; N5 first reaches 3★ after the period.
  const p = plan(2021, 2022)
  const reg = register(
    ['N1', 'N2', 'N3', 'N4', 'N5'].map((id) => product(id, 'U1')),
    [
      decided('N1', 3, '2020-12-31'),
      decided('N2', 3, '2021-01-01'),
      decided('N3', 2, '2019-06-01'),
      decided('N3', 3, '2022-05-05'),
      decided('N4', 3, '2017-01-10'),
      decided('N4', 4, '2021-06-01'),
      decided('N5', 3, '2023-02-01'),
    ],
    [unit('U1')],
  )
  const isNew = target('new', 'new-products', 3)

  it.each([
    ['2020-12-31', 0], // the baseline: N1 is standing, but before the period
    ['2021-01-01', 1], // N2
    ['2022-05-04', 1],
    ['2022-05-05', 2], // N2, N3
    ['2022-12-31', 2],
    ['2023-06-30', 2], // N5 was first recognised after the period
  ])('on %s counts %i', (date, count) => {
    expect(new PlanMeasurer(reg).measure(isNew, p, date)).toBe(count)
  })

  it('counts only products still standing on the date', () => {
    // N2's certificate runs through 31/12/2023.
    expect(new PlanMeasurer(reg).measure(isNew, p, '2023-12-31')).toBe(2)
    expect(new PlanMeasurer(reg).measure(isNew, p, '2024-01-01')).toBe(1)
  })
})

describe('targetStatus', () => {
  const start = '2019-01-01'
  const deadline = '2020-12-31'
  // 730 days from start to deadline: 01/01/2020 is halfway.

  describe('a rising goal: 4 → 6', () => {
    const status = (current: number, date: string) =>
      targetStatus(4, current, 6, start, deadline, date)

    it('before the period starts: on track at the baseline, behind below it, reached at 6', () => {
      expect(status(4, '2018-12-31')).toBe('dang-thuc-hien')
      expect(status(3, '2018-12-31')).toBe('cham')
      expect(status(6, '2018-12-31')).toBe('dat')
    })

    it('halfway: on track at 5, behind at 4', () => {
      expect(status(5, '2020-01-01')).toBe('dang-thuc-hien')
      expect(status(4, '2020-01-01')).toBe('cham')
      expect(status(7, '2020-01-01')).toBe('dat')
    })

    it('on the deadline: behind until reached; after it: không đạt', () => {
      expect(status(5, '2020-12-31')).toBe('cham')
      expect(status(6, '2020-12-31')).toBe('dat')
      expect(status(5, '2021-01-01')).toBe('khong-dat')
      expect(status(6, '2021-01-01')).toBe('dat')
    })
  })

  describe('a goal below the baseline: 4 products at 2★ → 2', () => {
    const status = (current: number, date: string) =>
      targetStatus(4, current, 2, start, deadline, date)

    it('before the period starts', () => {
      expect(status(4, '2018-12-31')).toBe('dang-thuc-hien')
      expect(status(5, '2018-12-31')).toBe('cham')
      expect(status(2, '2018-12-31')).toBe('dat')
    })

    it('halfway: on track at 3, behind at 4', () => {
      expect(status(3, '2020-01-01')).toBe('dang-thuc-hien')
      expect(status(4, '2020-01-01')).toBe('cham')
      expect(status(1, '2020-01-01')).toBe('dat')
    })

    it('after the deadline', () => {
      expect(status(3, '2020-12-31')).toBe('cham')
      expect(status(3, '2021-01-01')).toBe('khong-dat')
      expect(status(2, '2021-01-01')).toBe('dat')
    })
  })
})

describe('planProgress', () => {
  // Plan 2021-2023, baseline 31/12/2020, looked at on 01/07/2022.
  const p = plan(2021, 2023, { baselineOverride: { t3: 4 } })
  const products = [
    product('A', 'U1'),
    product('B', 'U1'),
    product('C', 'U2'),
    product('D', 'U2'),
    product('E', 'U3'),
    product('F', 'U3'),
    product('G', 'U3'),
  ]
  const reg = register(
    products,
    [
      decided('A', 2, '2020-03-01'),
      decided('A', 3, '2021-04-01'), // 2★ → 3★
      decided('B', 3, '2019-05-01'), // valid through 30/04/2022: lost by July 2022
      decided('C', 4, '2020-06-01'),
      decided('C', 3, '2022-01-15'), // 4★ → 3★
      decided('D', 3, '2020-09-01'), // kept
      decided('E', 5, '2021-10-01'), // new
      // F never ranked; G never ranked but named by a target
    ],
    [unit('U1', 'An Bình'), unit('U2', 'Bình Minh'), unit('U3', 'Cẩm Phú')],
  )
  const targets = [
    target('t3', 'stars-exactly', 5, { stars: 3 }),
    target('t2', 'stars-exactly', 0, { stars: 2 }),
    target('at3', 'stars-at-least', 6, { stars: 3 }),
    target('tA', 'product-stars', 0, { stars: 4, productId: 'A' }),
    target('tG', 'product-stars', 0, { stars: 3, productId: 'G' }),
    target('units', 'units-covered', 3, { byYear: 2021 }),
  ]
  const progress = planProgress(p, targets, reg, '2022-07-01')
  const t = byId(progress)

  it('measures the baseline on 31/12 of the baseline year', () => {
    expect(progress.baselineDate).toBe('2020-12-31')
    expect(progress.date).toBe('2022-07-01')
    expect(t('at3')).toMatchObject({ baselineComputed: 3, baselineOverride: null, baseline: 3 })
    expect(t('t2')).toMatchObject({ baselineComputed: 1, baseline: 1 })
    expect(t('tA')).toMatchObject({ baseline: 2 })
  })

  it("uses the plan document's baseline and keeps the computed one", () => {
    expect(t('t3')).toMatchObject({ baselineComputed: 2, baselineOverride: 4, baseline: 4 })
  })

  it('gives the current value, the goal, the gap and the status', () => {
    const row = (id: string) => {
      const { current, goal, gap, status, deadline } = t(id)
      return { current, goal, gap, status, deadline }
    }
    // 546 of 1094 days gone: expected 4.5 at 3★ (from the override 4), 4.5 at ≥3★.
    expect(row('t3')).toEqual({
      current: 3,
      goal: 5,
      gap: 2,
      status: 'cham',
      deadline: '2023-12-31',
    })
    expect(row('t2')).toEqual({
      current: 0,
      goal: 0,
      gap: 0,
      status: 'dat',
      deadline: '2023-12-31',
    })
    expect(row('at3')).toEqual({
      current: 4,
      goal: 6,
      gap: 2,
      status: 'cham',
      deadline: '2023-12-31',
    })
    // A: 2★ → 3★, expected about 3.0 now on the way to 4★.
    expect(row('tA')).toEqual({
      current: 3,
      goal: 4,
      gap: 1,
      status: 'dang-thuc-hien',
      deadline: '2023-12-31',
    })
    expect(row('tG')).toEqual({
      current: 0,
      goal: 3,
      gap: 3,
      status: 'cham',
      deadline: '2023-12-31',
    })
    expect(row('units')).toEqual({
      current: 3,
      goal: 3,
      gap: 0,
      status: 'dat',
      deadline: '2021-12-31',
    })
    expect(deadlineOf(target('u', 'units-covered', 3, { byYear: 2021 }), p)).toBe('2021-12-31')
  })

  it('gives a series from the baseline to 31/12 of each year, the last on the date', () => {
    expect(t('t3').series).toEqual([
      { year: 2020, value: 4 },
      { year: 2021, value: 3 },
      { year: 2022, value: 3 },
    ])
    expect(t('at3').series).toEqual([
      { year: 2020, value: 3 },
      { year: 2021, value: 5 }, // B still valid at the end of 2021
      { year: 2022, value: 4 },
    ])
    // After the period the series stops at its last year.
    expect(
      byId(planProgress(p, targets, reg, '2025-03-01'))('at3').series.map((s) => s.year),
    ).toEqual([2020, 2021, 2022, 2023])
    // On the baseline date there is only the baseline.
    expect(byId(planProgress(p, targets, reg, '2020-12-31'))('at3').series).toEqual([
      { year: 2020, value: 3 },
    ])
  })

  it('counts each star level at the baseline and now, with the exactly-targets', () => {
    expect(progress.starLevels).toEqual([
      { stars: 1, baseline: 0, current: 0, target: null },
      { stars: 2, baseline: 1, current: 0, target: 0 },
      { stars: 3, baseline: 4, current: 3, target: 5 }, // the override 4, not the computed 2
      { stars: 4, baseline: 1, current: 0, target: null },
      { stars: 5, baseline: 0, current: 1, target: null },
    ])
  })

  it('gives the OCOP products of each unit on the date', () => {
    expect(progress.unitCoverage.map((c) => [c.unit.id, c.products])).toEqual([
      ['U1', 1],
      ['U2', 2],
      ['U3', 1],
    ])
  })

  it('lists the products with a star at either date or named by a target', () => {
    expect(
      progress.products.map((row) => [
        row.product.id,
        row.baselineStars,
        row.currentStars,
        row.change,
        row.targetStars,
        row.status,
      ]),
    ).toEqual([
      ['A', 2, 3, 'nang-hang', 4, 'dang-thuc-hien'],
      ['B', 3, 0, 'mat-hang', null, null],
      ['C', 4, 3, 'ha-hang', null, null],
      ['D', 3, 3, 'giu-nguyen', null, null],
      ['E', 0, 5, 'moi', null, null],
      ['G', 0, 0, 'giu-nguyen', 3, 'cham'],
    ])
  })
})

describe('a floor already above the baseline', () => {
  // H is 4★ at the baseline (certificate through 31/01/2023); the plan asks it to stay at 3★ or
  // more, and for at least 1 OCOP product. A lapsed certificate is not "down to the goal".
  const p = plan(2021, 2023)
  const reg = register([product('H', 'U1')], [decided('H', 4, '2020-02-01')], [unit('U1')])
  const targets = [
    target('keep', 'product-stars', 0, { stars: 3, productId: 'H' }),
    target('ocop', 'stars-at-least', 1, { stars: 3 }),
  ]

  it('is reached while the product stands at 4★', () => {
    const t = byId(planProgress(p, targets, reg, '2022-07-01'))
    expect([t('keep').status, t('keep').gap, t('ocop').status, t('ocop').gap]).toEqual([
      'dat',
      0,
      'dat',
      0,
    ])
  })

  it('is behind once the certificate lapsed, and missed after the deadline', () => {
    const t = byId(planProgress(p, targets, reg, '2023-02-01'))
    expect([t('keep').current, t('keep').status, t('keep').gap]).toEqual([0, 'cham', 3])
    expect([t('ocop').current, t('ocop').status, t('ocop').gap]).toEqual([0, 'cham', 1])
    const after = byId(planProgress(p, targets, reg, '2024-01-01'))
    expect([after('keep').status, after('ocop').status]).toEqual(['khong-dat', 'khong-dat'])
  })
})

describe('the Mỹ Hào 2019-2020 plan on the demo data (docs/domain.md)', () => {
  const units = myHaoUnits()
  const demo = buildMyHaoDemo(new Map(units.map((u) => [u.name, u.id])), at)
  const reg = register(demo.products, demo.evaluations, units)
  const p = plan(2019, 2020, { baselineYear: 2018 })
  const targets = [
    target('s3', 'stars-exactly', 6, { stars: 3 }),
    target('s4', 'stars-exactly', 2, { stars: 4 }),
    target('s5', 'stars-exactly', 1, { stars: 5 }),
    target('ocop', 'stars-at-least', 9, { stars: 3 }),
    target('cover', 'units-covered-share', 100),
    target('upgraded', 'upgraded-products', 9),
  ]
  const measurer = new PlanMeasurer(reg)
  const at2018 = planProgress(p, targets, reg, '2018-12-31', measurer)
  const at2020 = planProgress(p, targets, reg, '2020-12-31', measurer)
  const at2021 = planProgress(p, targets, reg, '2021-01-01', measurer)
  const figures = (progress: PlanProgress) =>
    Object.fromEntries(progress.targets.map((t) => [t.target.id, [t.current, t.status]]))

  it('puts every demo product in one of the 13 units of 2019', () => {
    expect(demo.products.every((product) => product.unitId?.startsWith('old-'))).toBe(true)
  })

  it('starts at the 2018 baseline: 4×3★, 1×4★, 0×5★, 4×2★; 5 of 13 units covered', () => {
    expect(figures(at2018)).toEqual({
      s3: [4, 'dang-thuc-hien'],
      s4: [1, 'dang-thuc-hien'],
      s5: [0, 'dang-thuc-hien'],
      ocop: [5, 'dang-thuc-hien'],
      cover: [38.5, 'dang-thuc-hien'],
      upgraded: [0, 'dang-thuc-hien'],
    })
    expect(at2018.starLevels.map((l) => l.baseline)).toEqual([0, 4, 4, 1, 0])
    expect(at2018.unitCoverage).toHaveLength(13)
  })

  it('ends 2020 with 5×3★, 1×4★, 1×5★: 7 OCOP products in 7 of 13 units (53.8%)', () => {
    expect(figures(at2020)).toEqual({
      s3: [5, 'cham'],
      s4: [1, 'cham'],
      s5: [1, 'dat'],
      ocop: [7, 'cham'],
      cover: [53.8, 'cham'],
      // Tương Bần 4→5, Gà lông màu 3→4, Bò thịt 2→3, Gạo Nhật 2→3
      upgraded: [4, 'cham'],
    })
    const t = byId(at2020)
    expect([t('s3').gap, t('s4').gap, t('s5').gap, t('ocop').gap, t('upgraded').gap]).toEqual([
      1, 1, 0, 2, 5,
    ])
    expect(t('cover').gap).toBeCloseTo(46.2, 5)
    expect(at2020.starLevels.map((l) => [l.baseline, l.current, l.target])).toEqual([
      [0, 0, null],
      [4, 2, null],
      [4, 5, 6],
      [1, 1, 2],
      [0, 1, 1],
    ])
    const empty = at2020.unitCoverage.filter((c) => c.products === 0).map((c) => c.unit.name)
    expect(empty.sort()).toEqual(
      ['Bạch Sam', 'Dị Sử', 'Hưng Long', 'Nhân Hòa', 'Phan Đình Phùng', 'Phùng Chí Kiên'].sort(),
    )
  })

  it('the day after the period: không đạt where missed, đạt for the 5★', () => {
    expect(figures(at2021)).toEqual({
      s3: [5, 'khong-dat'],
      s4: [1, 'khong-dat'],
      s5: [1, 'dat'],
      ocop: [7, 'khong-dat'],
      cover: [53.8, 'khong-dat'],
      upgraded: [4, 'khong-dat'],
    })
    const t = byId(at2021)
    // 2019: Gà lông màu reached 4★ (the 4★ target was met that year, lost when Tương Bần went to 5★)
    expect(t('s4').series).toEqual([
      { year: 2018, value: 1 },
      { year: 2019, value: 2 },
      { year: 2020, value: 1 },
    ])
    expect(t('s3').series.map((s) => s.value)).toEqual([4, 3, 5])
    expect(t('ocop').series.map((s) => s.value)).toEqual([5, 5, 7])
  })

  it('lists the 9 products with their change since 2018', () => {
    const changes = Object.fromEntries(
      at2020.products.map((row) => [
        row.product.id.replace('demo-product-', ''),
        [row.baselineStars, row.currentStars, row.change],
      ]),
    )
    expect(changes).toEqual({
      'tuong-ban': [4, 5, 'nang-hang'],
      'ga-long-mau': [3, 4, 'nang-hang'],
      'gao-nep': [3, 3, 'giu-nguyen'],
      ca: [3, 3, 'giu-nguyen'],
      'ba-ba': [3, 3, 'giu-nguyen'],
      'bo-thit': [2, 3, 'nang-hang'],
      lon: [2, 2, 'giu-nguyen'],
      'gao-nhat': [2, 3, 'nang-hang'],
      'do-go': [2, 2, 'giu-nguyen'],
    })
  })
})

describe('1★-2★ results in a plan', () => {
  // A 2★ of 01/10/2018 stands through 30/09/2021 (36 months); a 2★ of 2020 through 2023.
  const reg = register(
    [product('old', 'U1'), product('recent', 'U1'), product('raised', 'U1')],
    [
      decided('old', 2, '2018-10-01'),
      decided('recent', 2, '2020-03-01'),
      decided('raised', 2, '2018-10-01'),
      decided('raised', 3, '2020-06-01'),
    ],
    [unit('U1')],
  )
  const p = plan(2021, 2022, { baselineYear: 2020 })
  const twoStars = target('two', 'stars-exactly', 0, { stars: 2 })
  const ocop = target('ocop', 'stars-at-least', 3, { stars: 3 })
  const covered = target('covered', 'units-covered', 1)

  it('count at their own level until they lapse, and never as OCOP products', () => {
    const measurer = new PlanMeasurer(reg)
    expect(values(measurer, [twoStars, ocop, covered], p, '2020-12-31')).toEqual({
      two: 2,
      ocop: 1,
      covered: 1,
    })
    expect(values(measurer, [twoStars, ocop, covered], p, '2021-09-30')).toMatchObject({ two: 2 })
    expect(values(measurer, [twoStars, ocop, covered], p, '2021-10-01')).toMatchObject({ two: 1 })
    // The 2★ of 2018 no longer counts in 2022; the one of 2020 still does.
    expect(values(measurer, [twoStars, ocop, covered], p, '2022-12-31')).toEqual({
      two: 1,
      ocop: 1,
      covered: 1,
    })
  })

  it('lapse sooner when the office sets fewer months', () => {
    const short = {
      ...reg,
      index: new EvaluationIndex(reg.index.evaluationsOf('recent'), { lowStarResultMonths: 12 }),
    }
    expect(new PlanMeasurer(short).measure(twoStars, p, '2021-02-28')).toBe(1)
    expect(new PlanMeasurer(short).measure(twoStars, p, '2021-03-01')).toBe(0)
  })

  it('show as lost (mất hạng) in the product list once lapsed', () => {
    const rows = planProgress(p, [twoStars], reg, '2022-12-31').products
    const change = Object.fromEntries(
      rows.map((r) => [r.product.id, [r.baselineStars, r.currentStars, r.change]]),
    )
    expect(change).toEqual({
      old: [2, 0, 'mat-hang'],
      recent: [2, 2, 'giu-nguyen'],
      raised: [3, 3, 'giu-nguyen'],
    })
  })
})
