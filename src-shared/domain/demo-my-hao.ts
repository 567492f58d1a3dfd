/**
 * The Mỹ Hào 2018-2020 demo scenario (docs/domain.md, "The Mỹ Hào example"): 9 products, a 2018
 * baseline of 4×3★, 4×2★ and 1×4★, and evaluations through 2020, and the province's 2021 decision
 * revoking the certificate of a 2018 product never re-evaluated. Which product had which star is
 * not public: every record here is invented, and its name or note says "Dữ liệu mẫu".
 */
import type { Evaluation, Producer, ProducerType, Product, Revocation } from '../db/records'
import { certificateExpiry } from './certificates'
import { starsFromTotal, totalFromParts } from './criteria'

export const DEMO_LABEL = 'Dữ liệu mẫu'
const NOTE = `${DEMO_LABEL} — không phải số liệu thật.`

interface DemoProduct {
  key: string
  name: string
  unit: string
  producer: string
  producerType: ProducerType
  groupCode: string
  productSetCode: string
  /** Evaluations as [year, criteria set, parts A/B/C, recognised stars, decision no, date, kind]. */
  evaluations: [
    number,
    string,
    [number, number, number],
    number,
    string,
    string,
    Evaluation['kind'],
  ][]
}

const DECISION_2018 = ['1815/QĐ-UBND', '2018-12-20'] as const
const DECISION_2019 = ['2420/QĐ-UBND', '2019-12-18'] as const
const DECISION_2020 = ['3056/QĐ-UBND', '2020-12-15'] as const

const PRODUCTS: DemoProduct[] = [
  {
    key: 'tuong-ban',
    name: 'Tương Bần',
    unit: 'Bần Yên Nhân',
    producer: 'HTX Tương Bần (mẫu)',
    producerType: 'htx',
    groupCode: '1048-1',
    productSetCode: '1048-1.3',
    evaluations: [
      [2018, 'tam-thoi-tinh', [26, 18.5, 28], 4, ...DECISION_2018, 'lan-dau'],
      [2020, 'qd-1048', [32, 23, 36.5], 5, ...DECISION_2020, 'nang-hang'],
    ],
  },
  {
    key: 'ga-long-mau',
    name: 'Gà lông màu',
    unit: 'Cẩm Xá',
    producer: 'Tổ hợp tác chăn nuôi gà Cẩm Xá (mẫu)',
    producerType: 'to-hop-tac',
    groupCode: '1048-1',
    productSetCode: '1048-1.1',
    evaluations: [
      [2018, 'tam-thoi-tinh', [20, 14, 24], 3, ...DECISION_2018, 'lan-dau'],
      [2019, 'qd-1048', [25, 18, 28], 4, ...DECISION_2019, 'nang-hang'],
    ],
  },
  {
    key: 'gao-nep',
    name: 'Gạo nếp Hưng Yên',
    unit: 'Hòa Phong',
    producer: 'HTX Nông nghiệp Hòa Phong (mẫu)',
    producerType: 'htx',
    groupCode: '1048-1',
    productSetCode: '1048-1.2',
    evaluations: [
      [2018, 'tam-thoi-tinh', [19, 14, 22], 3, ...DECISION_2018, 'lan-dau'],
      [2020, 'qd-1048', [20, 14.5, 23], 3, ...DECISION_2020, 'danh-gia-lai'],
    ],
  },
  {
    key: 'ca',
    name: 'Cá nước ngọt',
    unit: 'Ngọc Lâm',
    producer: 'Hộ nuôi cá Ngọc Lâm (mẫu)',
    producerType: 'ho-kinh-doanh',
    groupCode: '1048-1',
    productSetCode: '1048-1.1',
    evaluations: [[2018, 'tam-thoi-tinh', [18, 13, 21], 3, ...DECISION_2018, 'lan-dau']],
  },
  {
    key: 'ba-ba',
    name: 'Ba ba',
    unit: 'Xuân Dục',
    producer: 'Hộ nuôi ba ba Xuân Dục (mẫu)',
    producerType: 'ho-kinh-doanh',
    groupCode: '1048-1',
    productSetCode: '1048-1.1',
    evaluations: [[2018, 'tam-thoi-tinh', [18, 12.5, 21], 3, ...DECISION_2018, 'lan-dau']],
  },
  {
    key: 'bo-thit',
    name: 'Bò thịt',
    unit: 'Dương Quang',
    producer: 'Tổ hợp tác chăn nuôi bò Dương Quang (mẫu)',
    producerType: 'to-hop-tac',
    groupCode: '1048-1',
    productSetCode: '1048-1.1',
    evaluations: [
      [2018, 'tam-thoi-tinh', [16, 11, 18], 2, ...DECISION_2018, 'lan-dau'],
      [2020, 'qd-1048', [20, 14, 22], 3, ...DECISION_2020, 'nang-hang'],
    ],
  },
  {
    key: 'lon',
    name: 'Lợn thịt',
    unit: 'Hưng Long',
    producer: 'HTX Chăn nuôi Hưng Long (mẫu)',
    producerType: 'htx',
    groupCode: '1048-1',
    productSetCode: '1048-1.1',
    evaluations: [[2018, 'tam-thoi-tinh', [14, 10, 17], 2, ...DECISION_2018, 'lan-dau']],
  },
  {
    key: 'gao-nhat',
    name: 'Gạo Nhật',
    unit: 'Minh Đức',
    producer: 'Công ty TNHH Nông sản Minh Đức (mẫu)',
    producerType: 'doanh-nghiep',
    groupCode: '1048-1',
    productSetCode: '1048-1.2',
    evaluations: [
      [2018, 'tam-thoi-tinh', [17, 11.5, 19], 2, ...DECISION_2018, 'lan-dau'],
      [2020, 'qd-1048', [22, 15, 24], 3, ...DECISION_2020, 'nang-hang'],
    ],
  },
  {
    key: 'do-go',
    name: 'Đồ gỗ mỹ nghệ',
    unit: 'Phùng Chí Kiên',
    producer: 'Công ty CP Đồ gỗ Phùng Chí Kiên (mẫu)',
    producerType: 'doanh-nghiep',
    groupCode: '1048-5',
    productSetCode: '1048-5',
    evaluations: [[2018, 'tam-thoi-tinh', [13, 9, 16], 2, ...DECISION_2018, 'lan-dau']],
  },
]

