import { describe, expect, it } from 'vitest'
import type { Evaluation } from '@shared/db/records'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { DEFAULT_RANKING_RULES } from '@shared/domain/ranking-rules'
import {
  compareYears,
  expiringCertificates,
  inResultOrder,
  isCurrentRank,
  productsByStar,
  rankOn as rankOnRules,
} from '@shared/domain/rankings'
import { unitStarMatrix } from '@shared/domain/unit-star-matrix'
import { decided, myHaoUnits, producer, product } from './ranking-fixtures'

// The rank under the default rules (1★-2★ results stand 36 months), of evaluations given in any order.
const rankOn = (evaluations: readonly Evaluation[], date: string) =>
  rankOnRules(inResultOrder(evaluations), date, DEFAULT_RANKING_RULES)

describe('the evaluation index', () => {
  it('groups by product and orders by result date, year and round', () => {
    const index = new EvaluationIndex([
      decided('a', null, null, { id: 'a-pending', year: 2024 }),
      decided('a', 4, '2021-05-10', { id: 'a-2021' }),
      decided('b', 3, '2020-01-01', { id: 'b-2020' }),
      decided('a', 3, '2019-11-05', { id: 'a-2019-r2', round: 2 }),
      decided('a', 2, '2019-11-05', { id: 'a-2019-r1', round: 1 }),
    ])
    expect(index.evaluationsOf('a').map((e) => e.id)).toEqual([
      'a-2019-r1',
      'a-2019-r2',
      'a-2021',
      'a-pending',
    ])
    expect(index.evaluationsOf('b').map((e) => e.id)).toEqual(['b-2020'])
  })
})

describe('the rank of a product on a date', () => {
  const history = [
    decided('p', 3, '2019-11-05'),
    decided('p', 4, '2021-05-10'),
    decided('p', 3, '2022-08-01'),
    // Scored but not (yet) recognised: it changes nothing.
    decided('p', null, '2022-12-01'),
  ]

  it('has none before the first decision', () => {
    expect(rankOn(history, '2019-11-04')).toBeUndefined()
    expect(rankOn([], '2020-01-01')).toBeUndefined()
  })

  it('follows each decision from its date, including a downgrade after an upgrade', () => {
    expect(rankOn(history, '2019-11-05')?.stars).toBe(3)
    expect(rankOn(history, '2021-05-09')?.stars).toBe(3)
    expect(rankOn(history, '2021-05-10')?.stars).toBe(4)
    expect(rankOn(history, '2022-08-01')?.stars).toBe(3)
    expect(rankOn(history, '2022-08-01')?.evaluation.id).toBe('p@2022-08-01')
    expect(rankOn(history, '2023-01-01')?.stars).toBe(3)
  })

  it('does not depend on the order it is given', () => {
    expect(rankOn([...history].reverse(), '2021-06-01')?.stars).toBe(4)
  })

  it('reports the certificate status, and an expired one as no current rank', () => {
    const rank = rankOn(history, '2025-07-01')
    expect(rank?.expiryDate).toBe('2025-07-31')
    expect(rank?.status).toBe('expiring-30')
    expect(isCurrentRank(rank)).toBe(true)
    const lapsed = rankOn(history, '2025-08-01')
    expect(lapsed?.status).toBe('expired')
    expect(lapsed?.stars).toBe(3)
    expect(isCurrentRank(lapsed)).toBe(false)
  })

  it('keeps a 1★-2★ result without a certificate for 36 months, then lets it lapse', () => {
    const rank = rankOn([decided('q', 2, '2018-10-01')], '2021-09-30')
    expect(rank?.stars).toBe(2)
    expect(rank?.status).toBe('none')
    expect(rank?.standsUntil).toBe('2021-09-30')
    expect(isCurrentRank(rank)).toBe(true)
    const lapsed = rankOn([decided('q', 2, '2018-10-01')], '2021-10-01')
    expect(lapsed?.stars).toBe(2)
    expect(isCurrentRank(lapsed)).toBe(false)
  })
})

describe('products by star', () => {
  it('counts current stars and puts lapsed and unranked products under none', () => {
    const products = ['s3', 's4', 's2', 'lapsed', 'idea'].map((id) => product(id))
    const index = new EvaluationIndex([
      decided('s3', 3, '2020-06-15'),
      decided('s4', 3, '2019-11-05'),
      decided('s4', 4, '2020-10-01'),
      decided('s2', 2, '2020-06-15'),
      decided('lapsed', 4, '2017-06-01'),
    ])
    const view = productsByStar(products, index, '2020-12-31')
    expect(view.counts).toEqual({ 1: 0, 2: 1, 3: 1, 4: 1, 5: 0, none: 2 })
    expect(view.ocop).toBe(2)
    expect(view.products.none.map((r) => r.product.id)).toEqual(['lapsed', 'idea'])
    expect(view.products.none[0]?.rank?.status).toBe('expired')
    expect(view.products[4][0]?.rank?.evaluation.id).toBe('s4@2020-10-01')
    // A year earlier the upgrade had not happened and the 2017 certificate was still valid.
    expect(productsByStar(products, index, '2019-12-31').counts).toEqual({
      1: 0,
      2: 0,
      3: 1,
      4: 1,
      5: 0,
      none: 3,
    })
  })
})

