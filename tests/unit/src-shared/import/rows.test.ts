import { describe, expect, it } from 'vitest'
import type { CriteriaSet } from '@shared/db/records'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import criteriaJson from '../../../../resources/catalogues/criteria-sets.json'
import type { ColumnMapping, DetectedHeader, ImportField } from '@shared/import/header'
import { normaliseRows, type SheetCell, type SheetRow } from '@shared/import/rows'
import type { UnitCandidate } from '@shared/import/units-match'
import { formatMessage } from '@shared/messages/format'

const COLUMNS: [ImportField, string][] = [
  ['rowNumber', 'STT'],
  ['product', 'Tên sản phẩm'],
  ['producer', 'Chủ thể'],
  ['unit', 'Xã, phường'],
  ['score', 'Điểm'],
  ['stars', 'Hạng sao'],
  ['year', 'Năm'],
]
const header: DetectedHeader = {
  headerRows: [1],
  firstDataRow: 2,
  columns: COLUMNS.map(([, label], index) => ({ index, label })),
}
const mapping: ColumnMapping[] = COLUMNS.map(([field, label], index) => ({
  field,
  index,
  label,
  confidence: 1,
}))
const units: UnitCandidate[] = [
  { id: 'di-su', name: 'Phường Dị Sử', kind: 'phuong', validFrom: null, validTo: null },
]

const cell = (value: SheetCell['value']): SheetCell => ({
  value,
  text: value === null ? '' : String(value),
})
const row = (n: number, cells: SheetCell[]): SheetRow => ({ row: n, cells })
const normalise = (rows: SheetRow[]) =>
  normaliseRows(rows, header, mapping, { units, fileName: 'di-su.xlsx', sheet: 'DS' })

describe('normaliseRows: cells the reader could not value', () => {
  it('warns on the column of an Excel error value, naming it, and leaves the field empty', () => {
    const [read] = normalise([
      row(5, [
        cell(1),
        cell('Tương Bần'),
        cell('HTX Tương Bần'),
        cell('Phường Dị Sử'),
        { value: null, text: '', problem: { kind: 'error-value', value: '#REF!' } },
        cell(4),
        cell(2023),
      ]),
    ]).rows

    expect(read?.fields.score).toBeNull()
    expect(read?.status).toBe('warning')
    expect(read?.messages.map((m) => [m.code, m.where.column, m.params])).toEqual([
      ['CELL_ERROR_VALUE', 'E', { value: '#REF!' }],
    ])
    expect(formatMessage(read!.messages[0]!)).toBe(
      'Tệp di-su.xlsx, trang "DS", dòng 5, cột E (Điểm): ô có giá trị lỗi #REF! của Excel nên được đọc là ô trống. Hãy sửa công thức hoặc ghi lại giá trị trong tệp rồi nhập lại.',
    )
  })

  it('warns on a shared string the file does not have, naming its index', () => {
    const [read] = normalise([
      row(6, [
        cell(2),
        cell('Giò chả'),
        { value: null, text: '', problem: { kind: 'missing-string', index: 812 } },
        cell('Phường Dị Sử'),
        cell(72.5),
        cell(4),
        cell(2023),
      ]),
    ]).rows

    expect(read?.fields.producer).toBe('')
    expect(read?.messages.map((m) => [m.level, m.code, m.where.column, m.params])).toEqual([
      ['warning', 'CELL_MISSING_STRING', 'C', { index: 812 }],
    ])
    expect(formatMessage(read!.messages[0]!, 'en')).toMatch(
      /^File di-su\.xlsx, sheet "DS", row 6, column C \(Chủ thể\): the cell points to text number 812, which the file does not have/u,
    )
  })

  it('says so besides what the missing value causes, and ignores problems outside mapped fields', () => {
    const [read] = normalise([
      row(7, [
        { value: null, text: '', problem: { kind: 'error-value', value: '#N/A' } },
        { value: null, text: '', problem: { kind: 'error-value', value: '#N/A' } },
        cell('HTX Tương Bần'),
        cell('Phường Dị Sử'),
        cell(72.5),
        cell(4),
        cell(2023),
        { value: null, text: '', problem: { kind: 'error-value', value: '#DIV/0!' } },
      ]),
    ]).rows

    expect(read?.status).toBe('error')
    expect(read?.messages.map((m) => [m.code, m.where.column])).toEqual([
      ['CELL_ERROR_VALUE', 'B'],
      ['MISSING_PRODUCT', 'B'],
    ])
  })

  it('reads a problem from the top of a vertical merge, as it reads the value', () => {
    const rows = [
      row(8, [
        cell(3),
        cell('Trà xanh'),
        cell('HTX Chè'),
        { value: null, text: '', problem: { kind: 'error-value', value: '#VALUE!' } },
        cell(60),
        cell(3),
        cell(2022),
      ]),
      row(9, [
        cell(4),
        cell('Trà đen'),
        cell('HTX Chè'),
        { value: null, text: '', merged: { top: 8, left: 4 } },
        cell(61),
        cell(3),
        cell(2022),
      ]),
    ]
    const read = normalise(rows).rows

    expect(read.map((r) => r.messages.filter((m) => m.code === 'CELL_ERROR_VALUE').length)).toEqual(
      [1, 1],
    )
  })
})

describe('normaliseRows: stars against the score', () => {
  const set = loadBuiltInCriteriaSets(criteriaJson, '2024-01-01T00:00:00.000Z').find(
    (s) =>
      s.validFrom !== null && s.validFrom <= '2023-06-30' && (s.validTo ?? '9999') >= '2023-06-30',
  )!
  const product = (score: number, stars: number) =>
    row(7, [
      cell(1),
      cell('Tương Bần'),
      cell('HTX Tương Bần'),
      cell('Phường Dị Sử'),
      cell(score),
      cell(stars),
      cell(2023),
    ])
  const codes = (criteriaSets: CriteriaSet[], score: number, stars: number) =>
    normaliseRows([product(score, stars)], header, mapping, {
      units,
      criteriaSets,
      fileName: 'di-su.xlsx',
      sheet: 'DS',
    }).rows[0]?.messages.map((m) => m.code)

  it('compares with the thresholds of the set in force in the row year, not fixed ones', () => {
    // An office that edited its set: 4 stars from 75 points instead of 70.
    const edited = { ...set, starThresholds: [30, 50, 75, 90] }
    expect(codes([set], 72, 4)).toEqual([])
    expect(codes([edited], 72, 4)).toEqual(['STARS_SCORE_MISMATCH'])
    expect(codes([edited], 72, 3)).toEqual([])
  })
})
