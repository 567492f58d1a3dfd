/**
 * The council's own papers, issued by the council under the body that founded it and signed by
 * its secretary and its chair side by side, without "Nơi nhận": the score summary (Bảng tổng hợp
 * kết quả chấm điểm) and the minutes of its meeting (Biên bản họp Hội đồng).
 */
import type { DocSection, OfficialDocument } from '../documents/model'
import { needsLandscape } from '../documents/fit'
import { reportFileName } from '../reports/header'
import { COUNCIL_LEVELS } from '../db/records'
import {
  averagesNote,
  councilIssuer,
  councilName,
  councilSigners,
  foundingDecision,
  LEVEL_WORDS,
  meetingDays,
  productName,
  recognisingBody,
  roundYear,
  ROLE_TITLES,
  scoredLine,
  starsBreakdown,
  type RankedEntry,
  type RoundDocumentInput,
} from './document-parts'
import { resultsSections } from './document-tables'
import { quorumRequired } from './results'

/** The score summary: every product's members' totals, averages and stars. */
export function summaryDocument(input: RoundDocumentInput): OfficialDocument {
  const { bundle, data, options, ranked } = input
  const sections: DocSection[] = [
    { paragraphs: [scoredLine(bundle, ranked.length)] },
    ...resultsSections(bundle, ranked),
  ]
  return {
    type: 'BB',
    issuer: councilIssuer(data.office, bundle.round.level),
    number: options.number?.trim() ?? '',
    signedOn: options.signedOn,
    title: {
      type: 'BẢNG TỔNG HỢP',
      subject: 'Kết quả chấm điểm sản phẩm OCOP',
      subtitle: `(${bundle.round.name})`,
    },
    sections,
    notes: [averagesNote(bundle)],
    recipients: null,
    signers: councilSigners(bundle.members),
    annexes: [],
    landscape: needsLandscape(sections),
    fileName: reportFileName(
      `bảng tổng hợp kết quả chấm điểm OCOP ${roundYear(bundle)}`,
      options.signedOn,
      options.sample,
    ),
    sample: options.sample === true,
  }
}

/** Members who handed in a complete sheet for at least one product: those who took part. */
function scoringMembers(input: RoundDocumentInput): Set<string> {
  const scored = new Set<string>()
  for (const item of input.ranked) {
    for (const member of item.result?.members ?? []) {
      if (member.total !== null) scored.add(member.memberId)
    }
  }
  return scored
}

/** "Hội đồng có 3 thành viên; 3 thành viên tham gia chấm điểm …": the quorum as the rules set it. */
function quorumLine(input: RoundDocumentInput): string {
  const { members, round } = input.bundle
  const scored = scoringMembers(input)
  const required = quorumRequired(members.length, round.rules)
  const chair = members.find((member) => member.role === 'chu-tich')
  const chairScored = chair !== undefined && scored.has(chair.id)
  const enough = scored.size >= required && (!round.rules.quorumNeedsChair || chairScored)
  const absent = members.filter((member) => !scored.has(member.id)).map((m) => m.name)
  const rule =
    `cần ít nhất ${required} thành viên` +
    (round.rules.quorumNeedsChair ? ', trong đó có Chủ tịch Hội đồng' : '')
  return (
    `Hội đồng có ${members.length} thành viên; ${scored.size} thành viên tham gia chấm điểm` +
    (absent.length > 0 ? ` (không chấm điểm: ${absent.join(', ')})` : '') +
    `. Theo quy chế hoạt động của Hội đồng ${rule}: ` +
    (enough ? 'cuộc họp đủ điều kiện tiến hành.' : 'cuộc họp không đủ điều kiện tiến hành.')
  )
}

/** The council's conclusion: what it recognises, what it proposes upward, what stays below 3★. */
function conclusions(input: RoundDocumentInput): string[] {
  const { bundle, data, ranked } = input
  const of = (kind: NonNullable<RankedEntry['outcome']>['kind']) =>
    ranked.filter((item) => item.outcome?.kind === kind)
  const lines: string[] = []
  const recognised = of('recognise')
  if (recognised.length > 0) {
    lines.push(
      `Đề nghị ${data.office.officeName.trim()} công nhận ${recognised.length} sản phẩm OCOP (${starsBreakdown(recognised)}).`,
    )
  }
  for (const level of COUNCIL_LEVELS) {
    const proposed = ranked.filter(
      (item) => item.outcome?.kind === 'propose' && item.outcome.to === level,
    )
    if (proposed.length === 0) continue
    const body = recognisingBody(level, bundle.round.meetingTo ?? input.options.signedOn)
    lines.push(
      `Đề nghị chuyển hồ sơ ${proposed.length} sản phẩm (${starsBreakdown(proposed)}) lên ${body} để đánh giá, phân hạng và công nhận ở ${LEVEL_WORDS[level]}.`,
    )
  }
  const below = of('result')
  if (below.length > 0) {
    lines.push(
      `${below.length} sản phẩm đạt dưới 3 sao (${starsBreakdown(below)}), chưa đủ điều kiện công nhận sản phẩm OCOP.`,
    )
  }
  const unranked = ranked.filter((item) => item.stars === null)
  if (unranked.length > 0) {
    lines.push(
      `${unranked.length} sản phẩm chưa đủ điểm để xếp hạng: ${unranked.map(productName).join(', ')}.`,
    )
  }
  return lines.map((line, i) => `${i + 1}. ${line}`)
}

