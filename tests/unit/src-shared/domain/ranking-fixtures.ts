/** Small builders for products, evaluations and the Mỹ Hào units, shared by the ranking tests. */
import type { Evaluation, Producer, Product, Unit } from '@shared/db/records'
import { certificateExpiry } from '@shared/domain/certificates'
import catalogue from '../../../../resources/catalogues/units-my-hao.json'

const at = '2026-01-01T00:00:00.000Z'

export function product(
  id: string,
  unitId: string | null = null,
  producerId: string | null = null,
): Product {
  return {
    id,
    name: id,
    producerId,
    unitId,
    criteriaSetId: null,
    groupCode: '',
    productSetCode: '',
    description: '',
    createdAt: at,
    updatedAt: at,
  }
}

export function producer(id: string, name: string): Producer {
  return {
    id,
    name,
    type: 'htx',
    taxCode: '',
    address: '',
    unitId: null,
    representative: '',
    phone: '',
    note: '',
    createdAt: at,
    updatedAt: at,
  }
}

/** A decided evaluation; the expiry is computed as the evaluation form would, for 3★ and up. */
export function decided(
  productId: string,
  recognisedStars: number | null,
  decisionDate: string | null,
  extra: Partial<Evaluation> = {},
): Evaluation {
  const year = Number((decisionDate ?? '2026').slice(0, 4))
  return {
    id: `${productId}@${decisionDate ?? 'pending'}`,
    productId,
    year,
    round: 1,
    evaluatedOn: decisionDate,
    criteriaSetId: year >= 2023 ? 'qd-148' : 'qd-1048',
    partScores: {},
    itemScores: null,
    total: null,
    computedStars: recognisedStars,
    recognisedStars,
    councilLevel: 'tinh',
    kind: 'lan-dau',
    decisionNo: '',
    decisionDate,
    certificateNo: '',
    expiryDate:
      decisionDate && (recognisedStars ?? 0) >= 3 ? certificateExpiry(decisionDate) : null,
    note: '',
    createdAt: at,
    updatedAt: at,
    ...extra,
  }
}

/** The 13 Mỹ Hào units of 2019 and the 3 wards of 1/7/2025, with catalogue keys as ids. */
export function myHaoUnits(): Unit[] {
  return catalogue.units.map((entry) => ({
    id: entry.key,
    code: entry.code,
    name: entry.name,
    kind: entry.kind as Unit['kind'],
    parentName: entry.parentName,
    validFrom: entry.validFrom,
    validTo: entry.validTo,
    successorId: entry.successorKey,
    note: entry.note,
    createdAt: at,
    updatedAt: at,
  }))
}
