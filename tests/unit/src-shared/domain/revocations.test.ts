import { describe, expect, it } from 'vitest'
import type { Evaluation, Revocation, RevocationLine } from '@shared/db/records'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { PlanMeasurer } from '@shared/domain/plans'
import { productTimeline } from '@shared/domain/product-timeline'
import { DEFAULT_RANKING_RULES } from '@shared/domain/ranking-rules'
import { compareYears, expiringCertificates, productsByStar } from '@shared/domain/rankings'
import { draftRevocation } from '@shared/domain/revocations'
import { decided, product } from './ranking-fixtures'

const at = '2026-01-01T00:00:00.000Z'

function revocation(
  date: string,
  lines: Pick<RevocationLine, 'productId' | 'evaluationId'>[],
  extra: Partial<Revocation> = {},
): Revocation {
  return {
    id: `rev-${date}`,
    number: `${date.slice(0, 4)}/QĐ-UBND`,
    date,
    signer: 'Ủy ban nhân dân tỉnh Hưng Yên',
    issuer: 'higher',
    level: 'tinh',
    lines: lines.map((line) => ({ ...line, reason: 'het-han', reasonText: '' })),
    note: '',
    createdAt: at,
    updatedAt: at,
    ...extra,
  }
}

// A 2018 certificate (last valid day 2021-03-14) revoked on 2021-06-01, recognised again in 2023.
const certificate2018 = decided('p', 3, '2018-03-15')
const recognised2023 = decided('p', 4, '2023-09-01')
const revoked2021 = revocation('2021-06-01', [{ productId: 'p', evaluationId: certificate2018.id }])

describe('a revocation takes effect on its date', () => {
  // Revoked while its certificate still stood: the expiry would only have come later.
  const early = revocation('2020-06-01', [{ productId: 'p', evaluationId: certificate2018.id }])
  const index = new EvaluationIndex([certificate2018, recognised2023], DEFAULT_RANKING_RULES, [
    early,
  ])

  it('changes nothing the day before', () => {
    const status = index.statusOn('p', '2020-05-31')
    expect(status.kind).toBe('dat-ocop')
    expect(status.rank?.current).toBe(true)
    expect(status.rank?.revoked).toBeNull()
  })

  it('takes the rank away on the day of the decision, told apart from an expiry', () => {
    const status = index.statusOn('p', '2020-06-01')
    expect(status.kind).toBe('bi-thu-hoi')
    expect(status.stars).toBe(3)
    expect(status.rank?.current).toBe(false)
    expect(status.rank?.status).toBe('revoked')
    expect(status.rank?.revoked?.decision.number).toBe('2020/QĐ-UBND')
    // After the certificate's own last day it is still revoked, not merely expired.
    expect(index.statusOn('p', '2022-01-01').kind).toBe('bi-thu-hoi')
  })

  it('ranks the product again from a later recognition', () => {
    const status = index.statusOn('p', '2023-09-01')
    expect(status.kind).toBe('dat-ocop')
    expect(status.stars).toBe(4)
    expect(status.rank?.revoked).toBeNull()
  })

  it('leaves a revoked product out of the star counts and the expiring list', () => {
    const products = [product('p'), product('q')]
    const other = decided('q', 3, '2018-03-15')
    const both = new EvaluationIndex([certificate2018, other], DEFAULT_RANKING_RULES, [
      revocation('2020-06-01', [{ productId: 'p', evaluationId: certificate2018.id }]),
    ])
    const byStar = productsByStar(products, both, '2020-06-01')
    expect(byStar.ocop).toBe(1)
    expect(byStar.products[3].map((r) => r.product.id)).toEqual(['q'])
    const expiring = expiringCertificates(products, both, '2021-03-01')
    expect(expiring.expiring30.map((c) => c.product.id)).toEqual(['q'])
  })

  it('counts the product as revoked, not expired, in the year comparison', () => {
    const products = [product('p'), product('q')]
    const other = decided('q', 3, '2018-03-15')
    const both = new EvaluationIndex([certificate2018, other], DEFAULT_RANKING_RULES, [revoked2021])
    const comparison = compareYears(products, both, 2020, 2021)
    expect(comparison.counts).toMatchObject({ revoked: 1, expired: 1 })
    expect(comparison.changes.find((c) => c.change === 'revoked')?.product.id).toBe('p')
  })

  it('stops counting the product in a plan from the decision date', () => {
    const products = [product('p')]
    const measurer = new PlanMeasurer({
      products,
      index: new EvaluationIndex([certificate2018], DEFAULT_RANKING_RULES, [
        revocation('2020-06-01', [{ productId: 'p', evaluationId: certificate2018.id }]),
      ]),
      units: [],
    })
    expect(measurer.starsOn('p', '2020-05-31')).toBe(3)
    expect(measurer.starsOn('p', '2020-06-01')).toBe(0)
  })

  it('shows the revocation in the timeline after the expiry it followed', () => {
    const index = new EvaluationIndex([certificate2018], DEFAULT_RANKING_RULES, [revoked2021])
    const events = productTimeline([certificate2018], '2021-12-31', index.rules, index.revoked)
    expect(events.map((e) => [e.kind, e.date])).toEqual([
      ['new', '2018-03-15'],
      ['expired', '2021-03-14'],
      ['revoked', '2021-06-01'],
    ])
    expect(events.at(-1)?.revocation?.decision.number).toBe('2021/QĐ-UBND')
    // Not yet on a date before the decision.
    expect(
      productTimeline([certificate2018], '2021-05-31', index.rules, index.revoked).map(
        (e) => e.kind,
      ),
    ).toEqual(['new', 'expired'])
  })
})

