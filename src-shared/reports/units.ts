/**
 * Tổng hợp theo đơn vị: OCOP products per commune/ward and star, over the units valid on the date
 * (after the 2025 mergers a product of an old commune counts under its successor).
 */
import { unitStarMatrix } from '../domain/unit-star-matrix'
import type { ReportContext } from './context'
import { unitTitle } from './header'
import type { DocColumn, DocRow, DocSection } from '../documents/model'

const STARS = 'Số sản phẩm OCOP'

/** Columns of the unit × star table, in order. */
export const UNIT_COLUMNS: DocColumn[] = [
  { key: 'stt', title: 'STT', width: 6, align: 'center' },
  { key: 'unit', title: 'Xã, phường', width: 30, align: 'left' },
  { key: 'stars3', title: '3 sao', group: STARS, width: 10, align: 'right' },
  { key: 'stars4', title: '4 sao', group: STARS, width: 10, align: 'right' },
  { key: 'stars5', title: '5 sao', group: STARS, width: 10, align: 'right' },
  { key: 'total', title: 'Tổng số', group: STARS, width: 10, align: 'right' },
  { key: 'note', title: 'Ghi chú', width: 18, align: 'left' },
]

/** The unit × star table and a line on how many units have an OCOP product. */
export function unitSections(context: ReportContext): DocSection[] {
  const matrix = unitStarMatrix(
    context.data.products,
    context.index,
    context.data.units,
    context.date,
  )
  const rows: DocRow[] = matrix.rows.map((row, i) => ({
    kind: 'data',
    cells: [
      i + 1,
      row.unit ? unitTitle(row.unit) : '',
      row.counts[3],
      row.counts[4],
      row.counts[5],
      row.total,
      row.empty ? 'Chưa có sản phẩm OCOP' : '',
    ],
  }))
  if (matrix.noUnit.total > 0) {
    const row = matrix.noUnit
    rows.push({
      kind: 'data',
      cells: [
        rows.length + 1,
        'Chưa rõ xã, phường',
        row.counts[3],
        row.counts[4],
        row.counts[5],
        row.total,
        '',
      ],
    })
  }
  rows.push({
    kind: 'total',
    cells: [
      null,
      'Tổng cộng',
      matrix.columnTotals[3],
      matrix.columnTotals[4],
      matrix.columnTotals[5],
      matrix.total,
      null,
    ],
  })
  const covered = matrix.rows.filter((row) => !row.empty).length
  return [
    {
      paragraphs: [
        `Số xã, phường có sản phẩm OCOP: ${covered}/${matrix.rows.length}; tổng số sản phẩm OCOP: ${matrix.total}.`,
      ],
      table: { columns: UNIT_COLUMNS, rows },
    },
  ]
}
