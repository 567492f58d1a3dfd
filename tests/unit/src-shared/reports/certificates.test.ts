import { describe, expect, it } from 'vitest'
import { buildReport } from '@shared/reports/build'
import { annexOf, myHaoData, records, tableOf } from './my-hao-fixture'

const demo = (name: string) => `${name} (dữ liệu mẫu)`
const build = (date: string, withinDays?: number) =>
  buildReport('certificates', myHaoData(), {
    date,
    signedOn: date,
    docNumber: '',
    ...(withinDays === undefined ? {} : { withinDays }),
  })

describe('Giấy chứng nhận sắp hết hạn / đã hết hạn, Mỹ Hào demo', () => {
  // The 2018 decision (20/12/2018) gives certificates valid through 19/12/2021. Only Cá nước ngọt
  // and Ba ba were not re-evaluated since; Tương Bần, Gà lông màu and Gạo nếp have newer decisions.
  it('on 01/12/2021: the two 2018 certificates expire in 18 days; the notice was due 19/11/2021', () => {
    const model = build('2021-12-01')
    // The body keeps the counts and what to do; the two lists are in the annex.
    expect(model.sections.map((s) => [s.heading, s.level, s.table])).toEqual([
      ['I. ĐÁNH GIÁ CHUNG', 1, undefined],
      ['1. Giấy chứng nhận sắp hết hạn (trong 30 ngày tới)', 2, undefined],
      ['2. Giấy chứng nhận đã hết hạn', 2, undefined],
    ])
    const annex = annexOf(model)
    expect(annex.title).toBe('DANH SÁCH GIẤY CHỨNG NHẬN SẢN PHẨM OCOP SẮP HẾT HẠN VÀ ĐÃ HẾT HẠN')
    expect(annex.sections.map((s) => s.heading)).toEqual([
      '1. Giấy chứng nhận sắp hết hạn (trong 30 ngày tới)',
      '2. Giấy chứng nhận đã hết hạn',
    ])
    const expiring = tableOf(annex, 0)
    expect(expiring.columns.map((c) => c.key)).toEqual([
      'stt',
      'product',
      'producer',
      'producerType',
      'address',
      'stars',
      'decisionNo',
      'decisionDate',
      'expiryDate',
      'daysLeft',
      'noticeDue',
    ])
    expect(records(expiring)).toEqual([
      {
        stt: 1,
        product: demo('Ba ba'),
        producer: 'Hộ nuôi ba ba Xuân Dục (mẫu)',
        producerType: 'Hộ sản xuất kinh doanh',
        address: 'Xuân Dục, Mỹ Hào, Hưng Yên',
        stars: 3,
        decisionNo: '1815/QĐ-UBND',
        decisionDate: '20/12/2018',
        expiryDate: '19/12/2021',
        daysLeft: 18,
        noticeDue: '19/11/2021',
      },
      expect.objectContaining({
        stt: 2,
        product: demo('Cá nước ngọt'),
        producer: 'Hộ nuôi cá Ngọc Lâm (mẫu)',
        daysLeft: 18,
        noticeDue: '19/11/2021',
      }),
    ])
    expect(records(expiring, ['total'])[0]).toMatchObject({
      stt: null,
      product: 'Tổng cộng: 2 giấy chứng nhận',
    })
    // The notice window has passed: the clerk is told to send the notices now.
    expect(model.sections[1]?.paragraphs?.[0]).toContain('quá hạn gửi thông báo')
    expect(records(tableOf(annex, 1))).toEqual([])
    expect(records(tableOf(annex, 1), ['total'])[0]).toMatchObject({
      stt: null,
      product: 'Tổng cộng: 0 giấy chứng nhận',
    })
  })

  it('counts the last valid day as "sắp hết hạn" (0 days left), the day after as expired', () => {
    expect(records(tableOf(annexOf(build('2021-12-19')), 0)).map((r) => r.daysLeft)).toEqual([0, 0])
    const after = annexOf(build('2022-01-01'))
    expect(records(tableOf(after, 0))).toEqual([])
    expect(records(tableOf(after, 1)).map((r) => [r.product, r.expiryDate, r.daysExpired])).toEqual(
      [
        [demo('Ba ba'), '19/12/2021', 13],
        [demo('Cá nước ngọt'), '19/12/2021', 13],
      ],
    )
  })

  it('looks further ahead when asked: within 400 days of 01/12/2021 Gà lông màu (to 17/12/2022) too', () => {
    const model = build('2021-12-01', 400)
    expect(model.sections[1]?.heading).toBe('1. Giấy chứng nhận sắp hết hạn (trong 400 ngày tới)')
    expect(records(tableOf(annexOf(model), 0)).map((r) => [r.product, r.daysLeft])).toEqual([
      [demo('Ba ba'), 18],
      [demo('Cá nước ngọt'), 18],
      [demo('Gà lông màu'), 381],
    ])
  })

  it('on 31/12/2020: nothing expiring within 30 days, nothing expired', () => {
    const model = build('2020-12-31')
    expect(records(tableOf(annexOf(model), 0))).toEqual([])
    expect(records(tableOf(annexOf(model), 1))).toEqual([])
    expect(model.sections.slice(1).map((s) => s.paragraphs)).toEqual([
      ['Không có giấy chứng nhận nào hết hạn trong 30 ngày tới.'],
      ['Không có giấy chứng nhận nào đã hết hạn.'],
    ])
  })
})
