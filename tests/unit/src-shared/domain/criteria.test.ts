import { describe, expect, it } from 'vitest'
import { criteriaSetSchema, type CriteriaSet } from '@shared/db/records'
import {
  builtInCriteriaNotes,
  builtInSetNeedsUpdate,
  checkCriteriaSetInput,
  checkPartScores,
  criteriaSetOn,
  isOcopStars,
  loadBuiltInCriteriaSets,
  recognisingLevel,
  starsDisagree,
  starsFromTotal,
  totalFromParts,
} from '@shared/domain/criteria'
import shipped from '../../../../resources/catalogues/criteria-sets.json'

const sets = loadBuiltInCriteriaSets(shipped, '2026-01-01T00:00:00.000Z')
const byId = (id: string) => {
  const set = sets.find((s) => s.id === id)
  if (!set) throw new Error(`no set ${id}`)
  return set
}
const maxima = (set: CriteriaSet) => Object.fromEntries(set.parts.map((p) => [p.code, p.max]))

describe('total and stars', () => {
  it('adds part scores, keeping decimals and dropping float noise', () => {
    expect(totalFromParts({ A: 25.5, B: 18, C: 30 })).toBe(73.5)
    expect(totalFromParts({ A: 29.5, B: 20, C: 20 })).toBe(69.5)
    expect(totalFromParts({ A: 0.1, B: 0.2 })).toBe(0.3)
    expect(totalFromParts({ A: 33.33, B: 22.22, C: 14.45 })).toBe(70)
    expect(totalFromParts({})).toBe(0)
  })

  it.each([
    [0, 1],
    [29.9, 1],
    [30, 2],
    [49.9, 2],
    [50, 3],
    [69.5, 3],
    [69.9, 3],
    [70, 4],
    [89.9, 4],
    [90, 5],
    [100, 5],
  ])('a total of %d earns %d★', (total, stars) => {
    expect(starsFromTotal(total)).toBe(stars)
  })

  it('reaches a threshold despite float noise in a council average, but never rounds up', () => {
    // Three members' totals averaging 70 come out as 69.99999999999999 in binary floating point.
    const average = (71.3 + 69.6 + 69.1) / 3
    expect(average).toBeLessThan(70)
    expect(starsFromTotal(average)).toBe(4)
    expect(starsFromTotal(69.99)).toBe(3)
    expect(starsFromTotal(totalFromParts({ A: 34.95, B: 20, C: 35 }))).toBe(4)
    expect(starsFromTotal(totalFromParts({ A: 34.95, B: 20.05, C: 35 }))).toBe(5)
  })

  it('uses the thresholds a set carries', () => {
    expect(starsFromTotal(55, [40, 60, 75, 90])).toBe(2)
    expect(starsFromTotal(60, [40, 60, 75, 90])).toBe(3)
  })

  it('counts 3★ and up as OCOP products and warns only when two known stars differ', () => {
    expect([1, 2, 3, 4, 5, null].map(isOcopStars)).toEqual([false, false, true, true, true, false])
    expect(starsDisagree(3, 3)).toBe(false)
    expect(starsDisagree(3, 2)).toBe(true)
    expect(starsDisagree(4, null)).toBe(false)
    expect(starsDisagree(null, 3)).toBe(false)
  })
})

