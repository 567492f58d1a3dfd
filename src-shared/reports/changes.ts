/**
 * Biến động sản phẩm OCOP between two dates, by the rule of the Xếp hạng sao screen and Tổng quan
 * (so the three agree): new (no rank standing at the start), upgraded (2★ → 3★ included),
 * downgraded, expired (a rank at the start, none at the end), revoked (a rank at the start whose
 * certificate a decision revoked by the end) or unchanged. Only products that are
 * OCOP (3★+) on one of the dates are in it: a product at 1★-2★ on both is not an OCOP change.
 * The counts go in the body and the products in the annex.
 */
import { formatViDate, type IsoDate } from '../dates'
import type { DocColumn, DocRow, DocSection } from '../documents/model'
import type { Product } from '../db/records'
import { isOcopStars } from '../domain/criteria'
import { isCurrentRank, YEAR_CHANGES, type Rank, type YearChange } from '../domain/rankings'
import { viCollator } from '../text/vietnamese'
import type { ReportContext } from './context'

export const CHANGE_LABELS: Record<YearChange, string> = {
  new: 'Mới được công nhận',
  upgraded: 'Nâng hạng',
  downgraded: 'Hạ hạng',
  expired: 'Hết hạn, chưa đánh giá lại',
  revoked: 'Bị thu hồi giấy chứng nhận',
  unchanged: 'Giữ nguyên',
}

const starsOf = (rank: Rank | undefined): number | null => (isCurrentRank(rank) ? rank.stars : null)

interface Change {
  product: Product
  change: YearChange
  before: number | null
  after: number | null
}

function changeOf(
  before: number | null,
  after: number | null,
  revoked: boolean,
): YearChange | null {
  const ocop = (stars: number | null) => stars !== null && isOcopStars(stars)
  if (!ocop(before) && !ocop(after)) return null
  if (before === null) return 'new'
  if (after === null) return revoked ? 'revoked' : 'expired'
  return after > before ? 'upgraded' : after < before ? 'downgraded' : 'unchanged'
}

/** The day before the date's year began: 31/12 of the year before (the usual "from"). */
export function defaultFrom(date: IsoDate): IsoDate {
  return `${Number(date.slice(0, 4)) - 1}-12-31`
}

/** The body's counts table and the annex's list, between `from` and the context's date. */
export function changeSections(
  context: ReportContext,
  from: IsoDate,
): { summary: DocSection; list: DocSection; paragraph: string } {
  const counts = Object.fromEntries(YEAR_CHANGES.map((c) => [c, 0])) as Record<YearChange, number>
  const changes: Change[] = []
  for (const product of context.data.products) {
    const before = starsOf(context.index.rankOn(product.id, from))
    const now = context.index.rankOn(product.id, context.date)
    const after = starsOf(now)
    const change = changeOf(before, after, now?.revoked != null)
    if (change === null) continue
    counts[change] += 1
    changes.push({ product, change, before, after })
  }
  const order = new Map(YEAR_CHANGES.map((change, i) => [change, i]))
  const sorted = [...changes].sort(
    (a, b) =>
      (order.get(a.change) ?? 0) - (order.get(b.change) ?? 0) ||
      viCollator.compare(a.product.name, b.product.name),
  )
  const fromText = formatViDate(from)
  const toText = formatViDate(context.date)
  const columns: DocColumn[] = [
    { key: 'stt', title: 'STT', width: 5, align: 'center' },
    { key: 'product', title: 'Tên sản phẩm', width: 28, align: 'left' },
    { key: 'producer', title: 'Chủ thể', width: 26, align: 'left' },
    { key: 'unit', title: 'Xã, phường', width: 15, align: 'left' },
    { key: 'before', title: fromText, group: 'Hạng sao', width: 10, align: 'center' },
    { key: 'after', title: toText, group: 'Hạng sao', width: 10, align: 'center' },
    { key: 'change', title: 'Biến động', width: 18, align: 'left' },
  ]
  const rows: DocRow[] = sorted.map((item, i) => ({
    kind: 'data',
    cells: [
      i + 1,
      item.product.name,
      context.producerOf(item.product)?.name ?? '',
      context.unitOf(item.product)?.name ?? '',
      item.before,
      item.after,
      CHANGE_LABELS[item.change],
    ],
  }))
  rows.push({
    kind: 'total',
    cells: [null, `Tổng cộng: ${changes.length} sản phẩm`, null, null, null, null, null],
  })
  const summaryRows: DocRow[] = YEAR_CHANGES.map((change, i) => ({
    kind: 'data',
    cells: [i + 1, CHANGE_LABELS[change], counts[change]],
  }))
  summaryRows.push({ kind: 'total', cells: [null, 'Tổng cộng', changes.length] })
  const said = YEAR_CHANGES.filter((change) => counts[change] > 0).map(
    (change) => `${counts[change]} ${CHANGE_LABELS[change].toLocaleLowerCase('vi')}`,
  )
  return {
    paragraph:
      said.length === 0
        ? `Từ ${fromText} đến ${toText} không có sản phẩm OCOP nào thay đổi hạng.`
        : `Từ ${fromText} đến ${toText}: ${said.join('; ')}.`,
    summary: {
      table: {
        columns: [
          { key: 'stt', title: 'STT', width: 6, align: 'center' },
          { key: 'change', title: 'Biến động', width: 34, align: 'left' },
          { key: 'count', title: 'Số sản phẩm', width: 14, align: 'right' },
        ],
        rows: summaryRows,
      },
    },
    list: { table: { columns, rows } },
  }
}
