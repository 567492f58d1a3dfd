import { describe, expect, it } from 'vitest'
import { recipientLines } from '@shared/documents/lines'
import { buildReport } from '@shared/reports/build'
import type { ReportOptions } from '@shared/reports/model'
import { myHaoData } from './my-hao-fixture'

const base: ReportOptions = { date: '2020-12-31', signedOn: '2021-01-05', docNumber: '5' }
const build = (options: Partial<ReportOptions> = {}) =>
  buildReport('products', myHaoData(), { ...base, ...options })
const partsOf = (options: Partial<ReportOptions> = {}) =>
  build(options).sections.flatMap((s) =>
    s.level === 1 ? [{ heading: s.heading, narrative: s.narrative, paragraphs: s.paragraphs }] : [],
  )

describe('the narrative parts of a report', () => {
  it('starts with the general assessment alone, its figures generated', () => {
    expect(partsOf()).toEqual([
      {
        heading: 'I. ĐÁNH GIÁ CHUNG',
        narrative: 'general',
        paragraphs: [
          'Đến 31/12/2020, toàn thị xã có 7 sản phẩm OCOP còn hiệu lực, trong đó 1 sản phẩm 5 sao, 1 sản phẩm 4 sao và 5 sản phẩm 3 sao.',
          'Danh sách chi tiết tại Phụ lục kèm theo Báo cáo này.',
        ],
      },
    ])
  })

  it("prints the clerk's text instead of the generated one, without blank paragraphs", () => {
    const model = build({
      narrative: { general: ['  Năm 2020, thị xã tiếp tục triển khai Chương trình OCOP. ', ''] },
    })
    expect(model.sections[0]?.paragraphs).toEqual([
      'Năm 2020, thị xã tiếp tục triển khai Chương trình OCOP.',
    ])
    // The figures stay under it.
    expect(model.sections[1]?.table?.rows.at(-1)).toMatchObject({ kind: 'total' })
  })

  it('leaves an empty part out and numbers the parts as they stand', () => {
    expect(
      partsOf({ narrative: { issues: ['  '], proposals: ['Đề nghị UBND tỉnh hỗ trợ xúc tiến.'] } }),
    ).toEqual([
      expect.objectContaining({ heading: 'I. ĐÁNH GIÁ CHUNG', narrative: 'general' }),
      {
        heading: 'II. KIẾN NGHỊ, ĐỀ XUẤT',
        narrative: 'proposals',
        paragraphs: ['Đề nghị UBND tỉnh hỗ trợ xúc tiến.'],
      },
    ])
  })

  it('puts the three parts in the order of a Báo cáo, after the figures', () => {
    const model = build({
      narrative: { issues: ['Một số chủ thể chưa đánh giá lại.'], proposals: ['Đề nghị …'] },
    })
    expect(model.sections.map((s) => s.heading)).toEqual([
      'I. ĐÁNH GIÁ CHUNG',
      undefined, // the star summary table
      'II. TỒN TẠI, HẠN CHẾ',
      'III. KIẾN NGHỊ, ĐỀ XUẤT',
    ])
  })
})

describe('the signing date and the recipients', () => {
  it('dates the document with the signing date, whatever the data date', () => {
    const signedLater = build({ signedOn: '2021-03-01' })
    expect(signedLater.signedOn).toBe('2021-03-01')
    expect(signedLater.title.subtitle).toBe('(Tính đến ngày 31/12/2020)')
    expect({ ...signedLater, signedOn: base.signedOn }).toEqual(build())
    expect(build({ date: '2020-06-30' }).signedOn).toBe('2021-01-05')
  })

  it("uses the clerk's recipients, keeping the drafting unit in Lưu", () => {
    const model = build({
      recipients: { addressees: ['UBND tỉnh Hưng Yên'], copies: ['Sở Nông nghiệp và PTNT'] },
    })
    expect(model.recipients).toEqual({
      addressees: ['UBND tỉnh Hưng Yên'],
      copies: ['Sở Nông nghiệp và PTNT'],
      archive: 'KT',
    })
    expect(recipientLines(model.recipients)).toEqual([
      '- Như trên;',
      '- Sở Nông nghiệp và PTNT;',
      '- Lưu: VT, KT.',
    ])
  })
})
