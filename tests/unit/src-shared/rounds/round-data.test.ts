import { describe, expect, it } from 'vitest'
import type { CriteriaSet, ScoringSheetRecord } from '@shared/db/records'
import {
  entrySheets,
  findRound,
  passOfEntry,
  roundBundle,
  roundResults,
  sheetOfEntry,
} from '@shared/rounds/round-data'
import { roundRecords } from '../../support/round-records'

const set: CriteriaSet = {
  id: 'qd1048',
  name: 'QĐ 1048/QĐ-TTg',
  legalBasis: '',
  validFrom: '2019-08-21',
  validTo: '2023-02-23',
  parts: [
    { code: 'A', name: 'Phần A', max: 35 },
    { code: 'B', name: 'Phần B', max: 25 },
    { code: 'C', name: 'Phần C', max: 40 },
  ],
  starThresholds: [30, 50, 70, 90],
  catalogue: { note: '', groups: [] },
  recognition: [],
  revision: 1,
  builtIn: true,
  updatedAt: '2020-01-01T00:00:00.000Z',
}

/** A full sheet loaded for the food group. */
const sheet: ScoringSheetRecord = {
  id: 'sheet-1',
  criteriaSetId: 'qd1048',
  groupCodes: ['thuc-pham'],
  name: 'Phiếu nhóm thực phẩm',
  source: 'QĐ 1048 Phụ lục III',
  parts: set.parts.map((part) => ({ ...part, sections: [] })),
  fileName: 'phieu.xlsx',
  createdAt: '2020-01-01T00:00:00.000Z',
  updatedAt: '2020-01-01T00:00:00.000Z',
}

function tablesOf(records: ReturnType<typeof roundRecords>, sheets: ScoringSheetRecord[] = []) {
  return {
    rounds: [records.round],
    criteriaSets: [set],
    // Stored out of order: the bundle puts them in the council's order.
    roundMembers: [...records.members].reverse(),
    roundEntries: [...records.entries].reverse(),
    roundScores: records.scores,
    scoringSheets: sheets,
  }
}

describe('a round read as a whole', () => {
  const records = roundRecords({
    criteriaSetId: 'qd1048',
    products: ['sp1', 'sp2'],
    scores: [
      [
        [30, 20, 30],
        [28, 20, 30],
        [26, 20, 30],
      ],
      [[20, 10, 15], null, null],
    ],
  })

  it('puts members and products in their order and gives each product its result', () => {
    const bundle = roundBundle(tablesOf(records), records.round)!
    expect(bundle.members.map((m) => m.name)).toEqual([
      'Nguyễn Văn Chủ',
      'Trần Thị Phó',
      'Lê Văn Ủy',
    ])
    expect(bundle.entries.map((e) => e.productId)).toEqual(['sp1', 'sp2'])
    const results = roundResults(bundle)
    expect(results.get('round-1-e1')).toMatchObject({
      average: { parts: { A: 28, B: 20, C: 30 }, total: 78 },
      stars: 4,
      messages: [],
    })
    expect(results.get('round-1-e2')!.messages[0]).toEqual({
      code: 'missing',
      memberIds: ['round-1-m2', 'round-1-m3'],
    })
  })

  it('is undefined when the criteria set is gone', () => {
    const tables = { ...tablesOf(records), criteriaSets: [] }
    expect(roundBundle(tables, records.round)).toBeUndefined()
  })

  it('scores a product on the full sheet loaded for its group, else on the parts', () => {
    const bundle = roundBundle(tablesOf(records, [sheet]), records.round)!
    expect(sheetOfEntry(bundle, { groupCode: 'thuc-pham' }).name).toBe('Phiếu nhóm thực phẩm')
    expect(sheetOfEntry(bundle, { groupCode: 'do-uong' }).name).toBe(
      'Phiếu chấm theo phần (QĐ 1048/QĐ-TTg)',
    )
  })

  it('lists each sheet the products are scored on once, with each product pointing at its own', () => {
    const three = roundRecords({ criteriaSetId: 'qd1048', products: ['a', 'b', 'c'], scores: [] })
    three.entries[1] = { ...three.entries[1]!, groupCode: 'thuc-pham' }
    const bundle = roundBundle(tablesOf(three, [sheet]), three.round)!
    const { sheets, sheetOf } = entrySheets(bundle)
    expect(sheets.map((s) => s.name)).toEqual([
      'Phiếu chấm theo phần (QĐ 1048/QĐ-TTg)',
      'Phiếu nhóm thực phẩm',
    ])
    expect(three.entries.map((e) => sheetOf.get(e.id))).toEqual([0, 1, 0])
  })

  it('reads the latest pass of a product re-scored', () => {
    const rescored = {
      ...records,
      scores: [...records.scores, { ...records.scores[0]!, id: 'again', pass: 2 }],
    }
    const bundle = roundBundle(tablesOf(rescored), records.round)!
    expect(passOfEntry(bundle, 'round-1-e1')).toBe(2)
    expect(passOfEntry(bundle, 'round-1-e2')).toBe(1)
  })
})

describe('finding a round named on the command line', () => {
  const a = roundRecords({ criteriaSetId: 'x', products: [], scores: [], id: 'a' }).round
  const b = { ...a, id: 'b', name: 'Đợt 2' }
  const c = { ...a, id: 'c' }

  it('finds it by id, or by a name only it has, spacing and case aside', () => {
    expect(findRound([a, b], 'b')).toEqual({ ok: true, round: b })
    expect(findRound([a, b], '  đợt   2 ')).toEqual({ ok: true, round: b })
  })

  it('refuses a name two rounds share, with both, and an unknown name with every round', () => {
    expect(findRound([a, b, c], a.name)).toEqual({
      ok: false,
      reason: 'ambiguous',
      candidates: [a, c],
    })
    expect(findRound([a, b], 'Đợt 9')).toMatchObject({ ok: false, reason: 'not-found' })
  })
})
