import { describe, expect, it } from 'vitest'
import { buildReport } from '@shared/reports/build'
import { annexOf, myHaoData, outline, records, tableOf } from './my-hao-fixture'

const demo = (name: string) => `${name} (dữ liệu mẫu)`

describe('Danh sách sản phẩm OCOP, Mỹ Hào demo on 31/12/2020', () => {
  const model = buildReport('products', myHaoData(), {
    date: '2020-12-31',
    signedOn: '2021-01-05',
    docNumber: '5',
    grouping: 'stars',
  })
  const annex = annexOf(model)
  const table = tableOf(annex)

  it('is a portrait BÁO CÁO as of the date, its list in a landscape annex', () => {
    expect(model.title.type).toBe('BÁO CÁO')
    expect(model.title.subject).toMatch(/^Sản phẩm OCOP được công nhận/)
    expect(model.title.subtitle).toBe('(Tính đến ngày 31/12/2020)')
    expect(model.fileName).toBe('bao-cao-san-pham-ocop-2020-12-31')
    expect(model.landscape).toBe(false)
    expect(model.annexes).toHaveLength(1)
    expect(annex.title).toBe('DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN CÒN HIỆU LỰC')
    expect(annex.subtitle).toBe('(Tính đến ngày 31/12/2020)')
    expect(annex.landscape).toBe(true)
  })

  it('sums up in the body: the general assessment, then the products by stars with shares', () => {
    expect(model.sections.map((s) => s.heading)).toEqual(['I. ĐÁNH GIÁ CHUNG', undefined])
    expect(model.sections[0]?.paragraphs).toEqual([
      'Đến 31/12/2020, toàn thị xã có 7 sản phẩm OCOP còn hiệu lực, trong đó 1 sản phẩm 5 sao, 1 sản phẩm 4 sao và 5 sản phẩm 3 sao.',
      'Danh sách chi tiết tại Phụ lục kèm theo Báo cáo này.',
    ])
    const summary = tableOf(model, 1)
    expect(records(summary, ['data', 'total'])).toEqual([
      { stt: 1, stars: 'Sản phẩm 5 sao', count: 1, share: 14.29 },
      { stt: 2, stars: 'Sản phẩm 4 sao', count: 1, share: 14.29 },
      { stt: 3, stars: 'Sản phẩm 3 sao', count: 5, share: 71.43 },
      { stt: null, stars: 'Tổng cộng', count: 7, share: 100 },
    ])
  })

  it('has the columns offices report (docs/domain.md), the decision as a two-level group', () => {
    expect(table.columns.map((c) => c.key)).toEqual([
      'stt',
      'product',
      'group',
      'producer',
      'producerType',
      'unit',
      'score',
      'parts',
      'stars',
      'decisionNo',
      'decisionDate',
      'certificateNo',
      'expiryDate',
      'note',
    ])
    const decision = table.columns.filter((c) => c.group === 'Quyết định công nhận')
    expect(decision.map((c) => c.title)).toEqual(['Số', 'Ngày'])
    expect(table.columns.filter((c) => c.group === 'Điểm').map((c) => c.title)).toEqual([
      'Tổng',
      'Phần A / B / C',
    ])
  })

  it("puts the producer's representative and phone under its address", () => {
    const data = myHaoData()
    const producers = data.producers.map((p) =>
      p.name === 'HTX Tương Bần (mẫu)'
        ? { ...p, representative: 'Nguyễn Văn B', phone: '0221 3943 000' }
        : p,
    )
    const doc = buildReport(
      'products',
      { ...data, producers },
      { date: '2020-12-31', signedOn: '2021-01-05', docNumber: '' },
    )
    expect(records(tableOf(annexOf(doc)))[0]?.producer).toBe(
      'HTX Tương Bần (mẫu)\nBần Yên Nhân, Mỹ Hào, Hưng Yên\nĐại diện: Nguyễn Văn B; ĐT: 0221 3943 000',
    )
  })

  it('lists the 7 OCOP products by star, 5★ first, with subtotals 1/1/5 and a total of 7', () => {
    // 2018 baseline 4×3★, 1×4★; by the end of 2020 Tương Bần 4→5, Gà lông màu 3→4 (2019),
    // Bò thịt and Gạo Nhật 2→3: 1×5★, 1×4★, 5×3★. Lợn thịt and Đồ gỗ stay 2★ (no certificate).
    expect(outline(table)).toEqual([
      ['group', 'I. Sản phẩm 5 sao'],
      ['data', 1, demo('Tương Bần')],
      ['subtotal', null, 'Cộng: 1 sản phẩm'],
      ['group', 'II. Sản phẩm 4 sao'],
      ['data', 2, demo('Gà lông màu')],
      ['subtotal', null, 'Cộng: 1 sản phẩm'],
      ['group', 'III. Sản phẩm 3 sao'],
      ['data', 3, demo('Ba ba')],
      ['data', 4, demo('Bò thịt')],
      ['data', 5, demo('Cá nước ngọt')],
      ['data', 6, demo('Gạo nếp Hưng Yên')],
      ['data', 7, demo('Gạo Nhật')],
      ['subtotal', null, 'Cộng: 5 sản phẩm'],
      ['total', null, 'Tổng cộng: 7 sản phẩm'],
    ])
  })

  it('gives each product its producer with address, unit, group, scores, decision, certificate and validity', () => {
    const rows = records(table)
    expect(rows[0]).toEqual({
      stt: 1,
      product: demo('Tương Bần'),
      producer: 'HTX Tương Bần (mẫu)\nBần Yên Nhân, Mỹ Hào, Hưng Yên',
      producerType: 'Hợp tác xã',
      unit: 'Bần Yên Nhân',
      group: 'Thực phẩm',
      score: 91.5, // 32 + 23 + 36.5 under QĐ 1048
      parts: '32 / 23 / 36,5',
      stars: 5,
      decisionNo: '3056/QĐ-UBND',
      decisionDate: '15/12/2020',
      certificateNo: 'GCN-MẪU-2020-TUONG-BAN',
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
    })
    expect(byProduct[demo('Cá nước ngọt')]).toMatchObject({
      producerType: 'Hộ sản xuất kinh doanh',
      score: 52,
      decisionDate: '20/12/2018',
      expiryDate: '19/12/2021',
    })
    expect(byProduct[demo('Gạo nếp Hưng Yên')]).toMatchObject({ score: 57.5 })
    expect(rows.every((r) => typeof r.score === 'number' && typeof r.stars === 'number')).toBe(true)
  })

  it("notes Mới, Nâng hạng, Đánh giá lại only for a decision of the report's year", () => {
    const notes = Object.fromEntries(records(table).map((r) => [r.product, r.note]))
    expect(notes).toEqual({
      [demo('Tương Bần')]: 'Nâng hạng',
      [demo('Gà lông màu')]: '', // upgraded in 2019
      [demo('Ba ba')]: '', // recognised in 2018
      [demo('Bò thịt')]: 'Nâng hạng',
      [demo('Cá nước ngọt')]: '',
      [demo('Gạo nếp Hưng Yên')]: 'Đánh giá lại',
      [demo('Gạo Nhật')]: 'Nâng hạng',
    })
    const in2018 = records(
      tableOf(
        annexOf(
          buildReport('products', myHaoData(), {
            date: '2018-12-31',
            signedOn: '2019-01-05',
            docNumber: '',
          }),
        ),
      ),
    )
    expect(in2018.find((r) => r.product === demo('Cá nước ngọt'))?.note).toBe('Mới')
  })

  it('drops a product the day after its certificate lapses', () => {
    // Cá nước ngọt and Ba ba were recognised on 20/12/2018 only: valid through 19/12/2021.
    const names = (date: string) =>
      records(
        tableOf(
          annexOf(buildReport('products', myHaoData(), { date, signedOn: date, docNumber: '' })),
        ),
      ).map((r) => r.product)
    expect(names('2021-12-19')).toContain(demo('Cá nước ngọt'))
    expect(names('2021-12-20')).not.toContain(demo('Cá nước ngọt'))
    expect(names('2021-12-20')).not.toContain(demo('Ba ba'))
    expect(names('2021-12-20')).toHaveLength(5)
  })

  it('lists nothing before the first decision, with a total of 0', () => {
    const model = buildReport('products', myHaoData(), {
      date: '2018-12-19',
      signedOn: '2018-12-19',
      docNumber: '',
    })
    expect(outline(tableOf(annexOf(model)))).toEqual([['total', null, 'Tổng cộng: 0 sản phẩm']])
    expect(model.sections[0]?.paragraphs?.[0]).toBe(
      'Đến 19/12/2018, toàn thị xã chưa có sản phẩm OCOP nào còn hiệu lực.',
    )
  })
})

