import { describe, expect, it } from 'vitest'
import type { Revocation } from '@shared/db/records'
import { annexReference, numberLineOf, recipientLines } from '@shared/documents/lines'
import {
  chooseRevocation,
  localGovernmentBasis,
  ocopProcedureBasis,
  revocationDocument,
} from '@shared/revocations/documents'
import { REVOCATION_REASON_LABELS, revocationReasonText } from '@shared/domain/revocations'
import { REVOCATION_REASONS } from '@shared/db/records'
import { annexOf, myHaoData, records, tableOf } from '../reports/my-hao-fixture'
import { OWN_DECISION, PROVINCE_DECISION, withRevocations } from './revocation-fixture'

const demo = (name: string) => `${name} (dữ liệu mẫu)`

describe('the reasons in words', () => {
  it('has a Vietnamese label for every reason, and adds the clerk words after it', () => {
    for (const reason of REVOCATION_REASONS) expect(REVOCATION_REASON_LABELS[reason]).not.toBe('')
    expect(revocationReasonText({ reason: 'khong-dat', reasonText: '' })).toBe(
      'Không đạt khi đánh giá lại',
    )
    expect(revocationReasonText({ reason: 'vi-pham', reasonText: ' ghi sai hạng sao. ' })).toBe(
      'Vi phạm quy định: ghi sai hạng sao',
    )
    // 'khác' is what the clerk wrote.
    expect(revocationReasonText({ reason: 'khac', reasonText: 'Chủ thể giải thể' })).toBe(
      'Chủ thể giải thể',
    )
    expect(revocationReasonText({ reason: 'khac', reasonText: '' })).toBe('Lý do khác')
  })
})

