/**
 * Tallies of the OCOP products standing on a date: by product group × stars (Tổng hợp theo nhóm
 * sản phẩm), by producer type × stars (Tổng hợp theo loại hình chủ thể), and by owning office ×
 * stars (Tổng hợp theo đơn vị gửi).
 */
import type { DocColumn, DocRow, DocSection } from '../documents/model'
import { PRODUCER_TYPES } from '../db/records'
import { viCollator } from '../text/vietnamese'
import type { ReportContext } from './context'
import { PRODUCER_TYPE_LABELS } from './header'
import { ownerNameIn, reportingOfficeName } from './offices'
import { ocopProductsOn } from './products'

const STARS = 'Số sản phẩm OCOP'

function starColumns(first: DocColumn, extra: DocColumn[] = []): DocColumn[] {
  return [
    { key: 'stt', title: 'STT', width: 6, align: 'center' },
    first,
    ...extra,
    { key: 'stars3', title: '3 sao', group: STARS, width: 9, align: 'right' },
    { key: 'stars4', title: '4 sao', group: STARS, width: 9, align: 'right' },
    { key: 'stars5', title: '5 sao', group: STARS, width: 9, align: 'right' },
    { key: 'total', title: 'Tổng số', group: STARS, width: 9, align: 'right' },
  ]
}

interface Tally {
  label: string
  stars: Record<3 | 4 | 5, number>
  owners: Set<string>
}

function tally(
  context: ReportContext,
  keyOf: (product: ReturnType<typeof ocopProductsOn>[number]) => string,
) {
  const byKey = new Map<string, Tally>()
  for (const item of ocopProductsOn(context)) {
    const label = keyOf(item)
    let entry = byKey.get(label)
    if (!entry) {
      entry = { label, stars: { 3: 0, 4: 0, 5: 0 }, owners: new Set() }
      byKey.set(label, entry)
    }
    entry.stars[item.rank.stars as 3 | 4 | 5] += 1
    if (item.product.producerId) entry.owners.add(item.product.producerId)
  }
  return byKey
}

const sum = (t: Tally): number => t.stars[3] + t.stars[4] + t.stars[5]

function rowsOf(tallies: Tally[], withOwners: boolean): DocRow[] {
  const rows: DocRow[] = tallies.map((t, i) => ({
    kind: 'data',
    cells: [
      i + 1,
      t.label,
      ...(withOwners ? [t.owners.size] : []),
      t.stars[3],
      t.stars[4],
      t.stars[5],
      sum(t),
    ],
  }))
  const all = (stars: 3 | 4 | 5) => tallies.reduce((n, t) => n + t.stars[stars], 0)
  const owners = tallies.reduce((n, t) => n + t.owners.size, 0)
  rows.push({
    kind: 'total',
    cells: [
      null,
      'Tổng cộng',
      ...(withOwners ? [owners] : []),
      all(3),
      all(4),
      all(5),
      all(3) + all(4) + all(5),
    ],
  })
  return rows
}

/** OCOP products by product group (nhóm, ngành of the product's criteria set) and stars. */
export function groupSections(context: ReportContext): DocSection[] {
  const tallies = [
    ...tally(context, (item) => context.groupNameOf(item.product) || 'Chưa rõ nhóm').values(),
  ]
  tallies.sort((a, b) => sum(b) - sum(a) || viCollator.compare(a.label, b.label))
  return [
    {
      table: {
        columns: starColumns({ key: 'group', title: 'Nhóm sản phẩm', width: 34, align: 'left' }),
        rows: rowsOf(tallies, false),
      },
    },
  ]
}

/** OCOP products and their producers by producer type and stars, in the order of the types. */
export function typeSections(context: ReportContext): DocSection[] {
  const byType = tally(context, (item) => {
    const producer = context.producerOf(item.product)
    return producer ? PRODUCER_TYPE_LABELS[producer.type] : 'Chưa rõ chủ thể'
  })
  const order = [...PRODUCER_TYPES.map((type) => PRODUCER_TYPE_LABELS[type]), 'Chưa rõ chủ thể']
  const tallies = order.flatMap((label) => {
    const found = byType.get(label)
    return found ? [found] : []
  })
  return [
    {
      table: {
        columns: starColumns(
          { key: 'type', title: 'Loại hình chủ thể', width: 28, align: 'left' },
          [{ key: 'owners', title: 'Số chủ thể', width: 10, align: 'right' }],
        ),
        rows: rowsOf(tallies, true),
      },
    },
  ]
}

/**
 * Tổng hợp theo đơn vị gửi: OCOP products and their producers by the office that owns them, the
 * reporting office first, then each office that sent products, by name.
 */
export function officeSections(context: ReportContext): DocSection[] {
  const own = reportingOfficeName(context.data)
  const byOffice = tally(context, (item) => ownerNameIn(context.data, item.product))
  const tallies = [...byOffice.values()].sort((a, b) =>
    a.label === own ? -1 : b.label === own ? 1 : viCollator.compare(a.label, b.label),
  )
  return [
    {
      heading: 'Tổng hợp theo đơn vị gửi',
      level: 2,
      table: {
        columns: starColumns({ key: 'office', title: 'Đơn vị gửi', width: 28, align: 'left' }, [
          { key: 'owners', title: 'Số chủ thể', width: 10, align: 'right' },
        ]),
        rows: rowsOf(tallies, true),
      },
    },
  ]
}
