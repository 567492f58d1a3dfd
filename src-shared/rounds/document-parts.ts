/**
 * What the round's documents share: the council as the issuer of its own papers (the score
 * summary and the minutes), its two signers, each entered product with its result and the outcome
 * closing gives it, and the two tables — the results of every product and the list of products
 * proposed or recognised. Pure; documents.ts puts them into each document.
 */
import { formatViDate, type IsoDate } from '../dates'
import type { CriteriaSet, Producer, Product, RoundEntry, RoundMember, Unit } from '../db/records'
import { closingOutcome, type ClosingOutcome, type CouncilLevel } from './closing'
import type { Issuer, Recipients, Signer } from '../documents/model'
import { isPeoplesCommittee, issuerOf } from '../documents/lines'
import type { OfficeIdentity } from '../domain/office'
import type { ReportContext } from '../reports/context'
import type { ReportData } from '../reports/model'
import type { ProductResult } from './results'
import { proposedStarsOf, roundResults, type RoundBundle } from './round-data'

export interface RoundDocumentOptions {
  /** The signing date in the header (the minutes have none: they are dated by the meeting). */
  signedOn: IsoDate
  /** The number part of "Số: 05/QĐ-UBND"; empty or absent leaves the space to fill by hand. */
  number?: string
  /** The clerk's recipients, each list when changed from the document's usual one. */
  recipients?: Partial<Pick<Recipients, 'addressees' | 'copies'>>
  /** proposal: the level it goes to when the round proposes to several; default the nearest. */
  to?: CouncilLevel
  /** decision: "Căn cứ …;" lines put before the generated ones (the law the issuer acts under). */
  bases?: string[]
  /** decision: the Tờ trình it answers, by whom ("Phòng Kinh tế"), its number and date. */
  submission?: { by: string; number: string; date: IsoDate }
  /** Built from the practice register (OfficialDocument.sample). */
  sample?: boolean
}

/** The register the documents name products, producers and units from, and the office. */
export type RoundDocumentData = ReportData

/** What every round document is built from, its products read once. */
export interface RoundDocumentInput {
  bundle: RoundBundle
  data: RoundDocumentData
  options: RoundDocumentOptions
  ranked: RankedEntry[]
}

/** Council levels as a document names them after "Hội đồng … OCOP". */
export const LEVEL_WORDS: Record<CouncilLevel, string> = {
  xa: 'cấp xã',
  huyen: 'cấp huyện',
  tinh: 'cấp tỉnh',
  'trung-uong': 'Trung ương',
}

/** Members' roles as the founding decision writes them: on the documents and the members' workbooks. */
export const ROLE_TITLES: Record<RoundMember['role'], string> = {
  'chu-tich': 'Chủ tịch Hội đồng',
  'pho-chu-tich': 'Phó Chủ tịch Hội đồng',
  'uy-vien-thu-ky': 'Ủy viên, Thư ký Hội đồng',
  'uy-vien': 'Ủy viên',
}

const COUNCIL_NAME = 'Hội đồng đánh giá, phân hạng sản phẩm OCOP'

/** "Hội đồng đánh giá, phân hạng sản phẩm OCOP cấp huyện". */
export function councilName(level: CouncilLevel): string {
  return `${COUNCIL_NAME} ${LEVEL_WORDS[level]}`
}

const capitals = (text: string): string => text.trim().toLocaleUpperCase('vi')

/**
 * The council as the issuer of its summary and minutes, under the body that founded it: a
 * people's committee prints as "UBND THỊ XÃ MỸ HÀO" above it, a unit under a parent as its parent.
 */
export function councilIssuer(office: OfficeIdentity, level: CouncilLevel): Issuer {
  const body = issuerOf(office)
  const name = capitals(office.officeName)
  const founder = isPeoplesCommittee(name)
    ? `UBND ${body.name.slice(1).join(' ')}`.trim()
    : capitals(office.parentBody) || name
  return {
    parent: founder === '' ? null : founder,
    // Three short lines: a longer one wraps in the header's half of a portrait sheet.
    name: ['HỘI ĐỒNG ĐÁNH GIÁ,', 'PHÂN HẠNG SẢN PHẨM', `OCOP ${capitals(LEVEL_WORDS[level])}`],
    nameInText: councilName(level),
    abbreviation: 'HĐ',
    place: body.place,
  }
}