describe("the office's own decision (issuer 'self')", () => {
  const data = withRevocations()
  const model = revocationDocument(data, OWN_DECISION)

  it('is a Quyết định thu hồi numbered and dated as recorded, under the office', () => {
    expect(model.type).toBe('QĐ')
    expect(model.title).toEqual({
      type: 'QUYẾT ĐỊNH',
      subject: 'Về việc thu hồi Giấy chứng nhận sản phẩm OCOP',
    })
    expect(numberLineOf(model)).toBe('Số: 125/QĐ-UBND')
    expect(model.signedOn).toBe('2022-03-15')
    expect(model.issuer.name).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ XÃ MỸ HÀO'])
    expect(model.decision?.authority).toBe('ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO')
    // The 2015 law as amended, QĐ 1048 (before QĐ 148), and the recognition decision revoked.
    expect(model.decision?.bases).toEqual([
      localGovernmentBasis('2022-03-15'),
      ocopProcedureBasis('2022-03-15'),
      'Căn cứ Quyết định số 1815/QĐ-UBND ngày 20/12/2018 của Ủy ban nhân dân thị xã Mỹ Hào công nhận kết quả đánh giá, phân hạng sản phẩm OCOP;',
    ])
    expect(model.decision?.bases[0]).toContain('ngày 19 tháng 6 năm 2015')
    expect(model.decision?.bases[1]).toContain('1048/QĐ-TTg')
    const articles = model.sections[0]?.paragraphs ?? []
    expect(articles.map((p) => p.slice(0, 7))).toEqual(['Điều 1.', 'Điều 2.', 'Điều 3.'])
    expect(articles[0]).toContain('đối với 2 sản phẩm (2 sản phẩm 3 sao) của 2 chủ thể')
    expect(articles[0]).toContain('Phụ lục kèm theo Quyết định này')
    expect(articles[1]).toContain('không được sử dụng biểu trưng OCOP')
  })

  it('sends copies down to Điều 3 and up to the province, and is signed by the office signer', () => {
    expect(recipientLines(model.recipients)).toEqual([
      '- Như Điều 3;',
      '- UBND tỉnh (để báo cáo);',
      '- Văn phòng Điều phối NTM tỉnh;',
      '- Lưu: VT, KT.',
    ])
    expect(model.signers).toEqual([
      { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn A' },
    ])
  })

  it('lists the revoked certificates by unit, with their recognition and reason', () => {
    const annex = annexOf(model)
    expect(annex.title).toBe('DANH SÁCH SẢN PHẨM BỊ THU HỒI GIẤY CHỨNG NHẬN SẢN PHẨM OCOP')
    expect(annexReference(model)).toBe(
      '(Kèm theo Quyết định số 125/QĐ-UBND ngày 15 tháng 3 năm 2022 của Ủy ban nhân dân thị xã Mỹ Hào)',
    )
    const table = tableOf(annex)
    expect(records(table)).toEqual([
      {
        stt: 1,
        product: demo('Cá nước ngọt'),
        producer: 'Hộ nuôi cá Ngọc Lâm (mẫu)',
        unit: 'Xã Ngọc Lâm',
        stars: 3,
        certificateNo: 'GCN-MẪU-2018-CA',
        decisionNo: '1815/QĐ-UBND',
        decisionDate: '20/12/2018',
        reason: 'Hết thời hạn, không đánh giá lại',
      },
      {
        stt: 2,
        product: demo('Ba ba'),
        producer: 'Hộ nuôi ba ba Xuân Dục (mẫu)',
        unit: 'Xã Xuân Dục',
        stars: 3,
        certificateNo: 'GCN-MẪU-2018-BA-BA',
        decisionNo: '1815/QĐ-UBND',
        decisionDate: '20/12/2018',
        reason: 'Hết thời hạn, không đánh giá lại: chủ thể không đăng ký đánh giá lại',
      },
    ])
    expect(records(table, ['total'])[0]).toMatchObject({ product: 'Tổng cộng: 2 sản phẩm' })
    expect(model.fileName).toBe('quyet-dinh-thu-hoi-giay-chung-nhan-san-pham-ocop-2022-03-15')
  })

  it('cites QĐ 148 and the 2025 law for a decision of late 2025', () => {
    const late = { ...OWN_DECISION, date: '2025-08-01' }
    const bases = revocationDocument(data, late).decision?.bases ?? []
    expect(bases[0]).toContain('72/2025/QH15')
    expect(bases[1]).toContain('148/QĐ-TTg')
    expect(bases[1]).toContain('1489/QĐ-TTg')
  })
})

describe("the proposal to the level that recognised the products (issuer 'higher')", () => {
  const data = withRevocations()
  const model = revocationDocument(data, PROVINCE_DECISION, { number: '7', signedOn: '2023-04-20' })

  it('is a Tờ trình from the office to the signing body, asking it to revoke', () => {
    expect(model.type).toBe('TTr')
    expect(model.title).toEqual({
      type: 'TỜ TRÌNH',
      subject: 'Về việc đề nghị thu hồi Giấy chứng nhận sản phẩm OCOP',
    })
    expect(model.decision).toBeUndefined()
    expect(numberLineOf(model)).toBe('Số: 07/TTr-UBND')
    expect(model.signedOn).toBe('2023-04-20')
    expect(model.recipients?.addressees).toEqual(['Ủy ban nhân dân tỉnh Hưng Yên'])
    expect(recipientLines(model.recipients)).toEqual(['- Như trên;', '- Lưu: VT, KT.'])
    const text = model.sections.flatMap((s) => s.paragraphs ?? [])
    // Signed after 24/02/2023: QĐ 148 is the procedure.
    expect(text[0]).toContain('148/QĐ-TTg')
    expect(text.join('\n')).toContain(
      'Ủy ban nhân dân thị xã Mỹ Hào kính trình Ủy ban nhân dân tỉnh Hưng Yên xem xét, quyết định thu hồi Giấy chứng nhận sản phẩm OCOP đối với 2 sản phẩm, có hiệu lực từ ngày 10/05/2023 (danh sách chi tiết tại Phụ lục kèm theo Tờ trình này)./.',
    )
    // The request is made once, as the closing paragraph.
    expect(text.filter((line) => line.includes('kính trình'))).toHaveLength(1)
    expect(text[text.length - 1]).toMatch(/\.\/\.$/)
    expect(text.join('\n')).toContain('1 sản phẩm: vi phạm quy định; 1 sản phẩm: lý do khác')
    expect(model.signers[0]?.name).toBe('Nguyễn Văn A')
  })

  it('carries the same list in its annex', () => {
    const annex = annexOf(model)
    expect(annex.title).toBe('DANH SÁCH SẢN PHẨM ĐỀ NGHỊ THU HỒI GIẤY CHỨNG NHẬN SẢN PHẨM OCOP')
    expect(
      records(tableOf(annex)).map((r) => [r.product, r.unit, r.stars, r.decisionNo, r.reason]),
    ).toEqual([
      [
        demo('Gà lông màu'),
        'Xã Cẩm Xá',
        4,
        '2420/QĐ-UBND',
        'Vi phạm quy định: dùng biểu trưng OCOP trên sản phẩm khác',
      ],
      [demo('Gạo Nhật'), 'Phường Minh Đức', 3, '3056/QĐ-UBND', 'Chủ thể giải thể'],
    ])
  })

  it('addresses the body recognising at its level when the record names no signer', () => {
    const unsigned: Revocation = { ...PROVINCE_DECISION, signer: ' ' }
    expect(revocationDocument(data, unsigned).recipients?.addressees).toEqual([
      'Ủy ban nhân dân tỉnh',
    ])
  })
})

describe('chooseRevocation', () => {
  const both = [OWN_DECISION, PROVINCE_DECISION]
  it('takes the latest by date, then by when it was recorded', () => {
    expect(chooseRevocation(both, undefined)?.id).toBe(PROVINCE_DECISION.id)
    const sameDay = {
      ...OWN_DECISION,
      id: 'later',
      date: PROVINCE_DECISION.date,
      createdAt: '2026-02-01T00:00:00.000Z',
    }
    expect(chooseRevocation([...both, sameDay], undefined)?.id).toBe('later')
    expect(chooseRevocation([], undefined)).toBeUndefined()
  })
  it('finds one by its whole number or the number before "/"', () => {
    expect(chooseRevocation(both, '125/qđ-ubnd')?.id).toBe(OWN_DECISION.id)
    expect(chooseRevocation(both, '125')?.id).toBe(OWN_DECISION.id)
    expect(chooseRevocation(both, '999')).toBeUndefined()
  })
})

it('still prints a line whose product the register no longer has', () => {
  const data = { ...myHaoData(), revocations: [] }
  const gone: Revocation = {
    ...OWN_DECISION,
    lines: [{ productId: 'gone', evaluationId: 'gone-eval', reason: 'khac', reasonText: '' }],
  }
  expect(records(tableOf(annexOf(revocationDocument(data, gone))))).toEqual([
    expect.objectContaining({ stt: 1, product: 'gone', stars: null, reason: 'Lý do khác' }),
  ])
})
