import type { IsoDate } from '../dates'
import type { Unit } from '../db/records'

/** True when the unit existed on `date` (validFrom/validTo inclusive; null means open-ended). */
export function unitValidOn(unit: Pick<Unit, 'validFrom' | 'validTo'>, date: IsoDate): boolean {
  return (unit.validFrom === null || unit.validFrom <= date) && (unit.validTo === null || date <= unit.validTo)
}

/** Follows successor links from a unit to the unit that holds its area on `date`. */
export function unitOnDate(unitId: string, date: IsoDate, units: ReadonlyMap<string, Unit>): Unit | undefined {
  const seen = new Set<string>()
  let unit = units.get(unitId)
  while (unit && !unitValidOn(unit, date) && unit.successorId && !seen.has(unit.id)) {
    seen.add(unit.id)
    unit = units.get(unit.successorId)
  }
  return unit && unitValidOn(unit, date) ? unit : undefined
}
