import { describe, expect, it } from 'vitest'
import type { Evaluation } from '@shared/db/records'
import { productTimeline as timelineUnder } from '@shared/domain/product-timeline'
import { DEFAULT_RANKING_RULES } from '@shared/domain/ranking-rules'
import { decided } from './ranking-fixtures'

const productTimeline = (evaluations: readonly Evaluation[], asOf: string) =>
  timelineUnder(evaluations, asOf, DEFAULT_RANKING_RULES)

const history = [
  decided('p', 3, '2019-11-05'), // valid through 2022-11-04
  decided('p', 4, '2021-05-10'), // nâng hạng; valid through 2024-05-09
  decided('p', 3, '2022-08-01'), // lowered at re-evaluation; valid through 2025-07-31
  decided('p', null, '2023-03-01'), // scored, not recognised
  decided('p', 3, '2025-09-01'), // decided a month after the certificate ran out
  decided('p', 5, '2027-01-01'), // after "today": not history yet
]

describe('a product’s star history', () => {
  it('lists new, upgraded, downgraded, expired and re-evaluated in date order', () => {
    const events = productTimeline(history, '2026-01-01')
    expect(events.map((e) => [e.kind, e.date, e.stars, e.previousStars])).toEqual([
      ['new', '2019-11-05', 3, null],
      ['upgraded', '2021-05-10', 4, 3],
      ['downgraded', '2022-08-01', 3, 4],
      ['expired', '2025-07-31', 3, null],
      ['re-evaluated', '2025-09-01', 3, 3],
    ])
    expect(events[3]?.evaluationId).toBe('p@2022-08-01')
    const dates = events.map((e) => e.date)
    expect(dates).toEqual([...dates].sort())
  })

  it('ends with an expiry once the last certificate has run out', () => {
    const events = productTimeline(history.slice(0, 3), '2025-08-01')
    expect(events.at(-1)).toMatchObject({ kind: 'expired', date: '2025-07-31', stars: 3 })
    expect(productTimeline(history.slice(0, 3), '2025-07-31').at(-1)?.kind).toBe('downgraded')
  })

  it('has no expiry when a renewal is decided on the certificate’s last day', () => {
    const renewed = [decided('q', 3, '2020-01-31'), decided('q', 4, '2023-01-30')]
    expect(productTimeline(renewed, '2024-01-01').map((e) => e.kind)).toEqual(['new', 'upgraded'])
    const late = [decided('q', 3, '2020-01-31'), decided('q', 4, '2023-01-31')]
    expect(productTimeline(late, '2024-01-01').map((e) => e.kind)).toEqual([
      'new',
      'expired',
      'upgraded',
    ])
  })

  it('is the same whatever order the evaluations come in, and empty without a decision', () => {
    expect(productTimeline([...history].reverse(), '2026-01-01')).toEqual(
      productTimeline(history, '2026-01-01'),
    )
    expect(productTimeline([decided('r', null, null)], '2026-01-01')).toEqual([])
  })

  it('shows a 1★-2★ result lapsing after the office’s months, unless a new result comes first', () => {
    const twoStars = [decided('s', 2, '2018-10-01')]
    expect(productTimeline(twoStars, '2021-09-30').map((e) => e.kind)).toEqual(['new'])
    expect(productTimeline(twoStars, '2021-10-01').at(-1)).toMatchObject({
      kind: 'expired',
      date: '2021-09-30',
      stars: 2,
    })
    const upgraded = [...twoStars, decided('s', 3, '2020-06-01')]
    expect(productTimeline(upgraded, '2022-01-01').map((e) => e.kind)).toEqual(['new', 'upgraded'])
    expect(timelineUnder(twoStars, '2020-01-01', { lowStarResultMonths: 12 }).at(-1)).toMatchObject(
      { kind: 'expired', date: '2019-09-30' },
    )
  })
})
