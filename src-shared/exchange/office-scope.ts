/**
 * Which owners' records a consolidated view counts (Đơn vị sở hữu): every record, this office's
 * own, or those of one other office. A district that merges its communes' packages reads its
 * lists, star views, plans and reports for the whole district or for one commune; the rule is
 * written once here so that each of them counts the same records (ownership.ts says who owns one).
 */
import type { OfficeRecord, RecordOrigin } from '../db/records'
import { viCollator } from '../text/vietnamese'

export type OfficeScope = { kind: 'all' } | { kind: 'here' } | { kind: 'office'; office: string }

export const ALL_OFFICES: OfficeScope = { kind: 'all' }

/** True when the record's owner is in the scope. */
export function inOfficeScope(record: { origin?: RecordOrigin }, scope: OfficeScope): boolean {
  switch (scope.kind) {
    case 'all':
      return true
    case 'here':
      return record.origin === undefined
    case 'office':
      return record.origin?.office === scope.office
  }
}

/** The records of `records` in the scope; the same array when the scope takes every record. */
export function inScope<T extends { origin?: RecordOrigin }>(
  records: readonly T[],
  scope: OfficeScope,
): readonly T[] {
  return scope.kind === 'all' ? records : records.filter((record) => inOfficeScope(record, scope))
}

const OFFICE_PREFIX = 'office:'

/** The scope as one string, for a select's value and a remembered choice. */
export function officeScopeKey(scope: OfficeScope): string {
  return scope.kind === 'office' ? `${OFFICE_PREFIX}${scope.office}` : scope.kind
}

/** The scope a key names; undefined for anything else (a value stored by another version). */
export function officeScopeFromKey(key: unknown): OfficeScope | undefined {
  if (key === 'all' || key === 'here') return { kind: key }
  if (typeof key !== 'string' || !key.startsWith(OFFICE_PREFIX)) return undefined
  const office = key.slice(OFFICE_PREFIX.length)
  return office === '' ? undefined : { kind: 'office', office }
}

/** The ids of the other offices that own at least one record of `tables`. */
export function owningOffices(
  ...tables: readonly (readonly { origin?: RecordOrigin }[])[]
): Set<string> {
  const owners = new Set<string>()
  for (const records of tables) {
    for (const record of records) if (record.origin) owners.add(record.origin.office)
  }
  return owners
}

/** An office a scope may name: its id and the name the register knows it by. */
export interface NamedOffice {
  id: string
  name: string
}

/**
 * The other offices a view may be scoped to: every office heard of, by name, then any office that
 * owns records here without being in the offices table (by its id, so that its records can still
 * be chosen).
 */
export function scopeOffices(
  offices: readonly OfficeRecord[],
  owners: ReadonlySet<string>,
): NamedOffice[] {
  const named = offices
    .map(({ id, name }) => ({ id, name }))
    .sort((a, b) => viCollator.compare(a.name, b.name))
  const known = new Set(offices.map((office) => office.id))
  const unnamed = [...owners].filter((id) => !known.has(id)).sort()
  return [...named, ...unnamed.map((id) => ({ id, name: id }))]
}

/**
 * The scope a view applies: the one chosen, while the register holds records of another office
 * and the office it names is one of `offices`; otherwise every record. A scope remembered from
 * before (the other office's records since undone) must never hide records behind a filter the
 * clerk cannot see.
 */
export function effectiveScope(
  chosen: OfficeScope,
  hasForeign: boolean,
  offices: readonly NamedOffice[],
): OfficeScope {
  if (!hasForeign) return ALL_OFFICES
  if (chosen.kind === 'office' && !offices.some((office) => office.id === chosen.office)) {
    return ALL_OFFICES
  }
  return chosen
}