/**
 * The province's decision revoking a 2018 certificate whose 36 months ran out (19/12/2021) with no
 * re-evaluation: Ba ba's. Cá nước ngọt's ran out too and is left to the clerk, so that the draft
 * from the register has one to propose.
 */
const REVOKED = { key: 'ba-ba', year: 2018 }
const REVOCATION = {
  id: 'demo-revocation-2021',
  number: '3268/QĐ-UBND',
  date: '2021-12-28',
  signer: 'Ủy ban nhân dân tỉnh Hưng Yên',
}

export interface DemoRecords {
  producers: Producer[]
  products: Product[]
  evaluations: Evaluation[]
  revocations: Revocation[]
}

/**
 * The demo records, with ids prefixed "demo-" so they can be found and removed; `unitIdByName`
 * maps the 2019 unit names to the register's unit ids (missing units leave the product without one).
 */
export function buildMyHaoDemo(
  unitIdByName: ReadonlyMap<string, string>,
  now: string,
): DemoRecords {
  const stamp = { createdAt: now, updatedAt: now }
  const producers: Producer[] = []
  const products: Product[] = []
  const evaluations: Evaluation[] = []
  for (const demo of PRODUCTS) {
    const unitId = unitIdByName.get(demo.unit) ?? null
    const producerId = `demo-producer-${demo.key}`
    producers.push({
      id: producerId,
      name: demo.producer,
      type: demo.producerType,
      taxCode: '',
      address: `${demo.unit}, Mỹ Hào, Hưng Yên`,
      unitId,
      representative: '',
      phone: '',
      note: NOTE,
      ...stamp,
    })
    const latestSet = demo.evaluations.at(-1)?.[1] ?? 'qd-1048'
    products.push({
      id: `demo-product-${demo.key}`,
      name: `${demo.name} (${DEMO_LABEL.toLowerCase()})`,
      producerId,
      unitId,
      criteriaSetId: latestSet === 'tam-thoi-tinh' ? 'qd-1048' : latestSet,
      groupCode: demo.groupCode,
      productSetCode: demo.productSetCode,
      description: NOTE,
      ...stamp,
    })
    demo.evaluations.forEach(
      ([year, criteriaSetId, [A, B, C], stars, decisionNo, decisionDate, kind], round) => {
        const total = totalFromParts({ A, B, C })
        evaluations.push({
          id: `demo-evaluation-${demo.key}-${year}`,
          productId: `demo-product-${demo.key}`,
          year,
          round: 1,
          evaluatedOn: null,
          criteriaSetId,
          partScores: { A, B, C },
          itemScores: null,
          total,
          computedStars: starsFromTotal(total),
          recognisedStars: stars,
          councilLevel: stars >= 5 ? 'trung-uong' : 'tinh',
          kind: round === 0 ? 'lan-dau' : kind,
          decisionNo,
          decisionDate,
          certificateNo: stars >= 3 ? `GCN-MẪU-${year}-${demo.key.toUpperCase()}` : '',
          expiryDate: stars >= 3 ? certificateExpiry(decisionDate) : null,
          note: NOTE,
          ...stamp,
        })
      },
    )
  }
  const revocations: Revocation[] = [
    {
      ...REVOCATION,
      issuer: 'higher',
      level: 'tinh',
      lines: [
        {
          productId: `demo-product-${REVOKED.key}`,
          evaluationId: `demo-evaluation-${REVOKED.key}-${REVOKED.year}`,
          reason: 'het-han',
          reasonText: '',
        },
      ],
      note: NOTE,
      ...stamp,
    },
  ]
  return { producers, products, evaluations, revocations }
}

/** True for a record of the demo scenario (its id starts with "demo-"). */
export function isDemoId(id: string): boolean {
  return id.startsWith('demo-')
}
