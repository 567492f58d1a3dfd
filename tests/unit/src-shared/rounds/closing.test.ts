import { describe, expect, it } from 'vitest'
import { closingOutcome, levelRecognises, closingPlan } from '@shared/rounds/closing'
import type { RoundBundle } from '@shared/rounds/round-data'
import { roundRecords } from '../../support/round-records'
import { criteriaSetOn, loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import shipped from '../../../../resources/catalogues/criteria-sets.json'

const sets = new Map(
  loadBuiltInCriteriaSets(shipped, '2026-01-01T00:00:00.000Z').map((s) => [s.id, s]),
)
const set = (id: string) => sets.get(id)!

describe('closing a round: recognitions, proposals and plain results', () => {
  it('under QĐ 1048 a district council scores and forwards 3★ and up to the province', () => {
    const qd1048 = set('qd-1048')
    expect(closingOutcome(qd1048, 'huyen', 3)).toEqual({ kind: 'propose', to: 'tinh' })
    expect(closingOutcome(qd1048, 'huyen', 4)).toEqual({ kind: 'propose', to: 'tinh' })
    // The province scores 5★ candidates again before it sends them to the centre.
    expect(closingOutcome(qd1048, 'huyen', 5)).toEqual({ kind: 'propose', to: 'tinh' })
    expect(closingOutcome(qd1048, 'tinh', 4)).toEqual({ kind: 'recognise' })
    expect(closingOutcome(qd1048, 'tinh', 5)).toEqual({ kind: 'propose', to: 'trung-uong' })
  })

  it('under QĐ 148 a district recognises 3★ and forwards 4★ to the province', () => {
    const qd148 = set('qd-148')
    expect(closingOutcome(qd148, 'huyen', 3)).toEqual({ kind: 'recognise' })
    expect(closingOutcome(qd148, 'huyen', 4)).toEqual({ kind: 'propose', to: 'tinh' })
    expect(closingOutcome(qd148, 'tinh', 4)).toEqual({ kind: 'recognise' })
    expect(closingOutcome(qd148, 'tinh', 3)).toEqual({ kind: 'recognise' })
    expect(closingOutcome(qd148, 'huyen', 5)).toEqual({ kind: 'propose', to: 'tinh' })
  })

  it('lets a decision recognise only the ranks its level recognises under the set', () => {
    const qd148 = set('qd-148')
    expect(levelRecognises(qd148, 'huyen', 3)).toBe(true)
    expect(levelRecognises(qd148, 'tinh', 4)).toBe(true)
    expect(levelRecognises(qd148, 'tinh', 5)).toBe(false)
    expect(levelRecognises(qd148, 'trung-uong', 5)).toBe(true)
  })

  it('from 6/7/2025 a commune review forwards everything, the province recognises 3★-4★', () => {
    const amended = set('qd-148-sd-1489')
    expect(closingOutcome(amended, 'xa', 3)).toEqual({ kind: 'propose', to: 'tinh' })
    expect(closingOutcome(amended, 'tinh', 3)).toEqual({ kind: 'recognise' })
    expect(closingOutcome(amended, 'tinh', 5)).toEqual({ kind: 'propose', to: 'trung-uong' })
  })

  it('records a 1★ or 2★ result at any level, with nothing to recognise or forward', () => {
    for (const id of ['qd-1048', 'qd-148', 'qd-148-sd-1489']) {
      expect(closingOutcome(set(id), 'huyen', 2)).toEqual({ kind: 'result' })
      expect(closingOutcome(set(id), 'tinh', 1)).toEqual({ kind: 'result' })
    }
  })

  it('follows the set in force on the meeting date when the rules changed that week', () => {
    const all = [...sets.values()]
    const before = criteriaSetOn('2023-02-23', all)!
    const after = criteriaSetOn('2023-02-24', all)!
    expect([before.id, after.id]).toEqual(['qd-1048', 'qd-148'])
    expect(closingOutcome(before, 'huyen', 3)).toEqual({ kind: 'propose', to: 'tinh' })
    expect(closingOutcome(after, 'huyen', 3)).toEqual({ kind: 'recognise' })
  })
})

describe('what closing would do with each product, and what keeps the round open', () => {
  function bundleOf(records: ReturnType<typeof roundRecords>): RoundBundle {
    return { ...records, set: set('qd-1048'), sheets: [] }
  }
  const records = () =>
    roundRecords({
      criteriaSetId: 'qd-1048',
      products: ['sp1', 'sp2', 'sp3'],
      scores: [
        [
          [20, 15, 20],
          [20, 15, 20],
          [20, 15, 20],
        ],
        [
          [25, 20, 30],
          [25, 20, 30],
          [25, 20, 30],
        ],
        [null, null, null],
      ],
    })

  it('gives each scored product its stars and outcome, and names a product nobody scored', () => {
    const plan = closingPlan(bundleOf(records()))
    expect(plan.lines.map((line) => [line.stars, line.outcome, line.problems])).toEqual([
      [3, { kind: 'propose', to: 'tinh' }, []],
      [4, { kind: 'propose', to: 'tinh' }, []],
      [null, null, [{ code: 'no-result' }]],
    ])
    expect(plan.ready).toBe(false)
  })

  it('closes on the stars a mandatory criterion capped, and refuses a dossier scored without its reason', () => {
    const round = records()
    round.entries = round.entries.slice(0, 2)
    round.entries[1] = { ...round.entries[1]!, mandatoryMissedFrom: 4 }
    expect(closingPlan(bundleOf(round)).lines[1]).toMatchObject({
      stars: 3,
      outcome: { kind: 'propose', to: 'tinh' },
      problems: [],
    })
    round.entries[0] = {
      ...round.entries[0]!,
      dossier: { ...round.entries[0]!.dossier, 'san-pham-mau': 'thieu' },
    }
    const plan = closingPlan(bundleOf(round))
    expect(plan.lines[0]!.problems).toEqual([
      { code: 'dossier-incomplete', missing: ['Sản phẩm mẫu'] },
    ])
    expect(plan.ready).toBe(false)
    round.entries[0] = { ...round.entries[0], overrideReason: 'Mẫu gửi sau, Hội đồng đồng ý chấm' }
    expect(closingPlan(bundleOf(round)).ready).toBe(true)
  })

  it('is never ready for a round closed already or without products', () => {
    const closed = records()
    closed.round = { ...closed.round, status: 'closed' }
    closed.entries = closed.entries.slice(0, 2)
    expect(closingPlan(bundleOf(closed))).toMatchObject({ closed: true, ready: false })
    const empty = records()
    empty.entries = []
    expect(closingPlan(bundleOf(empty))).toMatchObject({ closed: false, lines: [], ready: false })
  })
})