describe('year against year', () => {
  const products = [
    'new',
    'upgraded',
    'downgraded',
    'expired',
    'unchanged',
    'renewed',
    'two-to-three',
    'never',
    'lapsed-long-ago',
  ].map((id) => product(id))
  const index = new EvaluationIndex([
    decided('new', 3, '2020-06-15'),
    decided('upgraded', 3, '2019-11-05'),
    decided('upgraded', 4, '2020-10-01'),
    decided('downgraded', 4, '2019-11-05'),
    decided('downgraded', 3, '2020-10-01'),
    decided('expired', 3, '2017-11-20'), // valid through 2020-11-19
    decided('unchanged', 4, '2019-11-05'),
    decided('renewed', 3, '2017-12-01'),
    decided('renewed', 3, '2020-11-20'),
    decided('two-to-three', 2, '2019-06-01'),
    decided('two-to-three', 3, '2020-06-01'),
    decided('lapsed-long-ago', 3, '2015-01-01'),
    decided('never', null, '2020-06-15'),
  ])

  it('classifies each product between 31/12/2019 and 31/12/2020', () => {
    const comparison = compareYears(products, index, 2019, 2020)
    const change = Object.fromEntries(comparison.changes.map((c) => [c.product.id, c.change]))
    expect(change).toEqual({
      new: 'new',
      upgraded: 'upgraded',
      downgraded: 'downgraded',
      expired: 'expired',
      unchanged: 'unchanged',
      renewed: 'unchanged',
      'two-to-three': 'upgraded',
    })
    expect(comparison.counts).toEqual({
      new: 1,
      upgraded: 2,
      downgraded: 1,
      expired: 1,
      revoked: 0,
      unchanged: 2,
    })
    const expired = comparison.changes.find((c) => c.product.id === 'expired')
    expect(expired?.after?.status).toBe('expired')
    expect(expired?.after?.expiryDate).toBe('2020-11-19')
  })

  it('reads the other way round when the years are swapped', () => {
    const counts = compareYears(products, index, 2020, 2019).counts
    expect(counts.new).toBe(1) // the lapsed one was still standing in 2019
    expect(counts.expired).toBe(1) // "new" had no rank in 2019
    expect(counts.upgraded).toBe(1) // the downgrade, reversed
    expect(counts.downgraded).toBe(2)
  })
})

describe('certificates expiring and expired', () => {
  const date = '2024-06-01'
  // Decision dates whose certificates end the given number of days after 2024-06-01.
  const decidedFor = (daysLeft: number, id: string, stars = 3): Evaluation => {
    const end = new Date(Date.UTC(2024, 5, 1 + daysLeft + 1))
    const start = new Date(Date.UTC(end.getUTCFullYear() - 3, end.getUTCMonth(), end.getUTCDate()))
    return decided(id, stars, start.toISOString().slice(0, 10))
  }
  const evaluations = [
    decidedFor(0, 'today'),
    decidedFor(30, 'd30'),
    decidedFor(31, 'd31'),
    decidedFor(90, 'd90'),
    decidedFor(91, 'd91'),
    decidedFor(10, 'd10', 4),
    decidedFor(-1, 'yesterday'),
    decidedFor(-400, 'long-ago'),
    decidedFor(-5, 'renewed'),
    decided('renewed', 3, '2024-05-20'),
    decided('two-star', 2, '2019-01-01'),
  ]
  const products = [...new Set(evaluations.map((e) => e.productId))].map((id) =>
    product(id, null, id === 'd10' ? 'htx-1' : null),
  )

  it('lists them by urgency, sorted by expiry date, with the owner', () => {
    const view = expiringCertificates(products, new EvaluationIndex(evaluations), date, [
      producer('htx-1', 'HTX Tương Bần'),
    ])
    const ids = (list: { product: { id: string } }[]) => list.map((e) => e.product.id)
    expect(ids(view.expiring30)).toEqual(['today', 'd10', 'd30'])
    expect(ids(view.expiring90)).toEqual(['d31', 'd90'])
    expect(ids(view.expired)).toEqual(['long-ago', 'yesterday'])
    expect(view.expiring30.map((e) => e.daysLeft)).toEqual([0, 10, 30])
    expect(view.expired.map((e) => e.daysLeft)).toEqual([-400, -1])
    expect(view.expiring30[1]?.producer?.name).toBe('HTX Tương Bần')
    expect(view.expiring30[1]?.rank.stars).toBe(4)
  })
})

describe('at the scale of a province', () => {
  it('ranks 10,000 products with 50,000 evaluations in one pass per view', () => {
    const units = myHaoUnits()
    const unitIds = units.map((u) => u.id)
    const products = Array.from({ length: 10_000 }, (_, i) =>
      product(`sp${i}`, unitIds[i % unitIds.length] ?? null),
    )
    const evaluations: Evaluation[] = []
    for (let i = 0; i < 50_000; i++) {
      const year = 2018 + (i % 8)
      const day = String(1 + (i % 28)).padStart(2, '0')
      evaluations.push(
        decided(`sp${i % 10_000}`, 1 + (i % 5), `${year}-06-${day}`, { id: `e${i}`, year }),
      )
    }
    const started = performance.now()
    const index = new EvaluationIndex(evaluations)
    const byStar = productsByStar(products, index, '2025-07-01')
    const matrix = unitStarMatrix(products, index, units, '2025-07-01')
    const years = compareYears(products, index, 2024, 2025)
    const expiring = expiringCertificates(products, index, '2025-07-01')
    const elapsed = performance.now() - started

    const total = Object.values(byStar.counts).reduce((sum, n) => sum + n, 0)
    expect(total).toBe(10_000)
    expect(matrix.total).toBe(byStar.ocop)
    expect(matrix.rows).toHaveLength(3)
    expect(years.changes.length).toBeGreaterThan(0)
    expect(expiring.expired.length + expiring.expiring30.length).toBeGreaterThan(0)
    // Generous: a view that searched every evaluation per product would take many seconds.
    expect(elapsed).toBeLessThan(2000)
  })
})
