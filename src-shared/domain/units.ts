import type { IsoDate } from '../dates'
import type { Unit } from '../db/records'

/** True when the unit existed on `date` (validFrom/validTo inclusive; null means open-ended). */
export function unitValidOn(unit: Pick<Unit, 'validFrom' | 'validTo'>, date: IsoDate): boolean {
  return (
    (unit.validFrom === null || unit.validFrom <= date) &&
    (unit.validTo === null || date <= unit.validTo)
  )
}

/** Follows successor links from a unit to the unit that holds its area on `date`. */
export function unitOnDate(
  unitId: string,
  date: IsoDate,
  units: ReadonlyMap<string, Unit>,
): Unit | undefined {
  const seen = new Set<string>()
  let unit = units.get(unitId)
  while (unit && !unitValidOn(unit, date) && unit.successorId && !seen.has(unit.id)) {
    seen.add(unit.id)
    unit = units.get(unit.successorId)
  }
  return unit && unitValidOn(unit, date) ? unit : undefined
}

/** The editable fields of a unit. */
export type UnitInput = Pick<
  Unit,
  'code' | 'name' | 'kind' | 'parentName' | 'validFrom' | 'validTo' | 'note'
>

/** Problems with a unit form, as message keys of the UI catalogue, by field. */
/** A unit of a shipped catalogue: its key links a merged unit to its successor. */
export interface UnitCatalogueEntry extends UnitInput {
  key: string
  successorKey: string | null
}

export type UnitProblems = Partial<Record<keyof UnitInput | 'successorId', string>>

/** Checks a unit before it is saved: a name, a statistics code of digits, dates in order. */
export function checkUnitInput(input: UnitInput): UnitProblems {
  const problems: UnitProblems = {}
  if (input.name.trim() === '') problems.name = 'units.problems.nameRequired'
  if (input.code.trim() !== '' && !/^\d{3,6}$/.test(input.code.trim())) {
    problems.code = 'units.problems.codeDigits'
  }
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) {
    problems.validTo = 'units.problems.endBeforeStart'
  }
  return problems
}

/** Checks retiring a unit on `validTo` in favour of `successor` (merged into it, or renamed). */
export function checkRetirement(
  unit: Unit,
  validTo: IsoDate | null,
  successor: Unit | undefined,
): UnitProblems {
  const problems: UnitProblems = {}
  if (!validTo) problems.validTo = 'units.problems.retireDateRequired'
  else if (unit.validFrom && validTo < unit.validFrom)
    problems.validTo = 'units.problems.endBeforeStart'
  if (successor?.id === unit.id) problems.successorId = 'units.problems.successorSelf'
  else if (successor && validTo && successor.validTo !== null && successor.validTo <= validTo) {
    problems.successorId = 'units.problems.successorNotValid'
  }
  return problems
}
