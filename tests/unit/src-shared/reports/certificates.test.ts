import { describe, expect, it } from 'vitest'
import { buildReport } from '@shared/reports/build'
import type { Producer } from '@shared/db/records'
import { fitTable } from '@shared/documents/fit'
import { annexOf, myHaoData, records, tableOf } from './my-hao-fixture'
import { OWN_DECISION } from '../revocations/revocation-fixture'

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
      ['3. Danh sách chủ thể cần thông báo trước khi giấy chứng nhận hết hạn', 2, undefined],
    ])
    const annex = annexOf(model)
    expect(annex.title).toBe('DANH SÁCH GIẤY CHỨNG NHẬN SẢN PHẨM OCOP SẮP HẾT HẠN VÀ ĐÃ HẾT HẠN')
    expect(annex.sections.map((s) => s.heading)).toEqual([
      '1. Giấy chứng nhận sắp hết hạn (trong 30 ngày tới)',
      '2. Giấy chứng nhận đã hết hạn',
      '3. Danh sách chủ thể cần thông báo trước khi giấy chứng nhận hết hạn',
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
      ['Không có chủ thể nào cần thông báo.'],
    ])
    expect(records(tableOf(annexOf(model), 2))).toEqual([])
  })
})

describe("the owners' notification list (30 days before expiry)", () => {
  // The demo producers have no representative or phone: give two of them theirs.
  const contacts: Record<string, Partial<Producer>> = {
    'demo-producer-ba-ba': { representative: 'Nguyễn Văn Dục', phone: '0221 3942 111' },
    'demo-producer-ga-long-mau': { representative: 'Trần Thị Xá', phone: '0912 345 678' },
  }
  const data = myHaoData()
  const withContacts = {
    ...data,
    producers: data.producers.map((p) => ({ ...p, ...contacts[p.id] })),
  }
  const build400 = (register = withContacts) =>
    buildReport('certificates', register, {
      date: '2021-12-01',
      signedOn: '2021-12-01',
      docNumber: '',
      withinDays: 400,
    })

  it('gives each owner with a certificate expiring its address, representative and phone', () => {
    const model = build400()
    const list = tableOf(annexOf(model), 2)
    expect(list.columns.map((c) => [c.key, c.title])).toEqual([
      ['stt', 'STT'],
      ['producer', 'Chủ thể'],
      ['address', 'Địa chỉ'],
      ['representative', 'Người đại diện'],
      ['phone', 'Điện thoại'],
      ['products', 'Sản phẩm (giấy chứng nhận hiệu lực đến ngày)'],
      ['noticeDue', 'Hạn gửi thông báo'],
    ])
    expect(records(list)).toEqual([
      {
        stt: 1,
        producer: 'Hộ nuôi ba ba Xuân Dục (mẫu)',
        address: 'Xuân Dục, Mỹ Hào, Hưng Yên',
        representative: 'Nguyễn Văn Dục',
        phone: '0221 3942 111',
        products: `${demo('Ba ba')} (19/12/2021)`,
        noticeDue: '19/11/2021',
      },
      expect.objectContaining({
        stt: 2,
        producer: 'Hộ nuôi cá Ngọc Lâm (mẫu)',
        representative: '',
        phone: '',
      }),
      expect.objectContaining({
        stt: 3,
        producer: 'Tổ hợp tác chăn nuôi gà Cẩm Xá (mẫu)',
        phone: '0912 345 678',
        products: `${demo('Gà lông màu')} (17/12/2022)`,
        noticeDue: '17/11/2022',
      }),
    ])
    expect(records(list, ['total'])[0]).toMatchObject({ producer: 'Tổng cộng: 3 chủ thể' })
    // The body says how many to tell, and how many the register has no phone for.
    expect(model.sections[3]?.paragraphs?.[0]).toBe(
      'Cần thông báo cho 3 chủ thể về thời hạn của giấy chứng nhận, chậm nhất 30 ngày trước khi hết hạn; 1 chủ thể chưa có số điện thoại trong sổ.',
    )
  })

  it('lists an owner once, with each of its expiring products', () => {
    const shared = {
      ...withContacts,
      products: withContacts.products.map((p) =>
        p.id === 'demo-product-ca' ? { ...p, producerId: 'demo-producer-ba-ba' } : p,
      ),
    }
    const rows = records(tableOf(annexOf(build400(shared)), 2))
    expect(rows.map((r) => [r.producer, r.products])).toEqual([
      [
        'Hộ nuôi ba ba Xuân Dục (mẫu)',
        `${demo('Ba ba')} (19/12/2021)\n${demo('Cá nước ngọt')} (19/12/2021)`,
      ],
      ['Tổ hợp tác chăn nuôi gà Cẩm Xá (mẫu)', `${demo('Gà lông màu')} (17/12/2022)`],
    ])
  })

  it('fits the annex: every column holds its longest word without breaking it', () => {
    const annex = annexOf(build400())
    for (const section of annex.sections) {
      const fit = fitTable(section.table!, { landscape: annex.landscape })
      expect(fit.overflows, section.heading).toBe(false)
    }
  })

  it('leaves out a revoked certificate: it neither expires nor needs a notice', () => {
    const revoked = {
      ...withContacts,
      revocations: [OWN_DECISION],
    }
    // 01/12/2022: the 2018 certificates expired on 19/12/2021; the town revoked them on 15/03/2022.
    const model = buildReport('certificates', revoked, {
      date: '2022-12-01',
      signedOn: '2022-12-01',
      docNumber: '',
    })
    const annex = annexOf(model)
    expect(records(tableOf(annex, 1))).toEqual([])
    const without = buildReport('certificates', withContacts, {
      date: '2022-12-01',
      signedOn: '2022-12-01',
      docNumber: '',
    })
    expect(records(tableOf(annexOf(without), 1)).map((r) => r.product)).toEqual([
      demo('Ba ba'),
      demo('Cá nước ngọt'),
    ])
  })
})
