/**
 * The unit × star matrix (xã/phường × hạng sao) of OCOP products on a date, over the units valid
 * on that date: across the 2025 mergers a product of an old commune counts under its successor.
 */
import type { IsoDate } from '../dates'
import type { Product, Unit } from '../db/records'
import { viCollator } from '../text/vietnamese'
import { isOcopStars } from './criteria'
import type { EvaluationIndex } from './evaluation-index'
import { isCurrentRank, type RankedProduct } from './rankings'
import { unitOnDate, unitValidOn } from './units'

export const OCOP_STARS = [3, 4, 5] as const
export type OcopStars = (typeof OCOP_STARS)[number]

/** One row of the unit × star matrix: a unit valid on the date, or null for "no unit". */
export interface UnitStarRow {
  unit: Unit | null
  counts: Record<OcopStars, number>
  total: number
  /** True when the unit has no OCOP product on the date (views highlight it). */
  empty: boolean
  products: RankedProduct[]
}

/** The unit × star matrix of OCOP products (3★-5★) on a date, with totals. */
export interface UnitStarMatrix {
  date: IsoDate
  /** The units valid on the date, sorted by name the Vietnamese way. */
  rows: UnitStarRow[]
  /** Products without a unit, or whose unit has no successor valid on the date. */
  noUnit: UnitStarRow
  columnTotals: Record<OcopStars, number>
  total: number
}

function emptyRow(unit: Unit | null): UnitStarRow {
  return { unit, counts: { 3: 0, 4: 0, 5: 0 }, total: 0, empty: true, products: [] }
}

/**
 * OCOP products per unit valid on `date` and star, by the products' ranks on that date (the
 * register's index, or a view's own ranks). A product of a unit merged before the date
 * counts under the successor valid on the date; before a merger the old units are the rows.
 */
export function unitStarMatrix(
  products: readonly Product[],
  ranks: Pick<EvaluationIndex, 'rankOn'>,
  units: readonly Unit[],
  date: IsoDate,
): UnitStarMatrix {
  const unitsById = new Map(units.map((unit) => [unit.id, unit]))
  const rowsById = new Map<string, UnitStarRow>()
  for (const unit of units) if (unitValidOn(unit, date)) rowsById.set(unit.id, emptyRow(unit))
  const noUnit = emptyRow(null)
  // Thousands of products share a dozen units: resolve each unit's successor chain once.
  const resolved = new Map<string, UnitStarRow>()
  const columnTotals: Record<OcopStars, number> = { 3: 0, 4: 0, 5: 0 }

  for (const product of products) {
    const rank = ranks.rankOn(product.id, date)
    if (!isCurrentRank(rank) || !isOcopStars(rank.stars)) continue
    const stars = Math.min(rank.stars, 5) as OcopStars
    let row = noUnit
    if (product.unitId !== null) {
      const cached = resolved.get(product.unitId)
      if (cached) row = cached
      else {
        const unit = unitOnDate(product.unitId, date, unitsById)
        row = (unit && rowsById.get(unit.id)) ?? noUnit
        resolved.set(product.unitId, row)
      }
    }
    row.counts[stars] += 1
    row.total += 1
    row.empty = false
    row.products.push({ product, rank })
    columnTotals[stars] += 1
  }

  const rows = [...rowsById.values()].sort((a, b) =>
    viCollator.compare(a.unit?.name ?? '', b.unit?.name ?? ''),
  )
  const total = columnTotals[3] + columnTotals[4] + columnTotals[5]
  return { date, rows, noUnit, columnTotals, total }
}
