/**
 * Danh sách sản phẩm OCOP: every product whose 3★+ recognition stands on the date (certificate not
 * expired), grouped by star (5★ first) or by unit, with a subtotal per group and a total.
 */
import { formatViDate } from '../dates'
import type { Producer, Product, Unit } from '../db/records'
import { isOcopStars } from '../domain/criteria'
import { isCurrentRank, type Rank } from '../domain/rankings'
import { viCollator } from '../text/vietnamese'
import { cellText, romanNumeral } from '../documents/lines'
import type { DocColumn, DocRow, DocSection } from '../documents/model'
import { EVALUATION_KIND_NOTES, scoreOf, type ReportContext } from './context'
import { PRODUCER_TYPE_LABELS, roundFigure, unitTitle } from './header'
import type { ReportOptions } from './model'
import { ownerNameIn } from './offices'

const DECISION = 'Quyết định công nhận'

/** The recognition decision's number and date, under one header; neither ever breaks. */
export const DECISION_COLUMNS: DocColumn[] = [
  { key: 'decisionNo', title: 'Số', group: DECISION, width: 14, align: 'left', noBreak: true },
  {
    key: 'decisionDate',
    title: 'Ngày',
    group: DECISION,
    width: 11,
    align: 'center',
    noBreak: true,
  },
]
/** The certificate's last valid day. */
export const EXPIRY_COLUMN: DocColumn = {
  key: 'expiryDate',
  title: 'Hiệu lực GCN đến ngày',
  width: 11,
  align: 'center',
  noBreak: true,
}
const SCORE = 'Điểm'

/**
 * Columns of the products table, in order: what a province asks of each product, with the
 * producer's address, representative and phone under its name, so the list also serves to
 * contact the owners.
 */
export const PRODUCT_COLUMNS: DocColumn[] = [
  { key: 'stt', title: 'STT', width: 5, align: 'center' },
  { key: 'product', title: 'Tên sản phẩm', width: 24, align: 'left' },
  { key: 'group', title: 'Nhóm sản phẩm', width: 14, align: 'left' },
  {
    key: 'producer',
    title: 'Chủ thể (địa chỉ, người đại diện, điện thoại)',
    width: 30,
    align: 'left',
  },
  { key: 'producerType', title: 'Loại hình', width: 12, align: 'left' },
  { key: 'unit', title: 'Xã, phường', width: 13, align: 'left' },
  { key: 'score', title: 'Tổng', group: SCORE, width: 7, align: 'right' },
  { key: 'parts', title: 'Phần A / B / C', group: SCORE, width: 12, align: 'center' },
  { key: 'stars', title: 'Hạng sao', width: 7, align: 'center' },
  ...DECISION_COLUMNS,
  { key: 'certificateNo', title: 'Số giấy chứng nhận', width: 12, align: 'left' },
  EXPIRY_COLUMN,
  { key: 'note', title: 'Ghi chú', width: 10, align: 'left' },
]

/** "HTX Tương Bần", then its address and "Đại diện: …; ĐT: …" on lines of their own. */
function producerCell(producer: Producer | undefined): string {
  if (!producer) return ''
  const contact = [
    producer.representative.trim() === '' ? '' : `Đại diện: ${producer.representative.trim()}`,
    producer.phone.trim() === '' ? '' : `ĐT: ${producer.phone.trim()}`,
  ]
    .filter(Boolean)
    .join('; ')
  return [producer.name, producer.address.trim(), contact].filter(Boolean).join('\n')
}

/** "25 / 40 / 26,5": the council's part scores in the set's order, empty when only a total. */
function partsCell(partScores: Readonly<Record<string, number>>): string {
  return Object.keys(partScores)
    .sort()
    .map((part) => cellText(roundFigure(partScores[part] ?? 0)))
    .join(' / ')
}

interface Listed {
  product: Product
  rank: Rank
  unit: Unit | undefined
}

// Subtotal and total rows say their count in words in the name column ("Cộng: 4 sản phẩm"); the
// STT column numbers products only.
function countRow(kind: 'subtotal' | 'total', label: string, count: number): DocRow {
  const cells = PRODUCT_COLUMNS.map(() => null as string | number | null)
  cells[1] = `${label}: ${count} sản phẩm`
  return { kind, cells }
}

/**
 * The Ghi chú of a product: "Mới", "Nâng hạng" … only for a decision of the report's year (a
 * product recognised years before is not new in this report); and for a product another office
 * sent, that office, unless the rows are grouped by office already.
 */
function noteOf(listed: Listed, context: ReportContext, namesOwner: boolean): string {
  const evaluation = listed.rank.evaluation
  const kind =
    evaluation.decisionDate?.slice(0, 4) === context.date.slice(0, 4)
      ? EVALUATION_KIND_NOTES[evaluation.kind]
      : ''
  const owner =
    namesOwner && listed.product.origin
      ? `Đơn vị gửi: ${ownerNameIn(context.data, listed.product)}`
      : ''
  return [kind, owner].filter(Boolean).join('; ')
}

function dataRow(stt: number, listed: Listed, context: ReportContext, namesOwner: boolean): DocRow {
  const { product, rank, unit } = listed
  const producer = context.producerOf(product)
  const evaluation = rank.evaluation
  return {
    kind: 'data',
    cells: [
      stt,
      product.name,
      context.groupNameOf(product),
      producerCell(producer),
      producer ? PRODUCER_TYPE_LABELS[producer.type] : '',
      unit?.name ?? '',
      scoreOf(evaluation),
      partsCell(evaluation.partScores),
      rank.stars,
      evaluation.decisionNo,
      formatViDate(evaluation.decisionDate),
      evaluation.certificateNo,
      formatViDate(rank.expiryDate),
      noteOf(listed, context, namesOwner),
    ],
  }
}

