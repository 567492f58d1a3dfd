/**
 * What a package holds (exchange/ownership.ts has the rules): the sender's own records, and on
 * request the records it holds from other offices, so a district can pass its communes' records
 * up; with them the units and criteria sets those records use. Every record goes out in its
 * owner's id space — its id, and the ids it refers to, are those at the owning office — so that
 * ids stay stable however many offices a record passes through.
 *
 * A change package holds only what differs from the state of the package it builds on: records
 * new or with another revision, and a tombstone for each record that state had and this one lacks
 * — with the units and criteria sets the package's records use, always.
 */
import { mapReferences, referenceIds } from '../db/references'
import type { PublicOffice } from './identity'
import {
  SHARED_TABLES,
  TRAVELLING_TABLES,
  isOwnedHere,
  revisionOf,
  type OwnedRecord,
  type TravellingTable,
} from './ownership'
import type { PackageContent, PackageState, Tombstone, WireRecord } from './package-format'
import { TRAVELLING_REFERENCES, referencesOfTable, type ExchangeTables } from './register-tables'

export interface ExportChoice {
  /** Include the records this office holds from other offices. */
  includeHeld: boolean
  /** The state of the package this one builds on; null for a full package. */
  since: PackageState | null
}

/** The package's content from the register, for the office `self`. */
export function packageContent(
  register: ExchangeTables,
  self: PublicOffice,
  choice: ExportChoice,
): PackageContent {
  const planRevision = new Map(
    register.plans.map((plan) => [plan.id, revisionOf('plans', plan, () => undefined)]),
  )
  // Every record's id at its owner, to write references in the owners' id space.
  const ownerId = new Map<TravellingTable, Map<string, string>>()
  for (const table of TRAVELLING_TABLES) {
    ownerId.set(table, new Map(register[table].map((r) => [r.id, r.origin?.id ?? r.id])))
  }
  const chosen = chosenRecords(register, choice.includeHeld)

  const tables: PackageContent['tables'] = {}
  const state: PackageState = {}
  const owners = new Set<string>([self.officeId])
  for (const table of TRAVELLING_TABLES) {
    const wire: WireRecord[] = []
    for (const record of chosen.get(table) ?? []) {
      const office = record.origin?.office ?? self.officeId
      const id = record.origin?.id ?? record.id
      const rev = revisionOf(table, record, (planId) => planRevision.get(planId))
      let out: WireRecord = { ...record, id, origin: { office, id, rev } }
      for (const rule of referencesOfTable(table)) {
        const owners = ownerId.get(rule.target)!
        out = mapReferences(rule, out, (value) => owners.get(value) ?? value)!
      }
      owners.add(office)
      ;((state[table] ??= {})[office] ??= {})[id] = rev
      wire.push(out)
    }
    tables[table] = wire
  }

  const tombstones: Tombstone[] = []
  if (choice.since !== null) {
    const since = choice.since
    // Units and criteria sets travel whole: the receiver matched them to its own, keeping no
    // record of the sender's ids, so a changed product needs its unit in the package again. Being
    // shared, they are never removed by a package either.
    const owned = TRAVELLING_TABLES.filter((table) => !SHARED_TABLES.includes(table))
    for (const table of owned) {
      tables[table] = (tables[table] ?? []).filter(
        (r) => since[table]?.[r.origin.office]?.[r.origin.id] !== r.origin.rev,
      )
    }
    for (const table of owned) {
      for (const [office, revisions] of Object.entries(since[table] ?? {})) {
        for (const id of Object.keys(revisions)) {
          if (state[table]?.[office]?.[id] === undefined) tombstones.push({ table, office, id })
        }
      }
    }
  }

  const known = new Map(register.offices.map((office) => [office.id, office]))
  const offices: PublicOffice[] = [...owners].map((officeId) => {
    if (officeId === self.officeId) return self
    const office = known.get(officeId)
    return {
      officeId,
      name: office?.name ?? officeId,
      unitName: office?.unitName ?? '',
      unitCode: office?.unitCode ?? '',
      publicKey: office?.publicKey ?? '',
    }
  })
  return { tables, tombstones, state, offices }
}

/**
 * The records that travel: own records (and held ones on request) of the owned tables, then the
 * units and criteria sets they refer to (a unit with its successors, which documents of later
 * dates name).
 */
function chosenRecords(
  register: ExchangeTables,
  includeHeld: boolean,
): Map<TravellingTable, OwnedRecord[]> {
  const chosen = new Map<TravellingTable, OwnedRecord[]>()
  for (const table of TRAVELLING_TABLES) {
    if (SHARED_TABLES.includes(table)) continue
    chosen.set(
      table,
      register[table].filter((record) => includeHeld || isOwnedHere(record)),
    )
  }
  for (const shared of SHARED_TABLES) {
    const byId = new Map(register[shared].map((r) => [r.id, r]))
    const used = new Set<string>()
    for (const rule of TRAVELLING_REFERENCES) {
      if (rule.target !== shared || SHARED_TABLES.includes(rule.table)) continue
      for (const record of chosen.get(rule.table) ?? []) {
        for (const value of referenceIds(rule, record)) used.add(value)
      }
    }
    // A unit's successors travel with it.
    for (const id of [...used]) {
      let next = byId.get(id)?.successorId
      while (typeof next === 'string' && !used.has(next)) {
        used.add(next)
        next = byId.get(next)?.successorId
      }
    }
    chosen.set(
      shared,
      register[shared].filter((record) => used.has(record.id)),
    )
  }
  return chosen
}
