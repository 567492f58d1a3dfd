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

const nameOf = (record: OwnedRecord | undefined): string | undefined =>
  typeof record?.name === 'string' && record.name !== '' ? record.name : undefined

/** A revocation decision as the clerk names it: by its number. */
export const revocationLabel = (number: unknown): string =>
  `Quyết định thu hồi số ${String(number)}`

/**
 * Records as the preview lists them: by name; an evaluation or a round entry by its product (and
 * year), a plan target by its plan, a revocation decision by its number — never by an id a clerk
 * cannot read. Products and plans are
 * looked up among `sources` (the register, and the package), by any id they go by there.
 */
export function recordLabeller(
  ...sources: Partial<Record<'products' | 'plans', readonly OwnedRecord[]>>[]
): (record: OwnedRecord) => string {
  const named = (table: 'products' | 'plans') => {
    const names = new Map<string, string>()
    for (const source of sources) {
      for (const record of source[table] ?? []) {
        const name = nameOf(record)
        if (name === undefined) continue
        names.set(record.id, name)
        if (record.origin !== undefined) names.set(record.origin.id, name)
      }
    }
    return names
  }
  const products = named('products')
  const plans = named('plans')
  return (record) => {
    const own = nameOf(record)
    if (own !== undefined) return own
    // Only a revocation has both a number and the lines it revokes.
    if (typeof record.number === 'string' && Array.isArray(record.lines)) {
      return revocationLabel(record.number)
    }
    const product = products.get(String(record.productId))
    if (product !== undefined) {
      return typeof record.year === 'number' ? `${product} (${record.year})` : product
    }
    return plans.get(String(record.planId)) ?? record.id
  }
}