describe('the draft of a revocation', () => {
  const draft = (
    evaluations: Evaluation[],
    date: string,
    daysExpired = 0,
    revs: Revocation[] = [],
  ) =>
    draftRevocation(
      [product('p')],
      new EvaluationIndex(evaluations, DEFAULT_RANKING_RULES, revs),
      date,
      { daysExpired },
    ).map((c) => [c.certificate.id, c.reason])

  // Last valid day 2021-03-14: expired from 2021-03-15.
  it('proposes a certificate expired exactly N days before the date, not one day less', () => {
    expect(draft([certificate2018], '2021-03-14')).toEqual([])
    expect(draft([certificate2018], '2021-03-15')).toEqual([[certificate2018.id, 'het-han']])
    expect(draft([certificate2018], '2021-04-14', 30)).toEqual([[certificate2018.id, 'het-han']])
    expect(draft([certificate2018], '2021-04-13', 30)).toEqual([])
  })

  it('leaves out an expired certificate followed by any evaluation, even one awaiting its result', () => {
    const awaiting = decided('p', null, null, {
      id: 'p-2021',
      year: 2021,
      evaluatedOn: '2021-02-01',
    })
    expect(draft([certificate2018, awaiting], '2021-06-01')).toEqual([])
  })

  it('proposes a certificate whose re-evaluation was recognised at 2 stars', () => {
    const twoStars = decided('p', 2, '2021-01-10', { kind: 'danh-gia-lai' })
    expect(draft([certificate2018, twoStars], '2021-01-10')).toEqual([
      [certificate2018.id, 'khong-dat'],
    ])
    expect(draft([certificate2018, twoStars], '2021-01-09')).toEqual([])
  })

  it('goes by the recognised stars: 55 points that missed a mandatory criterion fail', () => {
    const missed = decided('p', null, '2021-01-10', {
      kind: 'danh-gia-lai',
      total: 55,
      computedStars: 3,
    })
    expect(draft([certificate2018, missed], '2021-02-01')).toEqual([
      [certificate2018.id, 'khong-dat'],
    ])
  })

  it('leaves out a certificate renewed by a later recognition, or already revoked', () => {
    const renewed = decided('p', 3, '2021-03-01')
    expect(draft([certificate2018, renewed], '2021-06-01')).toEqual([])
    expect(draft([certificate2018], '2021-06-01', 0, [revoked2021])).toEqual([])
    // A decision dated after the draft's date has not taken effect on it.
    expect(draft([certificate2018], '2021-05-01', 0, [revoked2021])).toEqual([
      [certificate2018.id, 'het-han'],
    ])
  })
})
