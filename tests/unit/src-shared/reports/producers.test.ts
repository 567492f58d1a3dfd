import { describe, expect, it } from 'vitest'
import { buildReport } from '@shared/reports/build'
import { annexOf, myHaoData, outline, records, tableOf } from './my-hao-fixture'

const demo = (name: string) => `${name} (dữ liệu mẫu)`

describe('Danh sách chủ thể, Mỹ Hào demo on 31/12/2020', () => {
  const model = buildReport('producers', myHaoData(), {
    date: '2020-12-31',
    signedOn: '2021-01-05',
    docNumber: '',
  })
  const table = tableOf(annexOf(model))

  it('keeps only the general assessment in the body and the list in a landscape annex', () => {
    expect(model.sections.map((s) => [s.heading, s.table])).toEqual([
      ['I. ĐÁNH GIÁ CHUNG', undefined],
    ])
    expect(model.sections[0]?.paragraphs?.at(-1)).toBe(
      'Danh sách chi tiết tại Phụ lục kèm theo Báo cáo này.',
    )
    expect(annexOf(model).title).toBe('DANH SÁCH CHỦ THỂ SẢN XUẤT SẢN PHẨM OCOP THEO LOẠI HÌNH')
    expect(annexOf(model).landscape).toBe(true)
  })

  it('groups the 9 producers by type with a subtotal each', () => {
    expect(table.columns.map((c) => c.key)).toEqual([
      'stt',
      'producer',
      'taxCode',
      'unit',
      'address',
      'representative',
      'product',
      'stars',
    ])
    expect(outline(table)).toEqual([
      ['group', 'I. Hợp tác xã'],
      ['data', 1, 'HTX Chăn nuôi Hưng Long (mẫu)'],
      ['data', 2, 'HTX Nông nghiệp Hòa Phong (mẫu)'],
      ['data', 3, 'HTX Tương Bần (mẫu)'],
      ['subtotal', null, 'Cộng: 3 chủ thể'],
      ['group', 'II. Doanh nghiệp'],
      ['data', 4, 'Công ty CP Đồ gỗ Phùng Chí Kiên (mẫu)'],
      ['data', 5, 'Công ty TNHH Nông sản Minh Đức (mẫu)'],
      ['subtotal', null, 'Cộng: 2 chủ thể'],
      ['group', 'III. Tổ hợp tác'],
      ['data', 6, 'Tổ hợp tác chăn nuôi bò Dương Quang (mẫu)'],
      ['data', 7, 'Tổ hợp tác chăn nuôi gà Cẩm Xá (mẫu)'],
      ['subtotal', null, 'Cộng: 2 chủ thể'],
      ['group', 'IV. Hộ sản xuất kinh doanh'],
      ['data', 8, 'Hộ nuôi ba ba Xuân Dục (mẫu)'],
      ['data', 9, 'Hộ nuôi cá Ngọc Lâm (mẫu)'],
      ['subtotal', null, 'Cộng: 2 chủ thể'],
      ['total', null, 'Tổng cộng: 9 chủ thể'],
    ])
  })

  it('shows each producer with its products and their standing stars (2★ included)', () => {
    const rows = records(table)
    expect(rows.map((r) => [r.product, r.stars])).toEqual([
      [demo('Lợn thịt'), 2],
      [demo('Gạo nếp Hưng Yên'), 3],
      [demo('Tương Bần'), 5],
      [demo('Đồ gỗ mỹ nghệ'), 2],
      [demo('Gạo Nhật'), 3],
      [demo('Bò thịt'), 3],
      [demo('Gà lông màu'), 4],
      [demo('Ba ba'), 3],
      [demo('Cá nước ngọt'), 3],
    ])
    expect(rows[2]).toMatchObject({
      unit: 'Bần Yên Nhân',
      address: 'Bần Yên Nhân, Mỹ Hào, Hưng Yên',
    })
  })

  it('puts a producer with two products on one numbered row and a continuation row', () => {
    const data = myHaoData()
    const extra = { ...data.products[0]!, id: 'p-extra', name: 'Tương Bần đặc biệt' }
    const rows = records(
      tableOf(
        annexOf(
          buildReport(
            'producers',
            { ...data, products: [...data.products, extra] },
            { date: '2020-12-31', signedOn: '2021-01-05', docNumber: '' },
          ),
        ),
      ),
    )
    const i = rows.findIndex((r) => r.producer === 'HTX Tương Bần (mẫu)')
    expect(rows[i]).toMatchObject({ stt: 3, product: demo('Tương Bần'), stars: 5 })
    expect(rows[i + 1]).toMatchObject({ stt: null, producer: '', product: 'Tương Bần đặc biệt' })
    expect(rows[i + 1]?.stars).toBeNull()
  })

  it('shows stars lapsed after the certificate expired as empty', () => {
    const rows = records(
      tableOf(
        annexOf(
          buildReport('producers', myHaoData(), {
            date: '2021-12-20',
            signedOn: '2021-12-20',
            docNumber: '',
          }),
        ),
      ),
    )
    expect(rows.find((r) => r.product === demo('Ba ba'))?.stars).toBeNull()
  })
})
