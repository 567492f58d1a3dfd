/** The register as the exchange reads it: the travelling tables, and the offices heard of. */
import type { OfficeRecord, PackageLogRecord } from '../db/records'
import { REFERENCE_RULES, type ReferenceRule } from '../db/references'
import { TRAVELLING_TABLES, type OwnedRecord, type TravellingTable } from './ownership'

export type ExchangeTables = { [T in TravellingTable]: OwnedRecord[] } & {
  offices: OfficeRecord[]
  packages: PackageLogRecord[]
}

/** The references a record of a travelling table makes to records of travelling tables. */
export const TRAVELLING_REFERENCES: readonly (ReferenceRule & { target: TravellingTable })[] =
  REFERENCE_RULES.filter((rule): rule is ReferenceRule & { target: TravellingTable } =>
    (TRAVELLING_TABLES as readonly string[]).includes(rule.target),
  )

/** The reference rules of `table`. */
export const referencesOfTable = (table: TravellingTable) =>
  TRAVELLING_REFERENCES.filter((rule) => rule.table === table)

/** A record's name as the preview lists it: its name, else its id. */
export function recordLabel(record: OwnedRecord): string {
  return typeof record.name === 'string' && record.name !== '' ? record.name : record.id
}