interface Group {
  label: string
  items: Listed[]
}

function byName(a: Listed, b: Listed): number {
  return viCollator.compare(a.product.name, b.product.name)
}

function groupByStars(listed: Listed[]): Group[] {
  return [5, 4, 3]
    .map((stars) => ({
      label: `Sản phẩm ${stars} sao`,
      items: listed.filter((item) => item.rank.stars === stars).sort(byName),
    }))
    .filter((group) => group.items.length > 0)
}

const byStarsThenName = (a: Listed, b: Listed) => b.rank.stars - a.rank.stars || byName(a, b)

function groupByUnits(listed: Listed[]): Group[] {
  const groups = new Map<string, { unit: Unit | undefined; items: Listed[] }>()
  for (const item of listed) {
    const key = item.unit?.id ?? ''
    const group = groups.get(key)
    if (group) group.items.push(item)
    else groups.set(key, { unit: item.unit, items: [item] })
  }
  const known = [...groups.values()]
    .filter((group) => group.unit !== undefined)
    .sort((a, b) => viCollator.compare(a.unit?.name ?? '', b.unit?.name ?? ''))
  const unknown = groups.get('')
  return [
    ...known.map((group) => ({
      label: unitTitle(group.unit as Unit),
      items: group.items.sort(byStarsThenName),
    })),
    ...(unknown
      ? [{ label: 'Chưa rõ xã, phường', items: unknown.items.sort(byStarsThenName) }]
      : []),
  ]
}

/**
 * Tổng hợp theo đơn vị gửi: the reporting office's own products first, then those of each office
 * that sent products, by the office's name.
 */
function groupByOffice(listed: Listed[], context: ReportContext): Group[] {
  const groups = new Map<string, Group>()
  for (const item of listed) {
    const key = item.product.origin?.office ?? ''
    const group = groups.get(key)
    if (group) group.items.push(item)
    else groups.set(key, { label: ownerNameIn(context.data, item.product), items: [item] })
  }
  const own = groups.get('')
  const others = [...groups.entries()]
    .filter(([key]) => key !== '')
    .map(([, group]) => group)
    .sort((a, b) => viCollator.compare(a.label, b.label))
  return [...(own ? [own] : []), ...others].map((group) => ({
    label: group.label,
    items: group.items.sort(byStarsThenName),
  }))
}

/** The products recognised 3★+ and still valid on the context's date. */
export function ocopProductsOn(context: ReportContext): Listed[] {
  const listed: Listed[] = []
  for (const product of context.data.products) {
    const rank = context.index.rankOn(product.id, context.date)
    if (!isCurrentRank(rank) || !isOcopStars(rank.stars)) continue
    listed.push({ product, rank, unit: context.unitOf(product) })
  }
  return listed
}

/** The one section of the products list: the table with its group, subtotal and total rows. */
export function productSections(context: ReportContext, options: ReportOptions): DocSection[] {
  const listed = ocopProductsOn(context)
  const byOffice = options.grouping === 'office'
  const groups = byOffice
    ? groupByOffice(listed, context)
    : options.grouping === 'units'
      ? groupByUnits(listed)
      : groupByStars(listed)
  const rows: DocRow[] = []
  let stt = 0
  groups.forEach((group, i) => {
    rows.push({ kind: 'group', label: `${romanNumeral(i + 1)}. ${group.label}` })
    for (const item of group.items) rows.push(dataRow(++stt, item, context, !byOffice))
    rows.push(countRow('subtotal', 'Cộng', group.items.length))
  })
  rows.push(countRow('total', 'Tổng cộng', listed.length))
  return [{ table: { columns: PRODUCT_COLUMNS, rows } }]
}

/** Counts of OCOP products standing on the context's date, by stars (5, 4, 3). */
export function starCounts(context: ReportContext): Record<3 | 4 | 5, number> {
  const counts = { 3: 0, 4: 0, 5: 0 }
  for (const { rank } of ocopProductsOn(context)) counts[rank.stars as 3 | 4 | 5] += 1
  return counts
}

/** The summary in the body: OCOP products by stars, with each level's share. */
export function starSummarySection(context: ReportContext): DocSection {
  const counts = starCounts(context)
  const total = counts[3] + counts[4] + counts[5]
  const share = (n: number) => (total === 0 ? null : roundFigure((n * 100) / total))
  const rows: DocRow[] = ([5, 4, 3] as const).map((stars, i) => ({
    kind: 'data',
    cells: [i + 1, `Sản phẩm ${stars} sao`, counts[stars], share(counts[stars])],
  }))
  rows.push({ kind: 'total', cells: [null, 'Tổng cộng', total, share(total)] })
  return {
    table: {
      columns: [
        { key: 'stt', title: 'STT', width: 6, align: 'center' },
        { key: 'stars', title: 'Hạng sao', width: 30, align: 'left' },
        { key: 'count', title: 'Số sản phẩm', width: 14, align: 'right' },
        { key: 'share', title: 'Tỷ lệ (%)', width: 12, align: 'right' },
      ],
      rows,
    },
  }
}
