/**
 * The office's papers on a round's outcome: the proposal (Tờ trình) to the level that recognises
 * the ranks this council cannot, with its list, and the recognition decision (Quyết định) for
 * the ranks it can, with its Căn cứ lines, its three articles and its list. Both are issued by
 * the office as Cài đặt names it and signed by its signer.
 */
import { formatViDate } from '../dates'
import { COUNCIL_LEVELS } from '../db/records'
import { DOC_TYPES, type OfficialDocument } from '../documents/model'
import { issuerOf, signerOf } from '../documents/lines'
import { CERTIFICATE_MONTHS } from '../domain/certificates'
import { reportFileName } from '../reports/header'
import type { CouncilLevel } from './closing'
import {
  councilName,
  criteriaBases,
  foundingBasis,
  LEVEL_WORDS,
  meetingDays,
  minutesMention,
  recognisingBody,
  roundYear,
  scoredLine,
  starsBreakdown,
  type RankedEntry,
  type RoundDocumentData,
  type RoundDocumentInput,
} from './document-parts'
import { listAnnex } from './document-tables'

/** The proposals of the round to `options.to`, else to the nearest level it proposes to. */
export function proposalsOf(ranked: readonly RankedEntry[], to: CouncilLevel | undefined) {
  const proposed = ranked.flatMap((item) =>
    item.outcome?.kind === 'propose' ? [{ item, to: item.outcome.to }] : [],
  )
  const target = to ?? COUNCIL_LEVELS.find((level) => proposed.some((p) => p.to === level))
  return {
    to: target,
    items: proposed.filter((p) => p.to === target).map((p) => p.item),
  }
}

/** The Tờ trình to `to` for the products proposed to it. */
export function proposalDocument(
  built: RoundDocumentInput,
  to: CouncilLevel,
  items: RankedEntry[],
): OfficialDocument {
  const { bundle, data, options, ranked } = built
  const addressee = options.recipients?.addressees?.[0] ?? recognisingBody(to, options.signedOn)
  const office = data.office.officeName.trim()
  const scored = ranked.filter((item) => item.stars !== null)
  const subject = `Đề nghị công nhận kết quả đánh giá, phân hạng sản phẩm OCOP ${roundYear(bundle)}`
  const sections = [
    {
      paragraphs: [
        ...criteriaBases(bundle.set),
        ...foundingBasis(bundle),
        `Căn cứ ${minutesMention(bundle)}.`,
        `${office} kính trình ${addressee} xem xét, đánh giá, phân hạng và công nhận sản phẩm OCOP như sau:`,
      ],
    },
    {
      heading: `I. KẾT QUẢ ĐÁNH GIÁ, PHÂN HẠNG CỦA HỘI ĐỒNG ${LEVEL_WORDS[bundle.round.level].toLocaleUpperCase('vi')}`,
      level: 1 as const,
      paragraphs: [
        scoredLine(bundle, ranked.length),
        `Kết quả: ${scored.length} sản phẩm được xếp hạng (${starsBreakdown(scored) || 'không có'}).`,
      ],
    },
    {
      heading: 'II. ĐỀ NGHỊ',
      level: 1 as const,
      paragraphs: [
        `Đề nghị ${addressee} xem xét, đánh giá, phân hạng và công nhận ${items.length} sản phẩm (${starsBreakdown(items)}). Danh sách chi tiết tại Phụ lục kèm theo Tờ trình này.`,
        'Hồ sơ kèm theo: Biên bản họp Hội đồng, Bảng tổng hợp kết quả chấm điểm và hồ sơ của từng sản phẩm.',
        `${office} kính trình ${addressee} xem xét, quyết định./.`,
      ],
    },
  ]
  return {
    type: 'TTr',
    issuer: issuerOf(data.office),
    number: options.number?.trim() ?? '',
    signedOn: options.signedOn,
    title: { type: DOC_TYPES.TTr, subject },
    sections,
    notes: [],
    recipients: {
      addressees: options.recipients?.addressees ?? [addressee],
      copies: options.recipients?.copies ?? [],
      archive: data.office.draftingUnit,
    },
    signers: [signerOf(data.office)],
    annexes: [
      listAnnex(
        {
          title: 'DANH SÁCH SẢN PHẨM ĐỀ NGHỊ CÔNG NHẬN SẢN PHẨM OCOP',
          subtitle: `(${bundle.round.name})`,
        },
        items,
        bundle.round.rules.decimals,
        'Phân hạng đề nghị',
      ),
    ],
    landscape: false,
    fileName: reportFileName(`tờ trình ${subject}`, options.signedOn, options.sample),
    sample: options.sample === true,
  }
}