/**
 * The minutes' two signers, the secretary on the left and the chair on the right (the decree's
 * form of minutes); a council without a secretary leaves the name to write by hand.
 */
export function councilSigners(members: readonly RoundMember[]): Signer[] {
  const named = (role: RoundMember['role']) => members.find((m) => m.role === role)?.name ?? ''
  return [
    { lines: ['THƯ KÝ HỘI ĐỒNG'], name: named('uy-vien-thu-ky') },
    { lines: ['CHỦ TỊCH HỘI ĐỒNG'], name: named('chu-tich') },
  ]
}

/** An entered product with what the register says of it and what the council gave it. */
export interface RankedEntry {
  entry: RoundEntry
  product: Product | undefined
  producer: Producer | undefined
  unit: Unit | undefined
  result: ProductResult | undefined
  /** The council's stars: its own proposal, else the computed ones; null before it can rank. */
  stars: number | null
  /** What closing does with it; null while it has no stars. */
  outcome: ClosingOutcome | null
}

/** Every entered product in the council's order, with its result and its closing outcome. */
export function rankedEntries(bundle: RoundBundle, context: ReportContext): RankedEntry[] {
  const results = roundResults(bundle)
  const products = new Map(context.data.products.map((p) => [p.id, p]))
  return bundle.entries.map((entry) => {
    const product = products.get(entry.productId)
    const result = results.get(entry.id)
    const stars = proposedStarsOf(entry, result)
    return {
      entry,
      product,
      producer: product && context.producerOf(product),
      unit: product && context.unitOf(product),
      result,
      stars,
      outcome: stars === null ? null : closingOutcome(bundle.set, bundle.round.level, stars),
    }
  })
}

const formats = new Map<number, Intl.NumberFormat>()

/**
 * A council average with the round's decimals and the Vietnamese comma ("65,50"): written as
 * text, because the council states its averages to a fixed number of decimals and a number cell
 * would drop the trailing zero.
 */
export function scoreText(value: number | null | undefined, decimals: number): string | null {
  if (value === null || value === undefined) return null
  let format = formats.get(decimals)
  if (!format) {
    const digits = { minimumFractionDigits: decimals, maximumFractionDigits: decimals }
    format = new Intl.NumberFormat('vi-VN', { ...digits, useGrouping: false })
    formats.set(decimals, format)
  }
  return format.format(value)
}

/** "3 sao". */
export const starsText = (stars: number | null): string | null =>
  stars === null ? null : `${stars} sao`

/** "Tương bần Mỹ Hào", or the entry's product id when the register no longer has it. */
export const productName = (ranked: RankedEntry): string =>
  ranked.product?.name ?? ranked.entry.productId

/** "1 sản phẩm 4 sao, 2 sản phẩm 3 sao", highest first. */
export function starsBreakdown(ranked: readonly RankedEntry[]): string {
  const counts = new Map<number, number>()
  for (const item of ranked) {
    if (item.stars !== null) counts.set(item.stars, (counts.get(item.stars) ?? 0) + 1)
  }
  return [...counts.entries()]
    .sort(([a], [b]) => b - a)
    .map(([stars, n]) => `${n} sản phẩm ${stars} sao`)
    .join(', ')
}

/** "ngày 01/10/2020" or "từ ngày 01/10/2020 đến ngày 02/10/2020"; null without dates. */
export function meetingDays(from: IsoDate | null, to: IsoDate | null): string | null {
  const first = from ?? to
  const last = to ?? from
  if (first === null || last === null) return null
  return first === last
    ? `ngày ${formatViDate(first)}`
    : `từ ngày ${formatViDate(first)} đến ngày ${formatViDate(last)}`
}