describe('Danh sách sản phẩm OCOP grouped by unit', () => {
  const table = tableOf(
    annexOf(
      buildReport('products', myHaoData(), {
        date: '2020-12-31',
        signedOn: '2021-01-05',
        docNumber: '',
        grouping: 'units',
      }),
    ),
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
    const subtotals = records(table, ['subtotal']).map((r) => [r.stt, r.product])
    expect(subtotals).toEqual(Array.from({ length: 7 }, () => [null, 'Cộng: 1 sản phẩm']))
    expect(records(table, ['total'])).toEqual([
      expect.objectContaining({ stt: null, product: 'Tổng cộng: 7 sản phẩm' }),
    ])
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
    // Both renewed in 2025, the report's year, so their note says so.
    const data = myHaoData()
    const tuongBan = data.evaluations.find((e) => e.id === 'demo-evaluation-tuong-ban-2020')!
    const renewed = {
      ...tuongBan,
      id: 'renewed',
      year: 2025,
      decisionNo: '99/QĐ-UBND',
      decisionDate: '2025-03-01',
      expiryDate: '2028-02-29',
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
      annexOf(
        buildReport(
          'products',
          { ...data, products, evaluations: [...data.evaluations, renewed, gaRenewed] },
          { date: '2025-07-01', signedOn: '2025-07-10', docNumber: '', grouping: 'units' },
        ),
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