describe('the built-in criteria sets', () => {
  it('ships the interim, 1048, 148 and 148-as-amended sets as built-in records', () => {
    expect(sets.map((s) => s.id)).toEqual(['tam-thoi-tinh', 'qd-1048', 'qd-148', 'qd-148-sd-1489'])
    for (const set of sets) {
      expect(criteriaSetSchema.safeParse(set).success, set.id).toBe(true)
      expect(set.builtIn).toBe(true)
      expect(set.revision).toBe(1)
      expect(set.starThresholds).toEqual([30, 50, 70, 90])
      expect(set.parts.map((p) => p.name)).toEqual([
        'Sản phẩm và sức mạnh cộng đồng',
        'Khả năng tiếp thị',
        'Chất lượng sản phẩm',
      ])
      expect(
        set.parts.reduce((sum, p) => sum + p.max, 0),
        set.id,
      ).toBe(100)
    }
  })

  it.each([
    ['tam-thoi-tinh', { A: 35, B: 25, C: 40 }, '2018-05-07', '2019-08-20'],
    ['qd-1048', { A: 35, B: 25, C: 40 }, '2019-08-21', '2023-02-23'],
    ['qd-148', { A: 40, B: 25, C: 35 }, '2023-02-24', '2025-07-05'],
    ['qd-148-sd-1489', { A: 40, B: 25, C: 35 }, '2025-07-06', null],
  ])('%s: maxima %o, valid %s to %s', (id, parts, validFrom, validTo) => {
    const set = byId(id)
    expect(maxima(set)).toEqual(parts)
    expect([set.validFrom, set.validTo]).toEqual([validFrom, validTo])
  })

  it.each([
    ['2018-01-01', undefined],
    ['2019-08-20', 'tam-thoi-tinh'],
    ['2019-08-21', 'qd-1048'],
    ['2023-02-23', 'qd-1048'],
    ['2023-02-24', 'qd-148'],
    ['2025-07-05', 'qd-148'],
    ['2025-07-06', 'qd-148-sd-1489'],
    ['2030-01-01', 'qd-148-sd-1489'],
  ])('on %s the set in force is %s', (date, id) => {
    expect(criteriaSetOn(date, sets)?.id).toBe(id)
  })

  it('takes the newer set where two ranges touch, whatever the list order', () => {
    const provincial = { ...byId('tam-thoi-tinh'), id: 'tinh-sua', validTo: '2019-08-21' }
    expect(criteriaSetOn('2019-08-21', [byId('qd-1048'), provincial])?.id).toBe('qd-1048')
    expect(criteriaSetOn('2019-08-21', [provincial, byId('qd-1048')])?.id).toBe('qd-1048')
    expect(criteriaSetOn('2019-08-20', [provincial, byId('qd-1048')])?.id).toBe('tinh-sua')
  })

  it('says who recognises which star in each period', () => {
    const level = (id: string, stars: number) => recognisingLevel(byId(id), stars)
    expect([3, 4, 5].map((s) => level('qd-1048', s))).toEqual(['tinh', 'tinh', 'trung-uong'])
    expect([3, 4, 5].map((s) => level('qd-148', s))).toEqual(['huyen', 'tinh', 'trung-uong'])
    expect([3, 4, 5].map((s) => level('qd-148-sd-1489', s))).toEqual(['tinh', 'tinh', 'trung-uong'])
    expect(level('qd-148', 2)).toBeUndefined()
    for (const set of sets) for (const rule of set.recognition) expect(rule.note).not.toBe('')
  })

  it('classifies products by the 1048 sectors and the 148 groups, with working codes', () => {
    expect(byId('qd-1048').catalogue.groups.map((g) => g.name)).toEqual([
      'Thực phẩm',
      'Đồ uống',
      'Thảo dược',
      'Vải và may mặc',
      'Lưu niệm - nội thất - trang trí',
      'Dịch vụ du lịch nông thôn, bán hàng',
    ])
    const groups148 = byId('qd-148').catalogue.groups
    expect(groups148.map((g) => g.code)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI'])
    const food = groups148[0]!.subGroups.flatMap((sub) => sub.productSets.map((ps) => ps.code))
    expect(food).toEqual(expect.arrayContaining(['I.1 a', 'I.1 b', 'I.2 a', 'I.3 a']))
    for (const set of sets) {
      expect(set.catalogue.note, set.id).toContain('mã làm việc')
      const codes = set.catalogue.groups.flatMap((g) => [
        g.code,
        ...g.subGroups.flatMap((sub) => [sub.code, ...sub.productSets.map((ps) => ps.code)]),
      ])
      expect(new Set(codes).size, `${set.id}: codes are unique`).toBe(codes.length)
    }
  })

  it('keeps the part sub-headings and the notes on uncertain facts for the editor', () => {
    const notes = builtInCriteriaNotes(shipped)
    expect(notes.get('qd-148')?.parts.A).toContain('sức mạnh cộng đồng')
    expect(notes.get('qd-148')?.parts.C).toContain('khả năng xuất khẩu')
    expect(notes.get('tam-thoi-tinh')?.note).toContain('khác nhau')
  })

  it('refuses a shipped file with a broken set', () => {
    const broken = structuredClone(shipped)
    broken.sets[1]!.parts[0]!.max = 135
    expect(() => loadBuiltInCriteriaSets(broken)).toThrow()
    const duplicate = structuredClone(shipped)
    duplicate.sets[2]!.id = 'qd-1048'
    expect(() => loadBuiltInCriteriaSets(duplicate)).toThrow(/duplicate/)
    const reversed = structuredClone(shipped)
    reversed.sets[0]!.recognition[0]!.minStars = 5
    expect(() => loadBuiltInCriteriaSets(reversed)).toThrow()
  })

  it('updates a built-in set from a newer release only while the clerk has not edited it', () => {
    const stored = byId('qd-148')
    const newer = { ...stored, revision: 2 }
    expect(builtInSetNeedsUpdate(stored, newer)).toBe(true)
    expect(builtInSetNeedsUpdate({ ...stored, builtIn: false }, newer)).toBe(false)
    expect(builtInSetNeedsUpdate(stored, stored)).toBe(false)
  })
})

describe('part scores against the set', () => {
  it('accepts scores within the maxima', () => {
    expect(checkPartScores(byId('qd-1048'), { A: 35, B: 0, C: 40 })).toEqual({})
  })

  it('enforces the maxima of the set that scores the evaluation', () => {
    // 38 points for part A is fine under 148 (max 40) but too many under 1048 (max 35).
    expect(checkPartScores(byId('qd-148'), { A: 38, B: 20, C: 30 })).toEqual({})
    expect(checkPartScores(byId('qd-1048'), { A: 38, B: 20, C: 30 })).toEqual({
      A: { key: 'evaluation.problems.partAboveMax', max: 35 },
    })
    expect(checkPartScores(byId('qd-148'), { A: 30, B: 20, C: 36 })).toEqual({
      C: { key: 'evaluation.problems.partAboveMax', max: 35 },
    })
  })

  it('names missing, negative, non-numeric and unknown parts', () => {
    expect(checkPartScores(byId('qd-148'), { A: -1, B: null, C: Number.NaN, D: 5 })).toEqual({
      A: { key: 'evaluation.problems.partNegative' },
      B: { key: 'evaluation.problems.partMissing' },
      C: { key: 'evaluation.problems.partNotNumber' },
      D: { key: 'evaluation.problems.partUnknown' },
    })
  })
})

describe('editing a criteria set', () => {
  const input = {
    name: 'Bộ tiêu chí tạm thời cấp tỉnh',
    legalBasis: '',
    validFrom: '2018-05-07',
    validTo: '2019-08-20',
    parts: [
      { code: 'A', name: 'Phần A', max: 35 },
      { code: 'B', name: 'Phần B', max: 25 },
      { code: 'C', name: 'Phần C', max: 40 },
    ],
    starThresholds: [30, 50, 70, 90],
  }
  it('accepts maxima that add up to 100 and rising thresholds', () => {
    expect(checkCriteriaSetInput(input)).toEqual({})
    expect(
      checkCriteriaSetInput({
        ...input,
        parts: [
          { code: 'A', name: 'A', max: 60.5 },
          { code: 'B', name: 'B', max: 39.5 },
        ],
      }),
    ).toEqual({})
  })
  it('refuses maxima that do not add up to 100, thresholds out of order, a blank name, an inverted validity', () => {
    expect(
      checkCriteriaSetInput({
        ...input,
        parts: input.parts.map((p) => (p.code === 'C' ? { ...p, max: 35 } : p)),
      }).parts,
    ).toBe('criteriaSets.problems.partsSum')
    expect(
      checkCriteriaSetInput({
        ...input,
        parts: input.parts.map((p) => (p.code === 'C' ? { ...p, max: 0 } : p)),
      }).parts,
    ).toBe('criteriaSets.problems.partMax')
    expect(
      checkCriteriaSetInput({ ...input, starThresholds: [30, 70, 50, 90] }).starThresholds,
    ).toBe('criteriaSets.problems.thresholds')
    expect(
      checkCriteriaSetInput({ ...input, starThresholds: [30, 50, 70, 101] }).starThresholds,
    ).toBe('criteriaSets.problems.thresholds')
    expect(checkCriteriaSetInput({ ...input, name: ' ' }).name).toBe(
      'criteriaSets.problems.nameRequired',
    )
    expect(checkCriteriaSetInput({ ...input, validTo: '2018-01-01' }).validTo).toBe(
      'criteriaSets.problems.endBeforeStart',
    )
  })
})