/** "năm 2020 (đợt 1)". */
export const roundYear = (bundle: RoundBundle): string =>
  `năm ${bundle.round.year} (đợt ${bundle.round.number})`

/**
 * The set's legal basis as "Căn cứ …;" lines, its decisions written out ("QĐ 1048/QĐ-TTg" →
 * "Quyết định số 1048/QĐ-TTg"), one line per text it names.
 */
export function criteriaBases(set: Pick<CriteriaSet, 'legalBasis'>): string[] {
  return set.legalBasis
    .split(';')
    .map((part) => part.trim().replace(/\bQĐ (\d+\/)/g, 'Quyết định số $1'))
    .filter((part) => part !== '')
    .map((part) => `Căn cứ ${part};`)
}

/** "Quyết định số 1201/QĐ-UBND ngày 15/09/2020", or null while the round has no number for it. */
export function foundingDecision(bundle: RoundBundle): string | null {
  const { councilDecisionNo, councilDecisionDate } = bundle.round
  if (councilDecisionNo.trim() === '') return null
  const date = councilDecisionDate ? ` ngày ${formatViDate(councilDecisionDate)}` : ''
  return `Quyết định số ${councilDecisionNo.trim()}${date}`
}

/** "Căn cứ Quyết định số … thành lập Hội đồng …;", if the decision is numbered. */
export function foundingBasis(bundle: RoundBundle): string[] {
  const decision = foundingDecision(bundle)
  return decision === null
    ? []
    : [`Căn cứ ${decision} thành lập ${councilName(bundle.round.level)};`]
}

/** "Biên bản họp Hội đồng … ngày 01/10/2020". */
export function minutesMention(bundle: RoundBundle): string {
  const days = meetingDays(bundle.round.meetingFrom, bundle.round.meetingTo)
  return `Biên bản họp ${councilName(bundle.round.level)}${days ? ` ${days}` : ''}`
}

/** "Hội đồng … (thành lập theo Quyết định số …) đánh giá, chấm điểm 3 sản phẩm theo … ngày … tại …." */
export function scoredLine(bundle: RoundBundle, count: number): string {
  const { round, set } = bundle
  const founded = foundingDecision(bundle)
  const days = meetingDays(round.meetingFrom, round.meetingTo)
  const place = round.place.trim()
  return (
    `${councilName(round.level)}${founded ? ` (thành lập theo ${founded})` : ''} đánh giá, ` +
    `chấm điểm ${count} sản phẩm theo ${set.name}${days ? ` ${days}` : ''}` +
    `${place ? ` tại ${place}` : ''}.`
  )
}

/** How the averages and stars were computed, under the results. */
export function averagesNote(bundle: RoundBundle): string {
  const { decimals } = bundle.round.rules
  return (
    'Điểm trung bình tính trên các thành viên đã chấm đủ các phần' +
    (decimals > 0 ? `, làm tròn ${decimals} chữ số thập phân` : ', làm tròn đến số nguyên') +
    '; hạng sao theo điểm trung bình chưa làm tròn và ngưỡng điểm của bộ tiêu chí.'
  )
}

/** The body that recognises at `level`, as a Tờ trình addresses it. */
export function recognisingBody(level: CouncilLevel, on: IsoDate): string {
  switch (level) {
    case 'xa':
      return 'Ủy ban nhân dân xã'
    case 'huyen':
      return 'Ủy ban nhân dân huyện'
    case 'tinh':
      return 'Ủy ban nhân dân tỉnh'
    case 'trung-uong':
      // The ministry of agriculture merged into the Bộ Nông nghiệp và Môi trường on 01/3/2025
      // (Nghị quyết 176/2025/QH15, Nghị định 35/2025/NĐ-CP).
      return on >= '2025-03-01'
        ? 'Bộ Nông nghiệp và Môi trường'
        : 'Bộ Nông nghiệp và Phát triển nông thôn'
  }
}
