/**
 * Giấy chứng nhận sắp hết hạn / đã hết hạn: the certificates whose owners must be told (QĐ 148:
 * at least 30 days before expiry), the owners to tell with their address, representative and
 * phone, and the certificates that have lapsed without a new decision. A revoked certificate is
 * in none of the lists: it no longer runs out, and the revocation already closed it.
 */
import { formatViDate } from '../dates'
import type { Producer, Product } from '../db/records'
import { daysUntil, noticeDueDate, NOTICE_DAYS } from '../domain/certificates'
import { isOcopStars } from '../domain/criteria'
import type { Rank } from '../domain/rankings'
import { viCollator } from '../text/vietnamese'
import type { ReportContext } from './context'
import { PRODUCER_TYPE_LABELS } from './header'
import { DECISION_COLUMNS, EXPIRY_COLUMN } from './products'
import type { DocColumn, DocRow, DocSection } from '../documents/model'
import type { ReportOptions } from './model'

const COMMON_COLUMNS: DocColumn[] = [
  { key: 'stt', title: 'STT', width: 5, align: 'center' },
  { key: 'product', title: 'Tên sản phẩm', width: 24, align: 'left' },
  { key: 'producer', title: 'Chủ thể', width: 24, align: 'left' },
  { key: 'producerType', title: 'Loại hình', width: 12, align: 'left' },
  { key: 'address', title: 'Địa chỉ chủ thể', width: 22, align: 'left' },
  { key: 'stars', title: 'Hạng sao', width: 7, align: 'center' },
  ...DECISION_COLUMNS,
  EXPIRY_COLUMN,
]

/** Columns of the "sắp hết hạn" table: days left and the last day to send the notice. */
export const EXPIRING_COLUMNS: DocColumn[] = [
  ...COMMON_COLUMNS,
  { key: 'daysLeft', title: 'Số ngày còn lại', width: 9, align: 'right' },
  { key: 'noticeDue', title: 'Hạn gửi thông báo', width: 11, align: 'center' },
]

/** Columns of the "đã hết hạn" table: days since the last valid day. */
export const EXPIRED_COLUMNS: DocColumn[] = [
  ...COMMON_COLUMNS,
  { key: 'daysExpired', title: 'Số ngày đã hết hạn', width: 9, align: 'right' },
  { key: 'note', title: 'Ghi chú', width: 14, align: 'left' },
]

/**
 * Columns of the owners' notification list: one row per owner with a certificate expiring, how to
 * reach them, the products concerned and the last day to send the notice.
 */
export const NOTICE_COLUMNS: DocColumn[] = [
  { key: 'stt', title: 'STT', width: 5, align: 'center' },
  { key: 'producer', title: 'Chủ thể', width: 24, align: 'left' },
  { key: 'address', title: 'Địa chỉ', width: 22, align: 'left' },
  { key: 'representative', title: 'Người đại diện', width: 16, align: 'left' },
  { key: 'phone', title: 'Điện thoại', width: 12, align: 'left', noBreak: true },
  {
    key: 'products',
    title: 'Sản phẩm (giấy chứng nhận hiệu lực đến ngày)',
    width: 28,
    align: 'left',
  },
  { key: 'noticeDue', title: 'Hạn gửi thông báo', width: 11, align: 'center', noBreak: true },
]

interface Listed {
  product: Product
  rank: Rank
  expiryDate: string
  daysLeft: number
}

function commonCells(stt: number, item: Listed, context: ReportContext) {
  const producer = context.producerOf(item.product)
  return [
    stt,
    item.product.name,
    producer?.name ?? '',
    producer ? PRODUCER_TYPE_LABELS[producer.type] : '',
    producer?.address ?? '',
    item.rank.stars,
    item.rank.evaluation.decisionNo,
    formatViDate(item.rank.evaluation.decisionDate),
    formatViDate(item.expiryDate),
  ]
}

const byExpiry = (a: Listed, b: Listed) =>
  a.expiryDate < b.expiryDate
    ? -1
    : a.expiryDate > b.expiryDate
      ? 1
      : viCollator.compare(a.product.name, b.product.name)

/** Days ahead counted as "sắp hết hạn": the option, else the 30-day notice window. */
export function withinDaysOf(options: ReportOptions): number {
  const days = options.withinDays
  return days !== undefined && Number.isFinite(days) && days >= 0 ? Math.floor(days) : NOTICE_DAYS
}

/**
 * Three sections: certificates expiring within `withinDays` of the date, those expired, and the
 * owners of the expiring ones to notify.
 */
