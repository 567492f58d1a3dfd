/**
 * The papers of a revocation (thu hồi giấy chứng nhận sản phẩm OCOP), in the layout of Nghị định
 * 30/2020 (docs/official-documents.md): where this office recognised the products, its own
 * decision revoking them (Quyết định, with its Căn cứ lines and three articles); where a higher
 * level recognised them, the proposal (Tờ trình) asking that level to revoke them. Both carry the
 * same list in their annex. Pure, like the reports: the .docx and .xlsx writers render the model.
 */
import { formatViDate, type IsoDate } from '../dates'
import type { Evaluation, Revocation } from '../db/records'
import type { CouncilLevel } from '../rounds/closing'
import { needsLandscape } from '../documents/fit'
import { issuerOf, signerOf } from '../documents/lines'
import type {
  Annex,
  DocColumn,
  DocRow,
  DocSection,
  OfficialDocument,
  Recipients,
} from '../documents/model'
import { DOC_TYPES } from '../documents/model'
import { REVOCATION_REASON_LABELS, revocationReasonText } from '../domain/revocations'
import { reportContext } from '../reports/context'
import { reportFileName, unitTitle } from '../reports/header'
import type { ReportData } from '../reports/model'
import { recognisingBody } from '../rounds/document-parts'
import { viCollator } from '../text/vietnamese'

export interface RevocationDocumentOptions {
  /**
   * The Tờ trình's own number and signing date (a Quyết định carries the decision's): the number
   * empty leaves the space to fill by hand; the date defaults to the decision's.
   */
  number?: string
  signedOn?: IsoDate
  /** The clerk's recipients, each list when changed from the document's usual one. */
  recipients?: Partial<Pick<Recipients, 'addressees' | 'copies'>>
  /** Built from the practice register (OfficialDocument.sample). */
  sample?: boolean
}

/** One row of the annex: a revoked certificate with what the register says of it. */
export interface RevokedListItem {
  product: string
  producer: string
  /** "Phường Dị Sử"; empty when the register has no unit for the product. */
  unit: string
  /** The unit's name alone ("Dị Sử"): the list sorts by it, not by its kind. */
  unitName: string
  stars: number | null
  certificateNo: string
  decisionNo: string
  decisionDate: IsoDate | null
  reason: string
}

const DECISION_GROUP = 'Quyết định công nhận'

/** The annex's columns: the certificate and the recognition it came with, then the reason. */
export const REVOKED_COLUMNS: DocColumn[] = [
  { key: 'stt', title: 'STT', width: 5, align: 'center' },
  { key: 'product', title: 'Tên sản phẩm', width: 24, align: 'left' },
  { key: 'producer', title: 'Chủ thể', width: 24, align: 'left' },
  { key: 'unit', title: 'Xã, phường', width: 14, align: 'left' },
  { key: 'stars', title: 'Hạng sao', width: 7, align: 'center' },
  { key: 'certificateNo', title: 'Số giấy chứng nhận', width: 12, align: 'left' },
  {
    key: 'decisionNo',
    title: 'Số',
    group: DECISION_GROUP,
    width: 14,
    align: 'left',
    noBreak: true,
  },
  {
    key: 'decisionDate',
    title: 'Ngày',
    group: DECISION_GROUP,
    width: 11,
    align: 'center',
    noBreak: true,
  },
  { key: 'reason', title: 'Lý do thu hồi', width: 26, align: 'left' },
]

/**
 * The certificates `revocation` revokes, each with its product, producer, the unit holding the
 * product's area on the decision's date, the recognition's stars, certificate and decision, and
 * the reason; ordered by unit, then product name. A line whose product or evaluation the register
 * no longer has still prints, with the ids it names, so the list never silently loses a row.
 */
export function revokedList(data: ReportData, revocation: Revocation): RevokedListItem[] {
  const context = reportContext(data, revocation.date)
  const products = new Map(data.products.map((p) => [p.id, p]))
  const evaluations = new Map<string, Evaluation>(data.evaluations.map((e) => [e.id, e]))
  const items = revocation.lines.map((line): RevokedListItem => {
    const product = products.get(line.productId)
    const evaluation = evaluations.get(line.evaluationId)
    const producer = product && context.producerOf(product)
    const unit = product && context.unitOf(product)
    return {
      product: product?.name ?? line.productId,
      producer: producer?.name ?? '',
      unit: unit ? unitTitle(unit) : '',
      unitName: unit?.name ?? '',
      stars: evaluation?.recognisedStars ?? null,
      certificateNo: evaluation?.certificateNo ?? '',
      decisionNo: evaluation?.decisionNo ?? '',
      decisionDate: evaluation?.decisionDate ?? null,
      reason: revocationReasonText(line),
    }
  })
  // Rows without a unit go last: they are the ones the clerk must look at.
  return items.sort(
    (a, b) =>
      Number(a.unit === '') - Number(b.unit === '') ||
      viCollator.compare(a.unitName, b.unitName) ||
      viCollator.compare(a.product, b.product),
  )
}

