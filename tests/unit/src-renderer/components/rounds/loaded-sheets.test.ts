import { describe, expect, it } from 'vitest'
import criteriaJson from '../../../../../resources/catalogues/criteria-sets.json'
import type { ScoringSheetRecord } from '@shared/db/records'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import {
  entriesBySheet,
  entriesOnNewSheet,
  groupConflicts,
  groupName,
  sheetCounts,
} from '@/components/rounds/loaded-sheets'
import { roundRecords } from '../../../support/round-records'

const qd148 = loadBuiltInCriteriaSets(criteriaJson, '2024-01-01T00:00:00.000Z').find(
  (set) => set.id === 'qd-148',
)!

function loadedSheet(id: string, groupCodes: string[]): ScoringSheetRecord {
  return {
    id,
    criteriaSetId: qd148.id,
    groupCodes,
    name: `Phiếu ${id}`,
    source: 'QĐ 148/QĐ-TTg, Phụ lục III',
    parts: [
      {
        code: 'A',
        name: 'Phần A',
        max: 40,
        sections: [
          {
            code: 'A1',
            name: 'Tổ chức sản xuất',
            max: 40,
            criteria: [
              {
                code: 'A1.1',
                text: 'Nguồn nguyên liệu',
                max: 25,
                options: [{ label: 'Có', points: 25 }],
                mandatoryFrom: 3,
              },
              {
                code: 'A1.2',
                text: 'Liên kết sản xuất',
                max: 15,
                options: [{ label: 'Có', points: 15 }],
                mandatoryFrom: null,
              },
            ],
          },
        ],
      },
      { code: 'B', name: 'Phần B', max: 25, sections: [] },
      { code: 'C', name: 'Phần C', max: 35, sections: [] },
    ],
    fileName: `${id}.xlsx`,
    createdAt: '2026-10-01T08:00:00.000Z',
    updatedAt: '2026-10-01T08:00:00.000Z',
  }
}

/** A round of four products: two foods, a drink, and one not yet put in a group. */
function roundOf(sheets: ScoringSheetRecord[]) {
  const records = roundRecords({
    criteriaSetId: qd148.id,
    products: ['banh', 'mien', 'ruou', 'chua-xep'],
    scores: [],
  })
  const groups = ['I', 'I', 'II', '']
  const entries = records.entries.map((entry, i) => ({ ...entry, groupCode: groups[i]! }))
  return { set: qd148, sheets, entries }
}

describe('the sheets loaded for a round', () => {
  it('counts what a sheet holds, mandatory criteria apart', () => {
    expect(sheetCounts(loadedSheet('thuc-pham', ['I']))).toEqual({
      parts: 3,
      sections: 1,
      criteria: 2,
      mandatory: 1,
    })
  })

  it('names groups as the catalogue does, and keeps a code it does not know', () => {
    expect(groupName(qd148, 'II')).toBe('Đồ uống')
    expect(groupName(qd148, 'X')).toBe('X')
  })

  it('tells which products each sheet scores and which are scored by part', () => {
    const food = loadedSheet('thuc-pham', ['I'])
    const byGroup = entriesBySheet(roundOf([food]))
    expect(byGroup.get('thuc-pham')).toEqual(['round-1-e1', 'round-1-e2'])
    expect(byGroup.get(null)).toEqual(['round-1-e3', 'round-1-e4'])

    // A sheet for every group takes the products no group sheet names, the ungrouped one too.
    const byAll = entriesBySheet(roundOf([food, loadedSheet('chung', [])]))
    expect(byAll.get('chung')).toEqual(['round-1-e3', 'round-1-e4'])
    expect(byAll.has(null)).toBe(false)
  })

  it('tells which products a new sheet will score', () => {
    const round = roundOf([loadedSheet('thuc-pham', ['I'])])
    expect(entriesOnNewSheet(round, { groupCodes: ['II'] }).map((e) => e.productId)).toEqual([
      'ruou',
    ])
    expect(entriesOnNewSheet(round, { groupCodes: [] }).map((e) => e.productId)).toEqual([
      'ruou',
      'chua-xep',
    ])
  })

  it('refuses a new sheet for a group not in the catalogue or already on a sheet', () => {
    const food = loadedSheet('thuc-pham', ['I'])
    expect(groupConflicts({ groupCodes: ['II', 'I', 'IX'] }, qd148, [food])).toEqual([
      { kind: 'taken', code: 'I', sheet: food },
      { kind: 'unknown', code: 'IX' },
    ])
    expect(groupConflicts({ groupCodes: ['II'] }, qd148, [food])).toEqual([])
  })

  it('lets a sheet for every group sit beside group sheets, but not beside another for every group', () => {
    const food = loadedSheet('thuc-pham', ['I'])
    const all = loadedSheet('chung', [])
    expect(groupConflicts({ groupCodes: [] }, qd148, [food])).toEqual([])
    expect(groupConflicts({ groupCodes: ['II'] }, qd148, [all])).toEqual([])
    expect(groupConflicts({ groupCodes: [] }, qd148, [food, all])).toEqual([
      { kind: 'taken', code: null, sheet: all },
    ])
  })
})
