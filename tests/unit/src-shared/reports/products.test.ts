import { describe, expect, it } from 'vitest'
import { buildReport } from '@shared/reports/build'
import { myHaoData, outline, records, tableOf } from './my-hao-fixture'

const demo = (name: string) => `${name} (dữ liệu mẫu)`

describe('Danh sách sản phẩm OCOP, Mỹ Hào demo on 31/12/2020', () => {
  const model = buildReport('products', myHaoData(), {
    date: '2020-12-31',
    docNumber: '5',
    grouping: 'stars',
  })
  const table = tableOf(model)

  it('is a landscape list titled as a DANH SÁCH as of the date', () => {
    expect(model.kind).toBe('products')
    expect(model.landscape).toBe(true)
    expect(model.titleType).toBe('DANH SÁCH')
    expect(model.subject).toMatch(/^Sản phẩm OCOP được công nhận/)
    expect(model.subtitle).toBe('(Tính đến ngày 31/12/2020)')
    expect(model.fileName).toBe('danh-sach-san-pham-ocop-2020-12-31')
  })

  it('has the columns offices report (docs/domain.md), the decision as a two-level group', () => {
    expect(table.columns.map((c) => c.key)).toEqual([
      'stt',
      'product',
      'producer',
      'producerType',
      'unit',
      'group',
      'score',
      'stars',
      'decisionNo',
      'decisionDate',
      'expiryDate',
      'note',
    ])
    const decision = table.columns.filter((c) => c.group === 'Quyết định công nhận')
    expect(decision.map((c) => c.title)).toEqual(['Số', 'Ngày'])
  })

  it('lists the 7 OCOP products by star, 5★ first, with subtotals 1/1/5 and a total of 7', () => {
    // 2018 baseline 4×3★, 1×4★; by the end of 2020 Tương Bần 4→5, Gà lông màu 3→4 (2019),
    // Bò thịt and Gạo Nhật 2→3: 1×5★, 1×4★, 5×3★. Lợn thịt and Đồ gỗ stay 2★ (no certificate).
    expect(outline(table)).toEqual([
      ['group', 'I. Sản phẩm 5 sao'],
      ['data', 1, demo('Tương Bần')],
      ['subtotal', 1, 'Cộng'],
      ['group', 'II. Sản phẩm 4 sao'],
      ['data', 2, demo('Gà lông màu')],
      ['subtotal', 1, 'Cộng'],
      ['group', 'III. Sản phẩm 3 sao'],
      ['data', 3, demo('Ba ba')],
      ['data', 4, demo('Bò thịt')],
      ['data', 5, demo('Cá nước ngọt')],
      ['data', 6, demo('Gạo nếp Hưng Yên')],
      ['data', 7, demo('Gạo Nhật')],
      ['subtotal', 5, 'Cộng'],
      ['total', 7, 'Tổng cộng'],
    ])
  })

  it('gives each product its producer, unit, group, score, decision, validity and note', () => {
    const rows = records(table)
    expect(rows[0]).toEqual({
      stt: 1,
      product: demo('Tương Bần'),
      producer: 'HTX Tương Bần (mẫu)',
      producerType: 'Hợp tác xã',
      unit: 'Bần Yên Nhân',
      group: 'Thực phẩm',
      score: 91.5, // 32 + 23 + 36.5 under QĐ 1048
      stars: 5,
      decisionNo: '3056/QĐ-UBND',
      decisionDate: '15/12/2020',
      expiryDate: '14/12/2023', // 36 months less a day
      note: 'Nâng hạng',
    })
    const byProduct = Object.fromEntries(rows.map((r) => [r.product, r]))
    expect(byProduct[demo('Gà lông màu')]).toMatchObject({
      producerType: 'Tổ hợp tác',
      unit: 'Cẩm Xá',
      score: 71,
      stars: 4,
      decisionNo: '2420/QĐ-UBND',
      decisionDate: '18/12/2019',
      expiryDate: '17/12/2022',
      note: 'Nâng hạng',
    })
    expect(byProduct[demo('Cá nước ngọt')]).toMatchObject({
      producerType: 'Hộ sản xuất kinh doanh',
      score: 52,
      decisionDate: '20/12/2018',
      expiryDate: '19/12/2021',
      note: 'Mới',
    })
    expect(byProduct[demo('Gạo nếp Hưng Yên')]).toMatchObject({
      score: 57.5,
      note: 'Đánh giá lại',
    })
    expect(rows.every((r) => typeof r.score === 'number' && typeof r.stars === 'number')).toBe(true)
  })

  it('drops a product the day after its certificate lapses', () => {
    // Cá nước ngọt and Ba ba were recognised on 20/12/2018 only: valid through 19/12/2021.
    const names = (date: string) =>
      records(tableOf(buildReport('products', myHaoData(), { date, docNumber: '' }))).map(
        (r) => r.product,
      )
    expect(names('2021-12-19')).toContain(demo('Cá nước ngọt'))
    expect(names('2021-12-20')).not.toContain(demo('Cá nước ngọt'))
    expect(names('2021-12-20')).not.toContain(demo('Ba ba'))
    expect(names('2021-12-20')).toHaveLength(5)
  })

  it('lists nothing before the first decision, with a total of 0', () => {
    const empty = tableOf(
      buildReport('products', myHaoData(), { date: '2018-12-19', docNumber: '' }),
    )
    expect(outline(empty)).toEqual([['total', 0, 'Tổng cộng']])
  })
})

