/**
 * Who owns a record, and its revision — the rules every package and every edit follow.
 *
 * - A record made here is owned by this office: it has no `origin`, and its revision is its own
 *   `updatedAt` (every write sets it).
 * - A record received in a package is owned by the office that made it: its `origin` names that
 *   office, the record's id there, and its revision there. It is read-only here: its owner edits it
 *   and sends it again. A package never overwrites a record this office owns.
 * - A plan's targets are written with their plan (the plan editor replaces them whole): their
 *   revision is their plan's.
 * - Units and criteria sets are shared reference data: the receiver matches them to its own (units
 *   by official code and validity, then by name; sets by id, then by name) and adds only those it
 *   lacks; it never overwrites one.
 *
 * The owning office of every record is kept because a district passes its communes' records up to
 * the province: the province sees each record's owner, not the district that forwarded it.
 */
import type { RecordOrigin } from '../db/records'
import type { TableName } from '../db/schema'

/** The tables whose records travel in a package, each after the tables its records refer to. */
export const TRAVELLING_TABLES = [
  'units',
  'criteriaSets',
  'producers',
  'products',
  'evaluations',
  'plans',
  'planTargets',
  'scoringSheets',
  'rounds',
  'roundMembers',
  'roundEntries',
  'roundScores',
  'revocations',
] as const satisfies readonly TableName[]
export type TravellingTable = (typeof TRAVELLING_TABLES)[number]

/** Reference data matched at the receiver rather than owned (see the module comment). */
export const SHARED_TABLES: readonly TravellingTable[] = ['units', 'criteriaSets']

export const isTravellingTable = (name: string): name is TravellingTable =>
  (TRAVELLING_TABLES as readonly string[]).includes(name)

/** A record of a travelling table as the register keeps it. */
export type OwnedRecord = { id: string; updatedAt?: string; origin?: RecordOrigin } & Record<
  string,
  unknown
>

/** True when this office owns the record. */
export const isOwnedHere = (record: { origin?: RecordOrigin }): boolean =>
  record.origin === undefined

/** The office that owns the record; `selfId` for one made here. */
export const ownerOf = (record: { origin?: RecordOrigin }, selfId: string): string =>
  record.origin?.office ?? selfId

/** The key of a record at its owner: owning office and the id it has there. */
export const originKey = (office: string, id: string): string => `${office}\u0000${id}`

/**
 * The record's revision: the owner's `updatedAt`. A plan target has its plan's (`planRevision`
 * gives it, by plan id). Revisions are ISO timestamps from one clock, the owner's, so they order.
 */
export function revisionOf(
  table: TravellingTable,
  record: OwnedRecord,
  planRevision: (planId: string) => string | undefined,
): string {
  if (record.origin !== undefined) return record.origin.rev
  if (table === 'planTargets') return planRevision(String(record.planId)) ?? ''
  return record.updatedAt ?? ''
}
