/**
 * The two tables of a round's documents: the results of every product (the score summary, and
 * the minutes' annex) and the list of products a proposal or a decision carries.
 */
import type { RoundMember } from '../db/records'
import { fitTable } from '../documents/fit'
import type { Annex, DocColumn, DocRow, DocSection } from '../documents/model'
import { formatMessage } from '../messages/format'
import { unitTitle } from '../reports/header'
import { productName, scoreText, starsText, type RankedEntry } from './document-parts'
import { resultMessageOf } from './result-messages'
import type { RoundBundle } from './round-data'

/** The producer's address, else the commune or ward of the product. */
function addressOf(ranked: RankedEntry): string {
  const address = ranked.producer?.address.trim() ?? ''
  if (address !== '') return address
  return ranked.unit ? unitTitle(ranked.unit) : ''
}

const MEMBERS_GROUP = 'Tổng điểm của từng thành viên'
const AVERAGE_GROUP = 'Điểm trung bình'
const STARS_GROUP = 'Hạng sao'

/**
 * The results of every product: each member's total, the averages of the parts and of the total
 * with the round's decimals, the stars the scores give and the stars the council proposes; then
 * what the council must see (missing scores, spread, quorum, a proposal that differs).
 */
export function resultsSections(bundle: RoundBundle, ranked: readonly RankedEntry[]): DocSection[] {
  const decimals = bundle.round.rules.decimals
  const columns: DocColumn[] = [
    { key: 'stt', title: 'STT', width: 5, align: 'center' },
    { key: 'product', title: 'Sản phẩm', width: 24, align: 'left' },
    { key: 'producer', title: 'Chủ thể', width: 22, align: 'left' },
    ...bundle.members.map((member, m): DocColumn => ({
      key: `member-${m + 1}`,
      title: member.name,
      group: MEMBERS_GROUP,
      width: 9,
      align: 'right',
    })),
    ...bundle.set.parts.map((part): DocColumn => ({
      key: `average-${part.code}`,
      title: `Phần ${part.code}`,
      group: AVERAGE_GROUP,
      width: 8,
      align: 'right',
    })),
    { key: 'average-total', title: 'Tổng', group: AVERAGE_GROUP, width: 8, align: 'right' },
    { key: 'stars-computed', title: 'Theo điểm', group: STARS_GROUP, width: 7, align: 'center' },
    { key: 'stars-proposed', title: 'Đề nghị', group: STARS_GROUP, width: 7, align: 'center' },
  ]
  const rows: DocRow[] = ranked.map((item, i) => {
    const result = item.result
    const totals = new Map(result?.members.map((m) => [m.memberId, m.total]) ?? [])
    return {
      kind: 'data',
      cells: [
        i + 1,
        productName(item),
        item.producer?.name ?? '',
        ...bundle.members.map((member) => totals.get(member.id) ?? null),
        ...bundle.set.parts.map((part) => scoreText(result?.average.parts[part.code], decimals)),
        scoreText(result?.average.total, decimals),
        result?.stars ?? null,
        item.stars,
      ],
    }
  })
  const remarks = ranked.flatMap((item, i) => remarksOf(item, i + 1, bundle.members))
  return [
    { table: { columns, rows } },
    ...(remarks.length > 0 ? [{ heading: 'Ghi chú', level: 2 as const, paragraphs: remarks }] : []),
  ]
}

/** "2. Tương bần Mỹ Hào: …." for a product the council must look at again or ranked differently. */
function remarksOf(item: RankedEntry, stt: number, members: readonly RoundMember[]): string[] {
  const nameOf = (id: string) => members.find((m) => m.id === id)?.name ?? id
  const parts = (item.result?.messages ?? []).map((message) =>
    formatMessage(resultMessageOf(message, nameOf)),
  )
  const computed = item.result?.stars ?? null
  if (item.entry.proposedStars !== null && item.entry.proposedStars !== computed) {
    const reason = item.entry.proposalReason.trim()
    parts.push(
      `Hội đồng đề nghị ${item.entry.proposedStars} sao` +
        (computed === null ? '' : ` (theo điểm ${computed} sao)`) +
        (reason === '' ? '' : `, lý do: ${reason.replace(/[.;]$/, '')}`),
    )
  }
  return parts.length === 0 ? [] : [`${stt}. ${productName(item)}: ${parts.join('; ')}.`]
}

/**
 * The annex a proposal or a decision carries: STT, product, producer, address, the average total
 * and the stars (proposed, or recognised). Portrait like the text it goes with, wrapping names
 * and addresses onto two lines, unless its longest words cannot fit there.
 */
export function listAnnex(
  heading: Pick<Annex, 'title' | 'subtitle'>,
  ranked: readonly RankedEntry[],
  decimals: number,
  starsTitle: string,
): Annex {
  const columns: DocColumn[] = [
    { key: 'stt', title: 'STT', width: 5, align: 'center' },
    { key: 'product', title: 'Sản phẩm', width: 26, align: 'left' },
    { key: 'producer', title: 'Chủ thể', width: 24, align: 'left' },
    { key: 'address', title: 'Địa chỉ', width: 26, align: 'left' },
    { key: 'score', title: 'Điểm số', width: 8, align: 'right', noBreak: true },
    { key: 'stars', title: starsTitle, width: 10, align: 'center' },
  ]
  const rows: DocRow[] = ranked.map((item, i) => ({
    kind: 'data',
    cells: [
      i + 1,
      productName(item),
      item.producer?.name ?? '',
      addressOf(item),
      scoreText(item.result?.average.total, decimals),
      starsText(item.stars),
    ],
  }))
  const table = { columns, rows }
  return {
    ...heading,
    landscape: fitTable(table, { landscape: false }).overflows,
    sections: [{ table }],
  }
}