describe('Danh sách sản phẩm OCOP grouped by unit', () => {
  const table = tableOf(
    buildReport('products', myHaoData(), { date: '2020-12-31', docNumber: '', grouping: 'units' }),
  )

  it('has one group per commune/ward with a product, in Vietnamese order, each with its subtotal', () => {
    const groups = table.rows.flatMap((row) => (row.kind === 'group' ? [row.label] : []))
    expect(groups).toEqual([
      'I. Phường Bần Yên Nhân',
      'II. Xã Cẩm Xá',
      'III. Xã Dương Quang',
      'IV. Xã Hòa Phong',
      'V. Phường Minh Đức',
      'VI. Xã Ngọc Lâm',
      'VII. Xã Xuân Dục',
    ])
    const subtotals = records(table, ['subtotal']).map((r) => r.stt)
    expect(subtotals).toEqual([1, 1, 1, 1, 1, 1, 1])
    expect(records(table, ['total'])).toEqual([expect.objectContaining({ stt: 7 })])
  })

  it('puts each product under its own unit', () => {
    const rows = records(table)
    expect(rows.map((r) => [r.unit, r.stars])).toEqual([
      ['Bần Yên Nhân', 5],
      ['Cẩm Xá', 4],
      ['Dương Quang', 3],
      ['Hòa Phong', 3],
      ['Minh Đức', 3],
      ['Ngọc Lâm', 3],
      ['Xuân Dục', 3],
    ])
    expect(rows.map((r) => r.stt)).toEqual([1, 2, 3, 4, 5, 6, 7])
  })
})

describe('Danh sách sản phẩm OCOP by unit across the 2025 merger', () => {
  it('lists a product of Bần Yên Nhân under phường Mỹ Hào after 1/7/2025; one without a unit last', () => {
    const data = myHaoData()
    const tuongBan = data.evaluations.find((e) => e.id === 'demo-evaluation-tuong-ban-2020')!
    const renewed = {
      ...tuongBan,
      id: 'renewed',
      year: 2024,
      decisionNo: '99/QĐ-UBND',
      decisionDate: '2024-12-01',
      expiryDate: '2027-11-30',
      kind: 'danh-gia-lai' as const,
    }
    const gaRenewed = {
      ...renewed,
      id: 'ga-renewed',
      productId: 'demo-product-ga-long-mau',
      recognisedStars: 4,
    }
    const products = data.products.map((p) =>
      p.id === 'demo-product-ga-long-mau' ? { ...p, unitId: null } : p,
    )
    const table = tableOf(
      buildReport(
        'products',
        { ...data, products, evaluations: [...data.evaluations, renewed, gaRenewed] },
        { date: '2025-07-01', docNumber: '', grouping: 'units' },
      ),
    )
    expect(table.rows.flatMap((row) => (row.kind === 'group' ? [row.label] : []))).toEqual([
      'I. Phường Mỹ Hào',
      'II. Chưa rõ xã, phường',
    ])
    expect(records(table).map((r) => [r.product, r.unit, r.note])).toEqual([
      [demo('Tương Bần'), 'Mỹ Hào', 'Đánh giá lại'],
      [demo('Gà lông màu'), '', 'Đánh giá lại'],
    ])
  })
})