export function certificateSections(context: ReportContext, options: ReportOptions): DocSection[] {
  const within = withinDaysOf(options)
  const expiring: Listed[] = []
  const expired: Listed[] = []
  for (const product of context.data.products) {
    // The latest decision decides: a newer recognition renews, a newer 1★-2★ has no certificate.
    const rank = context.index.rankOn(product.id, context.date)
    if (!rank || rank.expiryDate === null || !isOcopStars(rank.stars)) continue
    if (rank.revoked !== null) continue
    const daysLeft = daysUntil(context.date, rank.expiryDate)
    const item = { product, rank, expiryDate: rank.expiryDate, daysLeft }
    if (daysLeft < 0) expired.push(item)
    else if (daysLeft <= within) expiring.push(item)
  }
  expiring.sort(byExpiry)
  expired.sort(byExpiry)

  const expiringRows: DocRow[] = expiring.map((item, i) => ({
    kind: 'data',
    cells: [
      ...commonCells(i + 1, item, context),
      item.daysLeft,
      formatViDate(noticeDueDate(item.expiryDate)),
    ],
  }))
  const late = expiring.filter((item) => noticeDueDate(item.expiryDate) < context.date).length
  const expiredRows: DocRow[] = expired.map((item, i) => ({
    kind: 'data',
    cells: [...commonCells(i + 1, item, context), -item.daysLeft, 'Chưa đánh giá lại'],
  }))
  const totalRow = (columns: DocColumn[], count: number): DocRow => ({
    kind: 'total',
    cells: columns.map((_, i) => (i === 1 ? `Tổng cộng: ${count} giấy chứng nhận` : null)),
  })

  const owners = noticeList(expiring, context)
  const noticeRows: DocRow[] = owners.map((owner, i) => ({
    kind: 'data',
    cells: [
      i + 1,
      owner.producer?.name ?? '',
      owner.producer?.address.trim() ?? '',
      owner.producer?.representative.trim() ?? '',
      owner.producer?.phone.trim() ?? '',
      owner.items
        .map((item) => `${item.product.name} (${formatViDate(item.expiryDate)})`)
        .join('\n'),
      formatViDate(noticeDueDate(owner.items[0]!.expiryDate)),
    ],
  }))
  const unreachable = owners.filter(
    (owner) => !owner.producer || owner.producer.phone.trim() === '',
  ).length

  return [
    {
      heading: `1. Giấy chứng nhận sắp hết hạn (trong ${within} ngày tới)`,
      paragraphs: [
        expiring.length === 0
          ? `Không có giấy chứng nhận nào hết hạn trong ${within} ngày tới.`
          : late > 0
            ? `Có ${expiring.length} giấy chứng nhận sắp hết hạn; ${late} giấy đã quá hạn gửi thông báo ${NOTICE_DAYS} ngày trước khi hết hạn, cần thông báo ngay cho chủ thể.`
            : `Có ${expiring.length} giấy chứng nhận sắp hết hạn; cần thông báo cho chủ thể chậm nhất ${NOTICE_DAYS} ngày trước khi hết hạn.`,
      ],
      table: {
        columns: EXPIRING_COLUMNS,
        rows: [...expiringRows, totalRow(EXPIRING_COLUMNS, expiring.length)],
      },
    },
    {
      heading: '2. Giấy chứng nhận đã hết hạn',
      paragraphs: [
        expired.length === 0
          ? 'Không có giấy chứng nhận nào đã hết hạn.'
          : `Có ${expired.length} giấy chứng nhận đã hết hạn mà sản phẩm chưa được đánh giá lại.`,
      ],
      table: {
        columns: EXPIRED_COLUMNS,
        rows: [...expiredRows, totalRow(EXPIRED_COLUMNS, expired.length)],
      },
    },
    {
      heading: '3. Danh sách chủ thể cần thông báo trước khi giấy chứng nhận hết hạn',
      paragraphs: [
        owners.length === 0
          ? 'Không có chủ thể nào cần thông báo.'
          : `Cần thông báo cho ${owners.length} chủ thể về thời hạn của giấy chứng nhận, chậm nhất ${NOTICE_DAYS} ngày trước khi hết hạn` +
            (unreachable > 0 ? `; ${unreachable} chủ thể chưa có số điện thoại trong sổ.` : '.'),
      ],
      table: {
        columns: NOTICE_COLUMNS,
        rows: [
          ...noticeRows,
          {
            kind: 'total',
            cells: NOTICE_COLUMNS.map((_, i) =>
              i === 1 ? `Tổng cộng: ${owners.length} chủ thể` : null,
            ),
          },
        ],
      },
    },
  ]
}

interface Owner {
  producer: Producer | undefined
  /** The owner's expiring certificates, soonest first. */
  items: Listed[]
}

/**
 * The owners of `expiring` (sorted by expiry), one each, in the order their first notice falls
 * due; a product without a producer stands alone, so nobody is left off the list.
 */
function noticeList(expiring: readonly Listed[], context: ReportContext): Owner[] {
  const owners = new Map<string, Owner>()
  for (const item of expiring) {
    const producer = context.producerOf(item.product)
    const key = producer ? `producer:${producer.id}` : `product:${item.product.id}`
    const owner = owners.get(key)
    if (owner) owner.items.push(item)
    else owners.set(key, { producer, items: [item] })
  }
  return [...owners.values()]
}
