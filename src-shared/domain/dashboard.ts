/** The figures of Tổng quan on a date, in one pass over the register. */
import type { IsoDate } from '../dates'
import type { Product, Unit } from '../db/records'
import { isOcopStars } from './criteria'
import type { EvaluationIndex } from './evaluation-index'
import { isCurrentRank } from './rankings'
import { unitStarMatrix } from './unit-star-matrix'

export interface DashboardFigures {
  /** OCOP products (3★+) standing on the date, by star. */
  byStar: Record<3 | 4 | 5, number>
  ocopTotal: number
  /** OCOP products recognised for the first time (or again after none stood) since 31/12 of last year. */
  newThisYear: number
  /** Products standing higher than on 31/12 of last year. */
  upgradedThisYear: number
  /** Certificates ending within 90 days (30 days included). */
  expiring90: number
  /** Units valid on the date without an OCOP product, of how many. */
  unitsWithout: number
  unitsValid: number
}

export function dashboardFigures(
  products: readonly Product[],
  index: EvaluationIndex,
  units: readonly Unit[],
  date: IsoDate,
): DashboardFigures {
  const lastYearEnd: IsoDate = `${Number(date.slice(0, 4)) - 1}-12-31`
  const figures: DashboardFigures = {
    byStar: { 3: 0, 4: 0, 5: 0 },
    ocopTotal: 0,
    newThisYear: 0,
    upgradedThisYear: 0,
    expiring90: 0,
    unitsWithout: 0,
    unitsValid: 0,
  }
  for (const product of products) {
    const now = index.rankOn(product.id, date)
    if (!isCurrentRank(now)) continue
    const ocop = isOcopStars(now.stars)
    if (ocop) {
      figures.byStar[Math.min(now.stars, 5) as 3 | 4 | 5] += 1
      figures.ocopTotal += 1
    }
    if (now.status === 'expiring-30' || now.status === 'expiring-90') figures.expiring90 += 1
    const before = index.rankOn(product.id, lastYearEnd)
    if (isCurrentRank(before)) {
      if (now.stars > before.stars) figures.upgradedThisYear += 1
    } else if (ocop) {
      // A 1★-2★ result is never an OCOP product, so it is never "newly recognised".
      figures.newThisYear += 1
    }
  }
  const matrix = unitStarMatrix(products, index, units, date)
  figures.unitsValid = matrix.rows.length
  figures.unitsWithout = matrix.rows.filter((row) => row.empty).length
  return figures
}
