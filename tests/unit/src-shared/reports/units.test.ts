import { describe, expect, it } from 'vitest'
import { buildReport } from '@shared/reports/build'
import { myHaoData, records, tableOf } from './my-hao-fixture'

describe('Tổng hợp theo đơn vị, Mỹ Hào demo', () => {
  it('on 31/12/2020: the 13 units of 2019 with their stars, 5/1/1 and 7 in all', () => {
    const model = buildReport('units', myHaoData(), {
      date: '2020-12-31',
      signedOn: '2021-01-05',
      docNumber: '',
    })
    expect(model.title.type).toBe('BÁO CÁO')
    expect(model.title.subject).toBe('Tổng hợp sản phẩm OCOP theo xã, phường và hạng sao')
    // The table stays in the portrait body: there is no annex.
    expect(model.landscape).toBe(false)
    expect(model.annexes).toEqual([])
    expect(model.sections[0]?.heading).toBe('I. ĐÁNH GIÁ CHUNG')
    const table = tableOf(model, 1)
    expect(table.columns.map((c) => c.key)).toEqual([
      'stt',
      'unit',
      'stars3',
      'stars4',
      'stars5',
      'total',
      'note',
    ])
    const rows = records(table)
    expect(rows).toHaveLength(13)
    const byUnit = Object.fromEntries(
      rows.map((r) => [r.unit, [r.stars3, r.stars4, r.stars5, r.total]]),
    )
    expect(byUnit).toEqual({
      'Phường Bần Yên Nhân': [0, 0, 1, 1],
      'Xã Cẩm Xá': [0, 1, 0, 1],
      'Xã Dương Quang': [1, 0, 0, 1],
      'Xã Hòa Phong': [1, 0, 0, 1],
      'Phường Minh Đức': [1, 0, 0, 1],
      'Xã Ngọc Lâm': [1, 0, 0, 1],
      'Xã Xuân Dục': [1, 0, 0, 1],
      'Phường Bạch Sam': [0, 0, 0, 0],
      'Phường Dị Sử': [0, 0, 0, 0],
      'Xã Hưng Long': [0, 0, 0, 0],
      'Phường Nhân Hòa': [0, 0, 0, 0],
      'Phường Phan Đình Phùng': [0, 0, 0, 0],
      'Phường Phùng Chí Kiên': [0, 0, 0, 0],
    })
    expect(rows.filter((r) => r.note === 'Chưa có sản phẩm OCOP')).toHaveLength(6)
    expect(rows.map((r) => r.stt)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13])
    // Vietnamese order: Bạch Sam before Bần Yên Nhân (ạ before ầ), Dị Sử before Dương Quang.
    expect(rows.slice(0, 4).map((r) => r.unit)).toEqual([
      'Phường Bạch Sam',
      'Phường Bần Yên Nhân',
      'Xã Cẩm Xá',
      'Phường Dị Sử',
    ])
    expect(records(table, ['total'])).toEqual([
      { stt: null, unit: 'Tổng cộng', stars3: 5, stars4: 1, stars5: 1, total: 7, note: null },
    ])
    expect(model.sections[1]?.paragraphs).toEqual([
      'Số xã, phường có sản phẩm OCOP: 7/13; tổng số sản phẩm OCOP: 7.',
    ])
  })

  it('after the merger of 1/7/2025: the 3 new wards only', () => {
    const rows = records(
      tableOf(
        buildReport('units', myHaoData(), {
          date: '2025-07-01',
          signedOn: '2025-07-10',
          docNumber: '',
        }),
        1,
      ),
    )
    expect(rows.map((r) => r.unit).sort()).toEqual(
      ['Phường Mỹ Hào', 'Phường Đường Hào', 'Phường Thượng Hồng'].sort(),
    )
  })
})
