import { describe, expect, it } from 'vitest'
import type { Evaluation } from '@shared/db/records'
import { addDays } from '@shared/domain/certificates'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { productStatusOn, type ProductStatus } from '@shared/domain/product-status'
import { DEFAULT_RANKING_RULES, type RankingRules } from '@shared/domain/ranking-rules'
import { inResultOrder } from '@shared/domain/rankings'
import { decided } from './ranking-fixtures'

const statusOn = (
  evaluations: readonly Evaluation[],
  date: string,
  rules: RankingRules = DEFAULT_RANKING_RULES,
) => {
  const { kind, stars } = productStatusOn(inResultOrder(evaluations), date, rules)
  return stars === null ? kind : `${kind} ${stars}★`
}

/** The status on every day from `from` to `to`, as the first day of each run of equal statuses. */
function statusRuns(evaluations: readonly Evaluation[], from: string, to: string) {
  const runs: [string, string][] = []
  for (let day = from; day <= to; day = addDays(day, 1)) {
    const status = statusOn(evaluations, day)
    if (runs.at(-1)?.[1] !== status) runs.push([day, status])
  }
  return runs
}

describe('a 1★-2★ result lapses after the office’s months', () => {
  const twoStars = [decided('p', 2, '2018-10-01')]

  it('stands through the day before the 36-month anniversary of its decision', () => {
    expect(statusOn(twoStars, '2018-09-30')).toBe('chua-danh-gia')
    expect(statusOn(twoStars, '2018-10-01')).toBe('da-danh-gia 2★')
    expect(statusOn(twoStars, '2021-09-30')).toBe('da-danh-gia 2★')
    expect(statusOn(twoStars, '2021-10-01')).toBe('het-han 2★')
  })

  it('counts from the evaluation day without a decision, else from 31/12 of its year', () => {
    const undecided = decided('p', 2, null, { evaluatedOn: '2019-03-15', year: 2019 })
    expect(statusOn([undecided], '2019-03-15')).toBe('da-danh-gia 2★')
    expect(statusOn([undecided], '2022-03-14')).toBe('da-danh-gia 2★')
    expect(statusOn([undecided], '2022-03-15')).toBe('het-han 2★')
    const yearOnly = decided('p', 1, null, { evaluatedOn: null, year: 2019 })
    expect(statusOn([yearOnly], '2019-12-30')).toBe('chua-danh-gia')
    expect(statusOn([yearOnly], '2019-12-31')).toBe('da-danh-gia 1★')
    expect(statusOn([yearOnly], '2022-12-30')).toBe('da-danh-gia 1★')
    expect(statusOn([yearOnly], '2022-12-31')).toBe('het-han 1★')
  })

  it('follows the months the office set', () => {
    const rules = { lowStarResultMonths: 12 }
    expect(statusOn(twoStars, '2019-09-30', rules)).toBe('da-danh-gia 2★')
    expect(statusOn(twoStars, '2019-10-01', rules)).toBe('het-han 2★')
  })

  it('is replaced by a later result, and its months start again from that one', () => {
    const lowered = [...twoStars, decided('p', 1, '2020-03-01')]
    expect(statusOn(lowered, '2020-02-29')).toBe('da-danh-gia 2★')
    expect(statusOn(lowered, '2020-03-01')).toBe('da-danh-gia 1★')
    // The first result's months would have ended on 30/09/2021.
    expect(statusOn(lowered, '2021-10-01')).toBe('da-danh-gia 1★')
    expect(statusOn(lowered, '2023-02-28')).toBe('da-danh-gia 1★')
    expect(statusOn(lowered, '2023-03-01')).toBe('het-han 1★')
  })

  it('gives way to a 3★ recognition on the day of its decision, and is never an OCOP product', () => {
    const raised = [...twoStars, decided('p', 3, '2020-06-01')]
    expect(statusOn(raised, '2020-05-31')).toBe('da-danh-gia 2★')
    expect(statusOn(raised, '2020-06-01')).toBe('dat-ocop 3★')
    expect(
      productStatusOn(inResultOrder(raised), '2020-06-01', DEFAULT_RANKING_RULES).rank?.evaluation
        .id,
    ).toBe('p@2020-06-01')
  })
})

