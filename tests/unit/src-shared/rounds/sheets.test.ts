import { describe, expect, it } from 'vitest'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import {
  checkSheet,
  partLevelSheet,
  partScoresOf,
  sheetLines,
  type ScoringSheet,
} from '@shared/rounds/sheets'
import shipped from '../../../../resources/catalogues/criteria-sets.json'

const sets = loadBuiltInCriteriaSets(shipped, '2026-01-01T00:00:00.000Z')
const qd148 = sets.find((set) => set.id === 'qd-148')!

/**
 * A made-up full sheet with QĐ 148's part maxima (the points are the test's, not official ones):
 * part A in two sections, B and C scored as a whole.
 */
function sheet(): ScoringSheet {
  return {
    criteriaSetId: 'qd-148',
    groupCodes: ['I'],
    name: 'Phiếu thử',
    source: 'dữ liệu thử',
    parts: [
      {
        code: 'A',
        name: 'Phần A',
        max: 40,
        sections: [
          {
            code: 'A1',
            name: 'Tổ chức sản xuất',
            max: 25,
            criteria: [
              {
                code: 'A1.1',
                text: 'Nguyên liệu',
                max: 15,
                mandatoryFrom: 3,
                options: [
                  { label: 'Không có', points: 0 },
                  { label: 'Có', points: 15 },
                ],
              },
              {
                code: 'A1.2',
                text: 'Liên kết',
                max: 10,
                mandatoryFrom: null,
                options: [{ label: 'Có', points: 10 }],
              },
            ],
          },
          {
            code: 'A2',
            name: 'Phát triển sản phẩm',
            max: 15,
            criteria: [
              {
                code: 'A2.1',
                text: 'Bao bì',
                max: 15,
                mandatoryFrom: null,
                options: [{ label: 'Đạt', points: 15 }],
              },
            ],
          },
        ],
      },
      { code: 'B', name: 'Phần B', max: 25, sections: [] },
      { code: 'C', name: 'Phần C', max: 35, sections: [] },
    ],
  }
}

describe('scoring sheets', () => {
  it('ships each known set at the part level, with the set’s maxima, and it checks clean', () => {
    for (const set of sets) {
      const partSheet = partLevelSheet(set)
      expect(partSheet.parts.map((part) => [part.code, part.max])).toEqual(
        set.parts.map((part) => [part.code, part.max]),
      )
      expect(checkSheet(partSheet, set)).toEqual([])
    }
  })

  it('accepts a full sheet whose sections and criteria add up to their maxima', () => {
    expect(checkSheet(sheet(), qd148)).toEqual([])
  })

  it('names where a full sheet does not add up', () => {
    const bad = sheet()
    const partA = bad.parts[0]!
    partA.sections[0]!.criteria[1]!.max = 9 // A1: 15 + 9 ≠ 25, and its option of 10 is over
    partA.sections[0]!.criteria[0]!.options[1]!.points = 16 // above its 15
    partA.sections[1]!.max = 14 // A: 25 + 14 ≠ 40, and A2's one criterion is 15
    partA.sections[1]!.criteria[0]!.mandatoryFrom = 6
    bad.parts[2]!.max = 40 // C is 35 under QĐ 148
    expect(checkSheet(bad, qd148)).toEqual([
      { code: 'sections-sum', at: { part: 'A' }, sum: 39, max: 40 },
      { code: 'criteria-sum', at: { part: 'A', section: 'A1' }, sum: 24, max: 25 },
      {
        code: 'option-points',
        at: { part: 'A', section: 'A1', criterion: 'A1.1', option: 2 },
        points: 16,
        max: 15,
      },
      {
        code: 'option-points',
        at: { part: 'A', section: 'A1', criterion: 'A1.2', option: 1 },
        points: 10,
        max: 9,
      },
      { code: 'criteria-sum', at: { part: 'A', section: 'A2' }, sum: 15, max: 14 },
      { code: 'mandatory-level', at: { part: 'A', section: 'A2', criterion: 'A2.1' }, level: 6 },
      { code: 'part-max', at: { part: 'C' }, max: 40, setMax: 35 },
    ])
  })

  it('refuses parts the set does not have and notices one it lacks', () => {
    const bad = sheet()
    bad.parts[1]!.code = 'D'
    expect(checkSheet(bad, qd148)).toEqual([
      { code: 'part-unknown', at: { part: 'D' } },
      { code: 'part-missing', at: { part: 'B' } },
    ])
  })

  it('lists what a member scores in reading order, and adds the points up by part', () => {
    const lines = sheetLines(sheet())
    expect(lines.map((line) => `${line.kind}:${line.code}`)).toEqual([
      'heading:A',
      'heading:A1',
      'item:A1.1',
      'item:A1.2',
      'heading:A2',
      'item:A2.1',
      'item:B',
      'item:C',
    ])
    expect(lines[2]).toMatchObject({ part: 'A', max: 15, mandatoryFrom: 3 })
    expect(partScoresOf(sheet(), { 'A1.1': 15, 'A1.2': 7.5, 'A2.1': 12, B: 20, C: 30.25 })).toEqual(
      {
        A: 34.5,
        B: 20,
        C: 30.25,
      },
    )
    // An item not yet scored leaves its part unscored, not lower.
    expect(partScoresOf(sheet(), { 'A1.1': 15, 'A2.1': 12, B: 20, C: null })).toEqual({
      A: null,
      B: 20,
      C: null,
    })
  })
})
