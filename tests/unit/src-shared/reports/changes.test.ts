import { describe, expect, it } from 'vitest'
import type { Evaluation } from '@shared/db/records'
import { buildReport } from '@shared/reports/build'
import { myHaoData, records, tableOf } from './my-hao-fixture'

const options = { date: '2020-12-31', signedOn: '2021-01-05', docNumber: '' }

describe('Biến động sản phẩm OCOP, Mỹ Hào demo', () => {
  it('2019 → 2020: three upgraded (two of them 2★ → 3★), four unchanged, as Tổng quan counts them', () => {
    const doc = buildReport('changes', myHaoData(), { ...options, from: '2019-12-31' })
    expect(doc.title.subject).toBe('Biến động sản phẩm OCOP từ 31/12/2019 đến 31/12/2020')
    expect(doc.sections[1]?.paragraphs).toEqual([
      'Từ 31/12/2019 đến 31/12/2020: 3 nâng hạng; 4 giữ nguyên.',
    ])
    const list = records(tableOf(doc.annexes[0] ?? { sections: [] }))
    expect(list.map((r) => [r.product, r.before, r.after, r.change])).toEqual([
      ['Bò thịt (dữ liệu mẫu)', 2, 3, 'Nâng hạng'],
      ['Gạo Nhật (dữ liệu mẫu)', 2, 3, 'Nâng hạng'],
      ['Tương Bần (dữ liệu mẫu)', 4, 5, 'Nâng hạng'],
      ['Ba ba (dữ liệu mẫu)', 3, 3, 'Giữ nguyên'],
      ['Cá nước ngọt (dữ liệu mẫu)', 3, 3, 'Giữ nguyên'],
      ['Gà lông màu (dữ liệu mẫu)', 4, 4, 'Giữ nguyên'],
      ['Gạo nếp Hưng Yên (dữ liệu mẫu)', 3, 3, 'Giữ nguyên'],
    ])
    // A product at 1★-2★ on both dates is no OCOP change.
    expect(list.some((r) => r.product === 'Lợn thịt (dữ liệu mẫu)')).toBe(false)
  })

  it('starts from 31/12 of the year before by default; lapsed certificates are expired', () => {
    const doc = buildReport('changes', myHaoData(), { ...options, date: '2021-12-31' })
    expect(doc.title.subject).toBe('Biến động sản phẩm OCOP từ 31/12/2020 đến 31/12/2021')
    const expired = records(tableOf(doc.annexes[0] ?? { sections: [] })).filter(
      (r) => r.change === 'Hết hạn, chưa đánh giá lại',
    )
    // The 2018 certificates ran out on 19/12/2021 with no new decision.
    expect(expired.map((r) => r.product)).toEqual([
      'Ba ba (dữ liệu mẫu)',
      'Cá nước ngọt (dữ liệu mẫu)',
    ])
  })

  it('counts a product first recognised in the period as new', () => {
    const doc = buildReport('changes', myHaoData(), { ...options, from: '2018-06-30' })
    const list = records(tableOf(doc.annexes[0] ?? { sections: [] }))
    expect(list.every((r) => r.change === 'Mới được công nhận' && r.before === null)).toBe(true)
    expect(list.map((r) => r.product)).toContain('Tương Bần (dữ liệu mẫu)')
  })

  it('calls a re-evaluation below 3 stars a downgrade, not an expiry', () => {
    const data = myHaoData()
    const baba = data.evaluations.find((e) => e.productId.endsWith('ba-ba'))
    if (!baba) throw new Error('no Ba ba evaluation')
    const lower: Evaluation = {
      ...baba,
      id: 'lower',
      year: 2020,
      recognisedStars: 2,
      decisionDate: '2020-06-01',
      expiryDate: null,
    }
    const doc = buildReport(
      'changes',
      { ...data, evaluations: [...data.evaluations, lower] },
      { ...options, from: '2019-12-31' },
    )
    const row = records(tableOf(doc.annexes[0] ?? { sections: [] })).find(
      (r) => r.product === 'Ba ba (dữ liệu mẫu)',
    )
    expect([row?.before, row?.after, row?.change]).toEqual([3, 2, 'Hạ hạng'])
  })
})

describe('the tallies by product group and by producer type, Mỹ Hào 31/12/2020', () => {
  it('by group: every OCOP product of the demo is food', () => {
    const doc = buildReport('groups', myHaoData(), options)
    expect(records(tableOf(doc, 1), ['data', 'total'])).toEqual([
      { stt: 1, group: 'Thực phẩm', stars3: 5, stars4: 1, stars5: 1, total: 7 },
      { stt: null, group: 'Tổng cộng', stars3: 5, stars4: 1, stars5: 1, total: 7 },
    ])
  })

  it('by producer type, in the order of the types, with the producers counted once', () => {
    const doc = buildReport('types', myHaoData(), options)
    expect(records(tableOf(doc, 1), ['data', 'total'])).toEqual([
      { stt: 1, type: 'Hợp tác xã', owners: 2, stars3: 1, stars4: 0, stars5: 1, total: 2 },
      { stt: 2, type: 'Doanh nghiệp', owners: 1, stars3: 1, stars4: 0, stars5: 0, total: 1 },
      { stt: 3, type: 'Tổ hợp tác', owners: 2, stars3: 1, stars4: 1, stars5: 0, total: 2 },
      {
        stt: 4,
        type: 'Hộ sản xuất kinh doanh',
        owners: 2,
        stars3: 2,
        stars4: 0,
        stars5: 0,
        total: 2,
      },
      { stt: null, type: 'Tổng cộng', owners: 7, stars3: 5, stars4: 1, stars5: 1, total: 7 },
    ])
  })
})
