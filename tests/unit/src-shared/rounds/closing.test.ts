import { describe, expect, it } from 'vitest'
import { closingOutcome } from '@shared/rounds/closing'
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
    expect(closingOutcome(qd1048, 'huyen', 5)).toEqual({ kind: 'propose', to: 'trung-uong' })
    expect(closingOutcome(qd1048, 'tinh', 4)).toEqual({ kind: 'recognise' })
    expect(closingOutcome(qd1048, 'tinh', 5)).toEqual({ kind: 'propose', to: 'trung-uong' })
  })

  it('under QĐ 148 a district recognises 3★ and forwards 4★ to the province', () => {
    const qd148 = set('qd-148')
    expect(closingOutcome(qd148, 'huyen', 3)).toEqual({ kind: 'recognise' })
    expect(closingOutcome(qd148, 'huyen', 4)).toEqual({ kind: 'propose', to: 'tinh' })
    expect(closingOutcome(qd148, 'tinh', 4)).toEqual({ kind: 'recognise' })
    expect(closingOutcome(qd148, 'tinh', 3)).toEqual({ kind: 'recognise' })
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
