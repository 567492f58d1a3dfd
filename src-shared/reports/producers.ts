/**
 * Danh sách chủ thể: producers by type (hợp tác xã, doanh nghiệp, tổ hợp tác, hộ sản xuất kinh
 * doanh), each with its products and their stars standing on the date, one product per row.
 */
import type { Producer, Product } from '../db/records'
import { PRODUCER_TYPES } from '../db/records'
import { isCurrentRank } from '../domain/rankings'
import { unitOnDate } from '../domain/units'
import { viCollator } from '../text/vietnamese'
import type { ReportContext } from './context'
import { romanNumeral } from '../documents/lines'
import { PRODUCER_TYPE_LABELS } from './header'
import type { DocCell, DocColumn, DocRow, DocSection } from '../documents/model'

/** Columns of the producers table, in order. */
export const PRODUCER_COLUMNS: DocColumn[] = [
  { key: 'stt', title: 'STT', width: 5, align: 'center' },
  { key: 'producer', title: 'Tên chủ thể', width: 28, align: 'left' },
  { key: 'taxCode', title: 'Mã số thuế', width: 13, align: 'left' },
  { key: 'unit', title: 'Xã, phường', width: 15, align: 'left' },
  { key: 'address', title: 'Địa chỉ', width: 24, align: 'left' },
  { key: 'representative', title: 'Người đại diện', width: 18, align: 'left' },
  { key: 'product', title: 'Sản phẩm', width: 26, align: 'left' },
  { key: 'stars', title: 'Hạng sao', width: 7, align: 'center' },
]

function countRow(kind: 'subtotal' | 'total', label: string, count: number): DocRow {
  const cells: DocCell[] = PRODUCER_COLUMNS.map(() => null)
  cells[1] = `${label}: ${count} chủ thể`
  return { kind, cells }
}

/** One section: group rows per producer type, a subtotal of producers per type, a total. */
export function producerSections(context: ReportContext): DocSection[] {
  const productsByProducer = new Map<string, Product[]>()
  for (const product of context.data.products) {
    if (product.producerId === null) continue
    const list = productsByProducer.get(product.producerId)
    if (list) list.push(product)
    else productsByProducer.set(product.producerId, [product])
  }
  const unitName = (producer: Producer): string => {
    if (producer.unitId === null) return ''
    const unit =
      unitOnDate(producer.unitId, context.date, context.unitsById) ??
      context.unitsById.get(producer.unitId)
    return unit?.name ?? ''
  }
  const starsOf = (product: Product): number | null => {
    const rank = context.index.rankOn(product.id, context.date)
    return isCurrentRank(rank) ? rank.stars : null
  }

  const rows: DocRow[] = []
  let stt = 0
  let group = 0
  for (const type of PRODUCER_TYPES) {
    const producers = context.data.producers
      .filter((producer) => producer.type === type)
      .sort((a, b) => viCollator.compare(a.name, b.name))
    if (producers.length === 0) continue
    rows.push({ kind: 'group', label: `${romanNumeral(++group)}. ${PRODUCER_TYPE_LABELS[type]}` })
    for (const producer of producers) {
      const products = (productsByProducer.get(producer.id) ?? []).sort((a, b) =>
        viCollator.compare(a.name, b.name),
      )
      const first: DocCell[] = [
        ++stt,
        producer.name,
        producer.taxCode,
        unitName(producer),
        producer.address,
        producer.representative,
      ]
      if (products.length === 0) rows.push({ kind: 'data', cells: [...first, '', null] })
      products.forEach((product, i) => {
        const owner = i === 0 ? first : [null, '', '', '', '', '']
        rows.push({ kind: 'data', cells: [...owner, product.name, starsOf(product)] })
      })
    }
    rows.push(countRow('subtotal', 'Cộng', producers.length))
  }
  rows.push(countRow('total', 'Tổng cộng', stt))
  return [{ table: { columns: PRODUCER_COLUMNS, rows } }]
}
