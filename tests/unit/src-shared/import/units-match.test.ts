import { describe, expect, it } from 'vitest'
import {
  editDistance,
  matchUnit,
  unitNameKey,
  type UnitCandidate,
} from '@shared/import/units-match'

const nfd = (s: string) => s.normalize('NFD')

// tests/fixtures/commune/units.csv: the 13 units of thị xã Mỹ Hào (code, kind, name).
const UNITS_CSV: readonly (readonly [string, 'Phường' | 'Xã', string])[] = [
  ['12103', 'Phường', 'Bần Yên Nhân'],
  ['12106', 'Phường', 'Phan Đình Phùng'],
  ['12118', 'Phường', 'Nhân Hòa'],
  ['12121', 'Phường', 'Dị Sử'],
  ['12124', 'Phường', 'Bạch Sam'],
  ['12127', 'Phường', 'Minh Đức'],
  ['12130', 'Phường', 'Phùng Chí Kiên'],
  ['12109', 'Xã', 'Cẩm Xá'],
  ['12112', 'Xã', 'Dương Quang'],
  ['12115', 'Xã', 'Hòa Phong'],
  ['12133', 'Xã', 'Xuân Dục'],
  ['12136', 'Xã', 'Ngọc Lâm'],
  ['12139', 'Xã', 'Hưng Long'],
]

const UNITS: UnitCandidate[] = UNITS_CSV.map(([code, kind, name]) => ({
  id: code,
  name,
  kind: kind === 'Xã' ? 'xa' : 'phuong',
  validFrom: '2019-12-01',
  validTo: '2025-06-30',
}))

const idOf = (name: string) => UNITS_CSV.find((row) => row[2] === name)?.[0]

describe('unitNameKey', () => {
  // canonicalName puts the tone on the second vowel of oa/oe/uy: both spellings give 'hoà'.
  it.each<[string, string]>([
    ['P. Dị Sử', 'dị sử'],
    ['phường Dị Sử', 'dị sử'],
    ['Phường Nhân Hoà', 'nhân hoà'],
    ['Phường Nhân Hòa', 'nhân hoà'],
    ['X.Cẩm Xá', 'cẩm xá'],
    ['X. Cẩm Xá', 'cẩm xá'],
    ['X Cẩm Xá', 'cẩm xá'],
    ['I. Phường Bần Yên Nhân', 'bần yên nhân'],
    ['VIII. Xã Hòa Phong', 'hoà phong'],
    ['IV. Phường Minh Đức', 'minh đức'],
    ['Xuân Dục', 'xuân dục'],
    ['Xã\u00a0Xuân Dục', 'xuân dục'],
    ['Xã/Phường Dị Sử', 'dị sử'],
    ['xã/phường Dị Sử', 'dị sử'],
    ['Thị trấn Bần Yên Nhân', 'bần yên nhân'],
    ['TT. Bần Yên Nhân', 'bần yên nhân'],
    ['TT Bần Yên Nhân', 'bần yên nhân'],
    [nfd('Xã Hoà Phong'), 'hoà phong'],
    [nfd('Xã Hòa Phong'), 'hoà phong'],
    ['  PHƯỜNG   DỊ SỬ ', 'dị sử'],
    ['Phường 1', '1'],
    ['Xã', 'xã'],
  ])('%j → %j', (input, expected) => {
    expect(unitNameKey(input)).toBe(expected)
  })
})