describe('the status on every date of a product’s history', () => {
  it('changes only where a result starts, nears its end or stops standing', () => {
    const history = [
      decided('p', 2, '2018-10-01'),
      decided('p', 3, '2020-06-01'), // certificate through 31/05/2023
      decided('p', 2, '2023-09-01'), // re-evaluated after the lapse: lowered to 2★
    ]
    expect(statusRuns(history, '2018-01-01', '2027-12-31')).toEqual([
      ['2018-01-01', 'chua-danh-gia'],
      ['2018-10-01', 'da-danh-gia 2★'],
      ['2020-06-01', 'dat-ocop 3★'],
      // 90 days before the certificate's last day, 31/05/2023.
      ['2023-03-02', 'sap-het-han 3★'],
      ['2023-06-01', 'het-han 3★'],
      ['2023-09-01', 'da-danh-gia 2★'],
      // A 2★ result gets no warning before it lapses: no certificate, no notice.
      ['2026-09-01', 'het-han 2★'],
    ])
  })

  it('ends a 3★ certificate and a 2★ result decided the same day on the same day', () => {
    const three = [decided('a', 3, '2019-11-05')]
    const two = [decided('b', 2, '2019-11-05')]
    expect(statusOn(three, '2022-11-04')).toBe('sap-het-han 3★')
    expect(statusOn(two, '2022-11-04')).toBe('da-danh-gia 2★')
    expect(statusOn(three, '2022-11-05')).toBe('het-han 3★')
    expect(statusOn(two, '2022-11-05')).toBe('het-han 2★')
  })
})

describe('evaluations that give no result yet', () => {
  it('count as evaluated, without stars, for the office’s months', () => {
    const scored = decided('p', null, null, { evaluatedOn: '2021-04-01', year: 2021, total: 62 })
    expect(statusOn([scored], '2021-03-31')).toBe('chua-danh-gia')
    expect(statusOn([scored], '2021-04-01')).toBe('da-danh-gia')
    expect(statusOn([scored], '2024-03-31')).toBe('da-danh-gia')
    expect(statusOn([scored], '2024-04-01')).toBe('het-han')
  })

  it('do not make a 3★ without its decision an OCOP product', () => {
    const imported = decided('p', 3, null, { evaluatedOn: null, year: 2020 })
    expect(statusOn([imported], '2021-01-01')).toBe('da-danh-gia')
  })

  it('are waited for after an expired certificate, but leave a standing one as it is', () => {
    const history = [
      decided('p', 3, '2019-11-05'),
      decided('p', null, null, { id: 'p-2022', evaluatedOn: '2022-12-01', year: 2022 }),
    ]
    expect(statusOn(history, '2022-10-01')).toBe('sap-het-han 3★')
    expect(statusOn(history, '2022-11-05')).toBe('het-han 3★')
    expect(statusOn(history, '2022-12-01')).toBe('da-danh-gia')
  })
})

describe('the evaluation index', () => {
  const evaluations = [decided('p', 2, '2018-10-01'), decided('q', 4, '2021-05-10')]

  it('gives each product the status productStatusOn gives, kept per date', () => {
    const index = new EvaluationIndex(evaluations)
    const first: ProductStatus = index.statusOn('p', '2020-01-01')
    expect(first).toEqual(productStatusOn(index.evaluationsOf('p'), '2020-01-01', index.rules))
    expect(index.statusOn('p', '2020-01-01')).toBe(first)
    expect(index.rankOn('q', '2022-01-01')?.stars).toBe(4)
    expect(index.statusOn('nobody', '2022-01-01')).toMatchObject({ kind: 'chua-danh-gia' })
  })

  it('reads the register under the rules it was built with', () => {
    const short = new EvaluationIndex(evaluations, { lowStarResultMonths: 12 })
    expect(short.statusOn('p', '2020-01-01').kind).toBe('het-han')
    expect(new EvaluationIndex(evaluations).statusOn('p', '2020-01-01').kind).toBe('da-danh-gia')
  })
})
