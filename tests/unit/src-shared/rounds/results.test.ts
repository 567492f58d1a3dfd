import { describe, expect, it } from 'vitest'
import {
  DEFAULT_COUNCIL_RULES,
  productResult,
  roundScore,
  type CouncilMember,
  type ScoreSheet,
} from '@shared/rounds/results'

// QĐ 148's parts and the thresholds every set in the app uses.
const set148 = {
  parts: [
    { code: 'A', name: 'Phần A', max: 40 },
    { code: 'B', name: 'Phần B', max: 25 },
    { code: 'C', name: 'Phần C', max: 35 },
  ],
  starThresholds: [30, 50, 70, 90],
}
const members: CouncilMember[] = [
  { id: 'chair', role: 'chu-tich' },
  { id: 'vice', role: 'pho-chu-tich' },
  { id: 'secretary', role: 'uy-vien-thu-ky' },
  { id: 'member', role: 'uy-vien' },
]
const sheet = (memberId: string, A: number, B: number, C: number, pass = 1): ScoreSheet => ({
  memberId,
  pass,
  parts: { A, B, C },
})
/** Every member gives the same parts: the average is their sum. */
const everyone = (A: number, B: number, C: number) => members.map((m) => sheet(m.id, A, B, C))
const result = (sheets: ScoreSheet[], mandatoryMissedFrom: number | null = null) =>
  productResult(set148, members, sheets, DEFAULT_COUNCIL_RULES, mandatoryMissedFrom)

describe('a product’s result from its members’ sheets', () => {
  it('averages each part and the total over the members', () => {
    const r = result([
      sheet('chair', 30, 20, 25),
      sheet('vice', 28, 18, 24),
      sheet('secretary', 31, 19, 26),
      sheet('member', 29, 21, 25),
    ])
    expect(r.members.map((m) => m.total)).toEqual([75, 70, 76, 75])
    expect(r.average).toEqual({ parts: { A: 29.5, B: 19.5, C: 25 }, total: 74 })
    expect(r.stars).toBe(4)
    expect(r.messages).toEqual([])
  })

  it('shows averages to two decimals but takes the stars from the unrounded average', () => {
    // Totals 69.99, 70, 70, 69.99: the average 69.995 shows as 70.00 and is still 3★.
    const r = result([
      sheet('chair', 30, 20, 19.99),
      sheet('vice', 30, 20, 20),
      sheet('secretary', 30, 20, 20),
      sheet('member', 30, 20, 19.99),
    ])
    expect(r.average.total).toBe(70)
    expect(r.stars).toBe(3)
    expect(roundScore(69.995, 2)).toBe(70)
    expect(roundScore(0.1 + 0.2, 2)).toBe(0.3)
    expect(roundScore(74.125, 1)).toBe(74.1)
  })

  it.each([
    [29.9, 1],
    [30, 2],
    [49.9, 2],
    [50, 3],
    [69.9, 3],
    [70, 4],
    [89.9, 4],
    [90, 5],
    [100, 5],
  ])('gives a total of %d the set’s stars: %i★', (total, stars) => {
    // A of the total, the rest 0: the thresholds, not the parts, decide.
    const A = Math.min(total, 40)
    const B = Math.min(total - A, 25)
    const C = Math.round((total - A - B) * 10) / 10
    expect(result(everyone(A, B, C)).stars).toBe(stars)
  })

  it('caps the stars below the level whose mandatory criterion the council found missed', () => {
    const r = result(everyone(35, 20, 25), 4)
    expect(r.average.total).toBe(80)
    expect(r.stars).toBe(3)
    expect(r.messages).toEqual([{ code: 'capped', fromStars: 4, computedStars: 4 }])
    // 55 points and a 3★ criterion missed: not an OCOP product, whatever the points.
    expect(result(everyone(25, 15, 15), 3).stars).toBe(2)
    // A cap above the computed stars changes nothing.
    expect(result(everyone(25, 15, 15), 5)).toMatchObject({ stars: 3, messages: [] })
  })

  it('names the members who have not scored every part, and averages the others', () => {
    const r = result([
      sheet('chair', 30, 20, 25),
      sheet('vice', 30, 20, 25),
      sheet('secretary', 30, 20, 25),
      { memberId: 'member', pass: 1, parts: { A: 30, B: null } },
    ])
    expect(r.members[3]).toEqual({
      memberId: 'member',
      parts: { A: 30, B: null, C: null },
      total: null,
    })
    expect(r.average.total).toBe(75)
    expect(r.messages).toEqual([{ code: 'missing', memberIds: ['member'] }])
  })

  it('flags totals further apart than the rules allow, and reads a re-scoring’s pass', () => {
    const first = [
      sheet('chair', 30, 20, 25), // 75
      sheet('vice', 30, 20, 15), // 65: exactly 10 below, allowed
      sheet('secretary', 30, 20, 25),
      sheet('member', 30, 20, 14.5), // 64.5: 10.5 below
    ]
    expect(result(first).messages).toEqual([{ code: 'spread', difference: 10.5, max: 10 }])
    expect(result(first.slice(0, 3).concat(sheet('member', 30, 20, 20))).messages).toEqual([])

    // The council re-scores: the second pass is the result, the first stays as it was scored.
    const rescored = [...first, ...everyone(30, 20, 22).map((s) => ({ ...s, pass: 2 }))]
    const r = result(rescored)
    expect(r.pass).toBe(2)
    expect(r.average.total).toBe(72)
    expect(r.messages).toEqual([])
    expect(rescored.filter((s) => s.pass === 1)).toHaveLength(4)
  })

  it('needs three quarters of the members, the chair among them', () => {
    const nine: CouncilMember[] = [
      { id: 'chair', role: 'chu-tich' },
      ...Array.from({ length: 8 }, (_, i) => ({ id: `m${i}`, role: 'uy-vien' as const })),
    ]
    const scored = (ids: string[]) =>
      productResult(
        set148,
        nine,
        ids.map((id) => sheet(id, 30, 20, 25)),
        DEFAULT_COUNCIL_RULES,
      ).messages.filter((m) => m.code !== 'missing')
    // 9 members: 3/4 is 6.75, so 7 must have scored.
    expect(scored(['chair', 'm0', 'm1', 'm2', 'm3', 'm4', 'm5'])).toEqual([])
    expect(scored(['chair', 'm0', 'm1', 'm2', 'm3', 'm4'])).toEqual([
      { code: 'no-quorum', scored: 6, required: 7 },
    ])
    expect(scored(['m0', 'm1', 'm2', 'm3', 'm4', 'm5', 'm6'])).toEqual([{ code: 'no-chair' }])
    // Rules without the chair's condition, and with two thirds.
    const lenient = { ...DEFAULT_COUNCIL_RULES, quorumShare: 2 / 3, quorumNeedsChair: false }
    const sheets = ['m0', 'm1', 'm2', 'm3', 'm4', 'm5'].map((id) => sheet(id, 30, 20, 25))
    expect(
      productResult(set148, nine, sheets, lenient).messages.filter((m) => m.code !== 'missing'),
    ).toEqual([])
  })

  it('has no average and no stars before anyone has scored', () => {
    const r = result([])
    expect(r.average).toEqual({ parts: { A: null, B: null, C: null }, total: null })
    expect(r.stars).toBeNull()
  })
})