/**
 * The minutes: when and where, the founding decision, the members and the quorum, what the
 * council did, its conclusion per outcome; the results of every product in the annex.
 */
export function minutesDocument(input: RoundDocumentInput): OfficialDocument {
  const { bundle, data, options, ranked } = input
  const { round } = bundle
  const days = meetingDays(round.meetingFrom, round.meetingTo)
  const founded = foundingDecision(bundle)
  const chair = bundle.members.find((m) => m.role === 'chu-tich')
  const secretary = bundle.members.find((m) => m.role === 'uy-vien-thu-ky')
  const opening = [
    ...(days ? [`Thời gian: ${days}.`] : []),
    ...(round.place.trim() ? [`Địa điểm: ${round.place.trim()}.`] : []),
    ...(founded ? [`${councilName(round.level)} được thành lập theo ${founded}.`] : []),
  ]
  const sections: DocSection[] = [
    ...(opening.length > 0 ? [{ paragraphs: opening }] : []),
    {
      heading: 'I. THÀNH PHẦN',
      level: 1,
      paragraphs: [`Thành viên Hội đồng (${bundle.members.length} người):`],
      table: {
        columns: [
          { key: 'stt', title: 'STT', width: 5, align: 'center' },
          { key: 'name', title: 'Họ và tên', width: 24, align: 'left' },
          { key: 'role', title: 'Chức danh trong Hội đồng', width: 22, align: 'left' },
          { key: 'organisation', title: 'Cơ quan, đơn vị', width: 30, align: 'left' },
        ],
        rows: bundle.members.map((member, i) => ({
          kind: 'data',
          cells: [i + 1, member.name, ROLE_TITLES[member.role], member.organisation],
        })),
      },
    },
    {
      paragraphs: [
        `Chủ trì: ${chair?.name ?? '……'}, Chủ tịch Hội đồng. Thư ký: ${secretary?.name ?? '……'}.`,
        quorumLine(input),
      ],
    },
    {
      heading: 'II. NỘI DUNG',
      level: 1,
      paragraphs: [
        scoredLine(bundle, ranked.length),
        'Mỗi thành viên chấm điểm độc lập trên phiếu chấm của nhóm sản phẩm; điểm của sản phẩm là điểm trung bình của các thành viên.',
        averagesNote(bundle),
        `Kết quả: ${starsBreakdown(ranked) || 'chưa có sản phẩm nào được xếp hạng'}. Kết quả chấm điểm từng sản phẩm tại Phụ lục kèm theo Biên bản này.`,
      ],
    },
    { heading: 'III. KẾT LUẬN CỦA HỘI ĐỒNG', level: 1, paragraphs: conclusions(input) },
    {
      paragraphs: [
        `Cuộc họp kết thúc ${meetingDays(round.meetingTo, round.meetingTo) ?? 'cùng ngày'}. Biên bản được thông qua tại cuộc họp./.`,
      ],
    },
  ]
  const results = resultsSections(bundle, ranked)
  return {
    type: 'BB',
    issuer: councilIssuer(data.office, round.level),
    number: options.number?.trim() ?? '',
    // Minutes carry no place-and-date line: the meeting's dates are in the text.
    signedOn: null,
    title: {
      type: 'BIÊN BẢN',
      subject: `Họp ${councilName(round.level)}`,
      subtitle: `(${round.name})`,
    },
    sections,
    // The closing sentence ends the minutes ("./."): nothing prints between it and the signers.
    notes: [],
    recipients: null,
    signers: councilSigners(bundle.members),
    annexes: [
      {
        title: 'KẾT QUẢ CHẤM ĐIỂM, PHÂN HẠNG SẢN PHẨM OCOP',
        subtitle: `(${round.name})`,
        landscape: needsLandscape(results),
        sections: results,
      },
    ],
    landscape: false,
    fileName: reportFileName(
      `biên bản họp hội đồng OCOP ${roundYear(bundle)}`,
      round.meetingTo ?? options.signedOn,
      options.sample,
    ),
    sample: options.sample === true,
  }
}
