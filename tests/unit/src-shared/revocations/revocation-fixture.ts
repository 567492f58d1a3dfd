/**
 * Two revocation decisions on the Mỹ Hào demo register: the town's own (issuer 'self', 2022) of
 * the two 2018 certificates nobody re-evaluated, and one the province signs (issuer 'higher',
 * 2023) of the 2019 Gà lông màu certificate and the 2020 Gạo Nhật one.
 */
import type { Revocation } from '@shared/db/records'
import type { ReportData } from '@shared/reports/model'
import { at, myHaoData } from '../reports/my-hao-fixture'

export const OWN_DECISION: Revocation = {
  id: 'rev-own-2022',
  number: '125/QĐ-UBND',
  date: '2022-03-15',
  signer: 'Ủy ban nhân dân thị xã Mỹ Hào',
  issuer: 'self',
  level: 'huyen',
  lines: [
    // Listed out of order: the annex sorts by unit, then product.
    {
      productId: 'demo-product-ca',
      evaluationId: 'demo-evaluation-ca-2018',
      reason: 'het-han',
      reasonText: '',
    },
    {
      productId: 'demo-product-ba-ba',
      evaluationId: 'demo-evaluation-ba-ba-2018',
      reason: 'het-han',
      reasonText: 'chủ thể không đăng ký đánh giá lại',
    },
  ],
  note: '',
  createdAt: at,
  updatedAt: at,
}

export const PROVINCE_DECISION: Revocation = {
  id: 'rev-province-2023',
  number: '2345/QĐ-UBND',
  date: '2023-05-10',
  signer: 'Ủy ban nhân dân tỉnh Hưng Yên',
  issuer: 'higher',
  level: 'tinh',
  lines: [
    {
      productId: 'demo-product-ga-long-mau',
      evaluationId: 'demo-evaluation-ga-long-mau-2019',
      reason: 'vi-pham',
      reasonText: 'dùng biểu trưng OCOP trên sản phẩm khác',
    },
    {
      productId: 'demo-product-gao-nhat',
      evaluationId: 'demo-evaluation-gao-nhat-2020',
      reason: 'khac',
      reasonText: 'Chủ thể giải thể',
    },
  ],
  note: '',
  createdAt: '2026-01-02T00:00:00.000Z',
  updatedAt: '2026-01-02T00:00:00.000Z',
}

/** The demo register with both decisions recorded. */
export function withRevocations(data: ReportData = myHaoData()): ReportData {
  return { ...data, revocations: [OWN_DECISION, PROVINCE_DECISION] }
}