describe('matchUnit: the 13 Mỹ Hào units as the fixtures write them', () => {
  // The spellings the commune fixtures write (tests/fixtures/README.md), by file.
  it.each<[string, string]>([
    ['Phường Bần Yên Nhân', 'Bần Yên Nhân'], // 01
    ['Xã Cẩm Xá', 'Cẩm Xá'],
    ['phường Dị Sử', 'Dị Sử'], // 02
    ['xã Hưng Long', 'Hưng Long'],
    ['I. Phường Bần Yên Nhân', 'Bần Yên Nhân'], // 03 section rows
    ['II. Phường Phan Đình Phùng', 'Phan Đình Phùng'],
    ['V. Phường Bạch Sam', 'Bạch Sam'],
    ['VIII. Xã Hòa Phong', 'Hòa Phong'],
    ['Xã Xuân Dục', 'Xuân Dục'], // 04
    ['Xã\u00a0Xuân Dục', 'Xuân Dục'],
    ['Xuân Dục', 'Xuân Dục'],
    ['Xã Ngọc Lâm', 'Ngọc Lâm'],
    ['Phường Phùng Chí Kiên', 'Phùng Chí Kiên'],
    ['Phường Minh Đức', 'Minh Đức'],
    ['Phường Nhân Hoà', 'Nhân Hòa'], // 06, old-style tone placement
    ['Phường Nhân Hòa', 'Nhân Hòa'],
    [nfd('Phường Nhân Hoà'), 'Nhân Hòa'],
    [nfd('Xã Hoà Phong'), 'Hòa Phong'],
    [nfd('Xã Hòa Phong'), 'Hòa Phong'],
    ['Xã Dương Quang', 'Dương Quang'],
    ['P. Dị Sử', 'Dị Sử'], // 11
    ['P.Dị Sử', 'Dị Sử'],
    ['P. Bạch Sam', 'Bạch Sam'],
    ['P. Minh Đức', 'Minh Đức'],
    ['P.Minh Đức', 'Minh Đức'],
    ['P.Nhân Hòa', 'Nhân Hòa'],
    ['X. Cẩm Xá', 'Cẩm Xá'],
    ['X.Cẩm Xá', 'Cẩm Xá'],
    ['X. Dương Quang', 'Dương Quang'],
    ['X.Dương Quang', 'Dương Quang'],
    ['X. Ngọc Lâm', 'Ngọc Lâm'],
    ['X. Xuân Dục', 'Xuân Dục'],
    ['X.Hòa Phong', 'Hòa Phong'],
    ['X.Hưng Long', 'Hưng Long'],
    ['X.Hoà Phong', 'Hòa Phong'],
  ])('%j → %s', (input, name) => {
    const result = matchUnit(input, UNITS, '2023-05-01')
    expect(result.ok && result.value.id).toBe(idOf(name))
  })

  it('matches every unit by its own full name, with or without a date', () => {
    for (const [code, kind, name] of UNITS_CSV) {
      expect(matchUnit(`${kind} ${name}`, UNITS)).toMatchObject({ ok: true, value: { id: code } })
      expect(matchUnit(name, UNITS, '2020-01-01')).toMatchObject({ ok: true, value: { id: code } })
    }
  })

  it('offers the closest units for an unknown name (12 row 15)', () => {
    const result = matchUnit('Phường Hà Nội', UNITS, '2023-05-01')
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.code).toBe('unit.unknown')
    expect(result.suggestions).toHaveLength(3)
  })

  it('suggests the unit a typo was meant for', () => {
    const result = matchUnit('Phường Dị Xử', UNITS)
    expect(result).toMatchObject({ ok: false, code: 'unit.unknown' })
    if (!result.ok) expect(result.suggestions[0]?.name).toBe('Dị Sử')
    const unaccented = matchUnit('Xa Hung Long', UNITS)
    if (!unaccented.ok) expect(unaccented.suggestions[0]?.name).toBe('Hưng Long')
  })

  it('reports an empty cell', () => {
    expect(matchUnit('  ', UNITS)).toEqual({ ok: false, code: 'unit.empty', suggestions: [] })
    expect(matchUnit('Xã/Phường', UNITS)).toMatchObject({ ok: false, code: 'unit.empty' })
    expect(matchUnit('I. ', UNITS)).toMatchObject({ ok: false, code: 'unit.empty' })
  })
})

describe('matchUnit: dates and kinds', () => {
  const merged: UnitCandidate[] = [
    { id: 'old', name: 'Nhân Hòa', kind: 'xa', validFrom: null, validTo: '2019-11-30' },
    { id: 'ward', name: 'Nhân Hòa', kind: 'phuong', validFrom: '2019-12-01', validTo: null },
    { id: 'a', name: 'Hòa Phong', kind: 'xa', validFrom: null, validTo: null },
    { id: 'b', name: 'Hòa Phong', kind: 'phuong', validFrom: null, validTo: null },
  ]

  it('takes the unit valid on the date', () => {
    expect(matchUnit('Nhân Hoà', merged, '2019-01-01')).toMatchObject({ value: { id: 'old' } })
    expect(matchUnit('Nhân Hoà', merged, '2019-12-01')).toMatchObject({ value: { id: 'ward' } })
    expect(matchUnit('Nhân Hoà', merged, '2019-11-30')).toMatchObject({ value: { id: 'old' } })
  })

  it('lets the kind in the text break a tie', () => {
    expect(matchUnit('Xã Nhân Hòa', merged)).toMatchObject({ value: { id: 'old' } })
    expect(matchUnit('P. Nhân Hòa', merged)).toMatchObject({ value: { id: 'ward' } })
    expect(matchUnit('X.Hoà Phong', merged, '2024-01-01')).toMatchObject({ value: { id: 'a' } })
    expect(matchUnit('phường Hòa Phong', merged)).toMatchObject({ value: { id: 'b' } })
  })

  it('does not guess between two units of one name', () => {
    const result = matchUnit('Hòa Phong', merged)
    expect(result).toMatchObject({ ok: false, code: 'unit.ambiguous' })
    if (!result.ok) expect(result.suggestions.map((u) => u.id)).toEqual(['a', 'b'])
  })

  it('says when the unit did not exist on the date', () => {
    const result = matchUnit('Xã Dương Quang', UNITS, '2026-01-01')
    expect(result).toMatchObject({ ok: false, code: 'unit.not-valid-on-date' })
    if (!result.ok) expect(result.suggestions.map((u) => u.id)).toEqual(['12112'])
  })
})

describe('editDistance', () => {
  it.each<[string, string, number]>([
    ['', '', 0],
    ['dị sử', 'dị sử', 0],
    ['dị sử', 'dị xử', 1],
    ['hòa', 'hoà', 2],
    ['', 'abc', 3],
    ['kitten', 'sitting', 3],
  ])('%j ~ %j = %d', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d)
  })
})