/**
 * The decision's authority line: the collective body when the signer signs for it ("TM."), else
 * its chair, as the office's signature in Cài đặt says who decides.
 */
function authorityOf(office: RoundDocumentData['office']): string {
  const body = office.officeName.trim().toLocaleUpperCase('vi')
  return /^TM\./i.test(office.signerAuthority.trim()) ? body : `CHỦ TỊCH ${body}`
}

/** The decision recognising `items`, the products this council's level recognises. */
export function decisionDocument(
  built: RoundDocumentInput,
  items: RankedEntry[],
): OfficialDocument {
  const { bundle, data, options } = built
  const council = councilName(bundle.round.level)
  const days = meetingDays(bundle.round.meetingFrom, bundle.round.meetingTo)
  const submission = options.submission
  const proposedBy =
    `Theo đề nghị của ${council} tại Biên bản họp${days ? ` ${days}` : ''}` +
    (submission
      ? ` và của ${submission.by.trim()} tại Tờ trình số ${submission.number.trim()} ngày ${formatViDate(submission.date)}`
      : '') +
    '.'
  const subject = `Công nhận kết quả đánh giá, phân hạng sản phẩm OCOP ${roundYear(bundle)}`
  const sections = [
    {
      paragraphs: [
        `Điều 1. Công nhận kết quả đánh giá, phân hạng sản phẩm OCOP ${roundYear(bundle)} đối với ${items.length} sản phẩm (${starsBreakdown(items)}). Danh sách chi tiết tại Phụ lục kèm theo Quyết định này.`,
        `Điều 2. Các sản phẩm tại Điều 1 được cấp Giấy chứng nhận sản phẩm OCOP theo hạng sao được công nhận; Giấy chứng nhận có giá trị ${CERTIFICATE_MONTHS} tháng kể từ ngày ký Quyết định này.`,
        `Điều 3. Quyết định này có hiệu lực kể từ ngày ký. Thủ trưởng các cơ quan, đơn vị có liên quan, ${council} và các chủ thể có sản phẩm tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
      ],
    },
  ]
  const upward =
    bundle.round.level === 'tinh' || bundle.round.level === 'trung-uong'
      ? ['Văn phòng Điều phối NTM Trung ương (để báo cáo)']
      : ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh']
  return {
    type: 'QĐ',
    issuer: issuerOf(data.office),
    number: options.number?.trim() ?? '',
    signedOn: options.signedOn,
    title: { type: DOC_TYPES.QĐ, subject },
    decision: {
      authority: authorityOf(data.office),
      bases: [
        ...(options.bases ?? []).map((line) => line.trim()).filter((line) => line !== ''),
        ...criteriaBases(bundle.set),
        ...foundingBasis(bundle),
        proposedBy,
      ],
    },
    sections,
    notes: [],
    recipients: {
      addressees: options.recipients?.addressees ?? [],
      copies: options.recipients?.copies ?? ['Như Điều 3', ...upward],
      archive: data.office.draftingUnit,
    },
    signers: [signerOf(data.office)],
    annexes: [
      listAnnex(
        {
          title: 'DANH SÁCH SẢN PHẨM ĐƯỢC CÔNG NHẬN SẢN PHẨM OCOP',
          subtitle: `(${bundle.round.name})`,
        },
        items,
        bundle.round.rules.decimals,
        'Phân hạng',
      ),
    ],
    landscape: false,
    fileName: reportFileName(`quyết định ${subject}`, options.signedOn, options.sample),
    sample: options.sample === true,
  }
}