/** The annex list: one row per revoked certificate, then the total. */
function revokedAnnex(title: string, items: readonly RevokedListItem[]): Annex {
  const rows: DocRow[] = items.map((item, i) => ({
    kind: 'data',
    cells: [
      i + 1,
      item.product,
      item.producer,
      item.unit,
      item.stars,
      item.certificateNo,
      item.decisionNo,
      formatViDate(item.decisionDate),
      item.reason,
    ],
  }))
  rows.push({
    kind: 'total',
    cells: REVOKED_COLUMNS.map((_, i) => (i === 1 ? `Tổng cộng: ${items.length} sản phẩm` : null)),
  })
  const sections: DocSection[] = [{ table: { columns: REVOKED_COLUMNS, rows } }]
  return { title, landscape: needsLandscape(sections), sections }
}

/** "2 sản phẩm 4 sao, 3 sản phẩm 3 sao", highest first. */
function starsBreakdown(items: readonly RevokedListItem[]): string {
  const counts = new Map<number, number>()
  for (const item of items) {
    if (item.stars !== null) counts.set(item.stars, (counts.get(item.stars) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort(([a], [b]) => b - a)
    .map(([stars, n]) => `${n} sản phẩm ${stars} sao`)
    .join(', ')
}

/** "5 sản phẩm (2 sản phẩm 4 sao, 3 sản phẩm 3 sao)". */
function countWithStars(items: readonly RevokedListItem[]): string {
  const breakdown = starsBreakdown(items)
  return `${items.length} sản phẩm${breakdown === '' ? '' : ` (${breakdown})`}`
}

/** "3 sản phẩm hết thời hạn …, 1 sản phẩm không đạt …", in the order of the reasons. */
function reasonsBreakdown(revocation: Revocation): string {
  const counts = new Map<string, number>()
  for (const line of revocation.lines) {
    counts.set(line.reason, (counts.get(line.reason) ?? 0) + 1)
  }
  return (Object.keys(REVOCATION_REASON_LABELS) as (keyof typeof REVOCATION_REASON_LABELS)[])
    .filter((reason) => counts.has(reason))
    .map(
      (reason) =>
        `${counts.get(reason)} sản phẩm: ${REVOCATION_REASON_LABELS[reason].toLocaleLowerCase('vi')}`,
    )
    .join('; ')
}

/**
 * The law on local government in force on `date`, as a decision of a people's committee cites it:
 * the 2015 law as amended in 2019, the 2025 law of February (in force 01/3/2025), then the law of
 * June 2025 (in force 01/7/2025) that organised local government on two levels.
 */
export function localGovernmentBasis(date: IsoDate): string {
  if (date >= '2025-07-01') {
    return 'Căn cứ Luật Tổ chức chính quyền địa phương số 72/2025/QH15 ngày 16 tháng 6 năm 2025;'
  }
  if (date >= '2025-03-01') {
    return 'Căn cứ Luật Tổ chức chính quyền địa phương số 65/2025/QH15 ngày 19 tháng 02 năm 2025;'
  }
  return (
    'Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015; Luật sửa đổi, bổ sung ' +
    'một số điều của Luật Tổ chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22 tháng ' +
    '11 năm 2019;'
  )
}

/**
 * The Prime Minister's decision on OCOP criteria and procedure in force on `date` — where the
 * certificate's 36 months and its lapse are set (QĐ 148, Phụ lục II; before 24/02/2023 QĐ 1048).
 */
export function ocopProcedureBasis(date: IsoDate): string {
  const subject =
    'ban hành Bộ tiêu chí và quy trình đánh giá, phân hạng sản phẩm Chương trình Mỗi xã một sản phẩm'
  if (date >= '2025-07-06') {
    return `Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ ${subject}; Quyết định số 1489/QĐ-TTg ngày 06/7/2025 của Thủ tướng Chính phủ sửa đổi, bổ sung Quyết định số 148/QĐ-TTg;`
  }
  if (date >= '2023-02-24') {
    return `Căn cứ Quyết định số 148/QĐ-TTg ngày 24/02/2023 của Thủ tướng Chính phủ ${subject};`
  }
  return `Căn cứ Quyết định số 1048/QĐ-TTg ngày 21/8/2019 của Thủ tướng Chính phủ ${subject}; Quyết định số 781/QĐ-TTg ngày 08/6/2020 của Thủ tướng Chính phủ sửa đổi, bổ sung một số phụ lục của Quyết định số 1048/QĐ-TTg;`
}

/**
 * The recognition decisions the revoked certificates came with: each named when they are few,
 * else the annex stands for them.
 */
function recognitionBasis(items: readonly RevokedListItem[], by: string): string {
  const decisions = new Map<string, string>()
  for (const item of items) {
    const number = item.decisionNo.trim()
    if (number === '') continue
    const date = item.decisionDate ? ` ngày ${formatViDate(item.decisionDate)}` : ''
    decisions.set(`${number}${date}`, `số ${number}${date}`)
  }
  const of = by === '' ? '' : ` của ${by}`
  if (decisions.size === 0 || decisions.size > 4) {
    return `Căn cứ các Quyết định${of} công nhận sản phẩm OCOP có tên tại Phụ lục kèm theo;`
  }
  const list = [...decisions.values()]
  const named = list.length === 1 ? `Quyết định ${list[0]}` : `các Quyết định ${list.join(', ')}`
  return `Căn cứ ${named}${of} công nhận kết quả đánh giá, phân hạng sản phẩm OCOP;`
}

/** The number part of the decision's number: "125" of "125/QĐ-UBND", as the header adds the rest. */
export function numberPart(number: string): string {
  return number.trim().split('/')[0]?.trim() ?? ''
}

/** The decision's authority line: the committee when its signer signs for it ("TM."), else its chair. */
function authorityOf(office: ReportData['office']): string {
  const body = office.officeName.trim().toLocaleUpperCase('vi')
  return /^TM\./i.test(office.signerAuthority.trim()) ? body : `CHỦ TỊCH ${body}`
}

/** Where the decision reports to: the province and its OCOP office, or the central office. */
function upwardCopies(level: CouncilLevel): string[] {
  return level === 'tinh' || level === 'trung-uong'
    ? ['Văn phòng Điều phối NTM Trung ương (để báo cáo)']
    : ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh']
}

const DECISION_SUBJECT = 'Về việc thu hồi Giấy chứng nhận sản phẩm OCOP'
const PROPOSAL_SUBJECT = 'Về việc đề nghị thu hồi Giấy chứng nhận sản phẩm OCOP'
const ANNEX_TITLE = 'DANH SÁCH SẢN PHẨM BỊ THU HỒI GIẤY CHỨNG NHẬN SẢN PHẨM OCOP'
const PROPOSED_ANNEX_TITLE = 'DANH SÁCH SẢN PHẨM ĐỀ NGHỊ THU HỒI GIẤY CHỨNG NHẬN SẢN PHẨM OCOP'

/** This office's decision revoking the certificates `revocation` lists (issuer 'self'). */
export function revocationDecisionDocument(
  data: ReportData,
  revocation: Revocation,
  options: RevocationDocumentOptions = {},
): OfficialDocument {
  const items = revokedList(data, revocation)
  const office = data.office.officeName.trim()
  const producers = new Set(items.map((item) => item.producer).filter((name) => name !== ''))
  const sections: DocSection[] = [
    {
      paragraphs: [
        `Điều 1. Thu hồi Giấy chứng nhận sản phẩm OCOP đối với ${countWithStars(items)}` +
          (producers.size > 0 ? ` của ${producers.size} chủ thể` : '') +
          '. Danh sách chi tiết tại Phụ lục kèm theo Quyết định này.',
        'Điều 2. Quyết định này có hiệu lực kể từ ngày ký. Kể từ ngày này, ' +
          'các sản phẩm tại Điều 1 không còn là sản phẩm OCOP theo Giấy chứng nhận bị thu hồi; chủ thể ' +
          'không được sử dụng biểu trưng OCOP và hạng sao đã được công nhận trên sản phẩm, bao bì, nhãn ' +
          'và tài liệu quảng bá, và nộp lại Giấy chứng nhận cho cơ quan thường trực Chương trình OCOP.',
        'Điều 3. Thủ trưởng các cơ quan, đơn vị có liên quan, Chủ tịch Ủy ban nhân dân các xã, phường và các chủ thể có sản phẩm tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.',
      ],
    },
  ]
  const note = revocation.note.trim()
  return {
    type: 'QĐ',
    issuer: issuerOf(data.office),
    number: numberPart(revocation.number),
    signedOn: revocation.date,
    title: { type: DOC_TYPES.QĐ, subject: DECISION_SUBJECT },
    decision: {
      authority: authorityOf(data.office),
      bases: [
        localGovernmentBasis(revocation.date),
        ocopProcedureBasis(revocation.date),
        recognitionBasis(items, office),
        ...(note === '' ? [] : [`Xét ${note.replace(/[.;]$/, '')}.`]),
      ],
    },
    sections,
    notes: [],
    recipients: {
      addressees: options.recipients?.addressees ?? [],
      copies: options.recipients?.copies ?? ['Như Điều 3', ...upwardCopies(revocation.level)],
      archive: data.office.draftingUnit,
    },
    signers: [signerOf(data.office)],
    annexes: [revokedAnnex(ANNEX_TITLE, items)],
    landscape: false,
    fileName: reportFileName(
      `quyết định thu hồi giấy chứng nhận sản phẩm OCOP`,
      revocation.date,
      options.sample,
    ),
    sample: options.sample === true,
  }
}

/**
 * The proposal (Tờ trình) asking the level that recognised the products (issuer 'higher': the
 * decision's signer, at its level) to revoke their certificates, with the same list.
 */
export function revocationProposalDocument(
  data: ReportData,
  revocation: Revocation,
  options: RevocationDocumentOptions = {},
): OfficialDocument {
  const items = revokedList(data, revocation)
  const signedOn = options.signedOn ?? revocation.date
  const addressee =
    options.recipients?.addressees?.[0] ??
    (revocation.signer.trim() || recognisingBody(revocation.level, signedOn))
  const office = data.office.officeName.trim()
  const sections: DocSection[] = [
    {
      paragraphs: [
        ocopProcedureBasis(signedOn),
        recognitionBasis(items, addressee),
        `Qua rà soát, ${office} thấy ${countWithStars(items)} đã được ${addressee} công nhận ` +
          `thuộc trường hợp thu hồi Giấy chứng nhận sản phẩm OCOP (${reasonsBreakdown(revocation)}).`,
        ...(revocation.note.trim() === '' ? [] : [revocation.note.trim()]),
        // One closing request: the formula "kính trình … xem xét, quyết định" is said once.
        `${office} kính trình ${addressee} xem xét, quyết định thu hồi Giấy chứng nhận sản phẩm OCOP ` +
          `đối với ${items.length} sản phẩm, có hiệu lực từ ngày ${formatViDate(revocation.date)} ` +
          '(danh sách chi tiết tại Phụ lục kèm theo Tờ trình này)./.',
      ],
    },
  ]
  return {
    type: 'TTr',
    issuer: issuerOf(data.office),
    number: options.number?.trim() ?? '',
    signedOn,
    title: { type: DOC_TYPES.TTr, subject: PROPOSAL_SUBJECT },
    sections,
    notes: [],
    recipients: {
      addressees: options.recipients?.addressees ?? [addressee],
      copies: options.recipients?.copies ?? [],
      archive: data.office.draftingUnit,
    },
    signers: [signerOf(data.office)],
    annexes: [revokedAnnex(PROPOSED_ANNEX_TITLE, items)],
    landscape: false,
    fileName: reportFileName(
      `tờ trình đề nghị thu hồi giấy chứng nhận sản phẩm OCOP`,
      signedOn,
      options.sample,
    ),
    sample: options.sample === true,
  }
}

/** The document `revocation` needs: its decision when this office signs it, else the Tờ trình. */
export function revocationDocument(
  data: ReportData,
  revocation: Revocation,
  options: RevocationDocumentOptions = {},
): OfficialDocument {
  return revocation.issuer === 'self'
    ? revocationDecisionDocument(data, revocation, options)
    : revocationProposalDocument(data, revocation, options)
}

/**
 * The decision a command means: the one numbered `wanted` (its whole number, or the part before
 * "/"), else the latest by date, then by when it was recorded. Undefined when there is none.
 */
export function chooseRevocation(
  revocations: readonly Revocation[],
  wanted: string | undefined,
): Revocation | undefined {
  if (wanted !== undefined) {
    const key = wanted.trim().toLocaleLowerCase('vi')
    const exact = revocations.find((r) => r.number.trim().toLocaleLowerCase('vi') === key)
    if (exact) return exact
    const byPart = revocations.filter((r) => numberPart(r.number).toLocaleLowerCase('vi') === key)
    return byPart.length === 1 ? byPart[0] : undefined
  }
  return [...revocations].sort((a, b) =>
    a.date !== b.date ? (a.date < b.date ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1,
  )[0]
}
