/**
 * Merging a checked package into the register (exchange/ownership.ts has the rules), as a plan
 * the clerk previews before anything is written: per table what is new, updated, unchanged,
 * removed (tombstones) and refused, with each refusal's reason, and the records to write.
 *
 * - A record this office owns is never overwritten: one coming back in a package is refused.
 * - A record held from its owner is replaced only by a later revision; an older one is ignored
 *   with a note, the same one is unchanged — so merging a package twice changes nothing.
 * - Units match by official code valid on the unit's date (codes were reused in the 2025
 *   mergers), then by name valid on that date; criteria sets by id, then by name. Matched ones
 *   are never written; only missing ones are added.
 * - References are translated from the owners' id space into this register's; a record whose
 *   reference resolves to nothing (or to a refused record) is refused.
 * - A tombstone removes the record it names unless a record that stays still refers to it; a full
 *   package removes what its sender owned and no longer holds.
 * - Records this office imported earlier from the sender's spreadsheets may be linked (links.ts):
 *   a confirmed link makes the local record the sender's, instead of a duplicate.
 */
import type { OfficeRecord, PackageLogRecord, Unit } from '../db/records'
import { mapReferences, referenceIds, ruleField } from '../db/references'
import type { Message, PackageRefusalParams } from '../messages/catalogue'
import { unitValidOn } from '../domain/units'
import { canonicalName } from '../text/vietnamese'
import {
  SHARED_TABLES,
  TRAVELLING_TABLES,
  originKey,
  type OwnedRecord,
  type TravellingTable,
} from './ownership'
import { carriesTable, type ReceivedPackage, type WireRecord } from './package-format'
import {
  TRAVELLING_REFERENCES,
  recordLabeller,
  referencesOfTable,
  type ExchangeTables,
} from './register-tables'

export type MergeOutcome = 'new' | 'updated' | 'unchanged' | 'removed' | 'refused'

export type RefusalReason = 'own-record' | 'older-revision' | 'missing-reference' | 'still-referred'

export interface MergeRefusal {
  table: TravellingTable
  /** The record's id at its owner. */
  id: string
  name: string
  reason: RefusalReason
  /** missing-reference: the field and the table it names; still-referred: the referring record. */
  field?: string
  target?: TravellingTable
  by?: { table: TravellingTable; name: string }
}

/** Why a record is not written, as a message of the catalogue (each language words it). */
export function refusalMessage(refusal: MergeRefusal): Message<keyof PackageRefusalParams> {
  switch (refusal.reason) {
    case 'own-record':
      return { code: 'merge.own-record', params: {} }
    case 'older-revision':
      return { code: 'merge.older-revision', params: {} }
    case 'missing-reference':
      return {
        code: 'merge.missing-reference',
        params: { field: refusal.field ?? '', target: refusal.target ?? '' },
      }
    case 'still-referred':
      return {
        code: 'merge.still-referred',
        params: { by: refusal.by ?? { table: '', name: '' } },
      }
  }
}

/** A local record confirmed as the same as a record of the package (links.ts proposes them). */
export interface ConfirmedLink {
  table: TravellingTable
  localId: string
  /** The record's id at its owner. */
  wireId: string
}

export interface MergeContext {
  selfId: string
  /** The merge's time: written records carry it as `updatedAt` (their owner's is in `origin`). */
  stamp: string
  newId: () => string
  links: readonly ConfirmedLink[]
}

export interface MergePlan {
  packageId: string
  senderId: string
  fileName: string
  counts: Record<TravellingTable, Record<MergeOutcome, number>>
  refusals: MergeRefusal[]
  /** Records to write, in this register's id space, by table; `created` says which are new. */
  puts: Record<TravellingTable, OwnedRecord[]>
  created: Record<TravellingTable, string[]>
  /** Records removed by tombstones (their local ids). */
  deletes: Record<TravellingTable, string[]>
  /** Offices to add or update: the sender and the owners it names. */
  offices: OfficeRecord[]
  log: PackageLogRecord
}

const emptyCounts = (): Record<MergeOutcome, number> => ({
  new: 0,
  updated: 0,
  unchanged: 0,
  removed: 0,
  refused: 0,
})

function byTable<V>(make: () => V): Record<TravellingTable, V> {
  return Object.fromEntries(TRAVELLING_TABLES.map((t) => [t, make()])) as Record<TravellingTable, V>
}

/** Plans the merge of `pkg` into `register`; pure, nothing is written. */
export function planMerge(
  register: ExchangeTables,
  pkg: ReceivedPackage,
  ctx: MergeContext,
): MergePlan {
  const { manifest, content } = pkg
  const plan: MergePlan = {
    packageId: manifest.id,
    senderId: manifest.sender.officeId,
    fileName: pkg.fileName,
    counts: byTable(emptyCounts),
    refusals: [],
    puts: byTable<OwnedRecord[]>(() => []),
    created: byTable<string[]>(() => []),
    deletes: byTable<string[]>(() => []),
    offices: mergedOffices(register.offices, pkg, ctx.stamp),
    log: {
      id: manifest.id,
      direction: 'received',
      kind: manifest.kind,
      baseId: manifest.base?.id ?? null,
      senderId: manifest.sender.officeId,
      recipientId: manifest.recipient?.officeId ?? null,
      fileName: pkg.fileName,
      createdAt: manifest.createdAt,
      updatedAt: ctx.stamp,
      counts: manifest.counts,
      state: null,
    },
  }
  const index = new RegisterIndex(register)
  const recordLabel = recordLabeller(register, content.tables)
  const links = new Map(ctx.links.map((l) => [`${l.table}\u0000${l.wireId}`, l.localId]))
  /** Package ids (owners' ids) → local ids, of the records accepted or matched, by table. */
  const idMap = byTable(() => new Map<string, string>())
  const taken = new Set(TRAVELLING_TABLES.flatMap((t) => register[t].map((r) => `${t}:${r.id}`)))

  const refuse = (
    table: TravellingTable,
    wire: WireRecord,
    why: Omit<MergeRefusal, 'table' | 'id' | 'name'>,
  ) => {
    plan.refusals.push({ table, id: wire.id, name: recordLabel(wire), ...why })
    plan.counts[table].refused++
  }

  /** A reference of the package resolved to a local id, or undefined when it names nothing. */
  const resolve = (target: TravellingTable, id: string): string | undefined =>
    idMap[target].get(id) ?? index.byOriginId(target, id)?.id ?? index.ownById(target, id)?.id

  for (const table of TRAVELLING_TABLES) {
    for (const wire of content.tables[table] ?? []) {
      const { office, id, rev } = wire.origin
      if (office === ctx.selfId) {
        refuse(table, wire, { reason: 'own-record' })
        continue
      }
      const held = index.byOrigin(table, office, id)
      if (SHARED_TABLES.includes(table) && held === undefined) {
        const matched =
          table === 'units'
            ? index.matchUnit(wire as unknown as Unit, ctx.stamp)
            : index.matchSet(wire)
        if (matched !== undefined) {
          idMap[table].set(id, matched.id)
          plan.counts[table].unchanged++
          continue
        }
      }
      const linkedId = held === undefined ? links.get(`${table}\u0000${id}`) : undefined
      const local = held ?? (linkedId === undefined ? undefined : index.ownById(table, linkedId))
      if (held !== undefined && held.origin!.rev >= rev) {
        idMap[table].set(id, held.id)
        if (held.origin!.rev > rev) refuse(table, wire, { reason: 'older-revision' })
        else plan.counts[table].unchanged++
        continue
      }
      // References into this register's id space (a revocation's, line by line); a unit's
      // successor is resolved below.
      let record: OwnedRecord = { ...wire }
      let missing: MergeRefusal | undefined
      for (const rule of referencesOfTable(table)) {
        if (table === 'units' && rule.field === 'successorId') continue
        const resolved = mapReferences(rule, record, (value) => resolve(rule.target, value))
        if (resolved === undefined) {
          missing = {
            table,
            id,
            name: recordLabel(wire),
            reason: 'missing-reference',
            field: ruleField(rule),
            target: rule.target,
          }
          break
        }
        record = resolved
      }
      if (missing !== undefined) {
        plan.refusals.push(missing)
        plan.counts[table].refused++
        continue
      }
      let localId = local?.id
      if (localId === undefined) {
        localId = taken.has(`${table}:${id}`) ? ctx.newId() : id
        taken.add(`${table}:${localId}`)
        plan.created[table].push(localId)
        plan.counts[table].new++
      } else {
        plan.counts[table].updated++
      }
      idMap[table].set(id, localId)
      record.id = localId
      record.updatedAt = ctx.stamp
      if (table === 'planTargets') delete record.updatedAt
      plan.puts[table].push(record)
    }
  }
  // Successors of new units, once every unit of the package has its local id.
  for (const unit of plan.puts.units) {
    if (typeof unit.successorId === 'string') {
      unit.successorId = resolve('units', unit.successorId) ?? null
    }
  }
  removeRecords(plan, register, index, pkg, recordLabel)
  return plan
}

/** Tombstones, and for a full package what its sender owned and no longer holds. */
function removeRecords(
  plan: MergePlan,
  register: ExchangeTables,
  index: RegisterIndex,
  pkg: ReceivedPackage,
  recordLabel: (record: OwnedRecord) => string,
): void {
  const sender = pkg.manifest.sender.officeId
  const gone = byTable(() => new Map<string, OwnedRecord>())
  for (const tombstone of pkg.content.tombstones) {
    if (!(TRAVELLING_TABLES as readonly string[]).includes(tombstone.table)) continue
    const table = tombstone.table as TravellingTable
    const held = index.byOrigin(table, tombstone.office, tombstone.id)
    if (held !== undefined) gone[table].set(held.id, held)
  }
  if (pkg.manifest.kind === 'full') {
    const state = pkg.content.state
    for (const table of TRAVELLING_TABLES) {
      if (SHARED_TABLES.includes(table)) continue
      // A package of an earlier format knows nothing of this table: its silence removes nothing.
      if (!carriesTable(pkg.manifest.formatVersion, table)) continue
      for (const record of register[table]) {
        if (
          record.origin?.office === sender &&
          state[table]?.[sender]?.[record.origin.id] === undefined
        ) {
          gone[table].set(record.id, record)
        }
      }
    }
  }
  // Referring tables first, so that a product and its evaluations go together.
  const removed = new Set<string>()
  for (const table of [...TRAVELLING_TABLES].reverse()) {
    for (const record of gone[table].values()) {
      const by = index.referrer(
        table,
        record.id,
        (t, id) => removed.has(`${t}:${id}`) || gone[t].has(id),
      )
      if (by !== undefined) {
        plan.refusals.push({
          table,
          id: record.origin!.id,
          name: recordLabel(record),
          reason: 'still-referred',
          by: { table: by.table, name: recordLabel(by.record) },
        })
        plan.counts[table].refused++
        continue
      }
      removed.add(`${table}:${record.id}`)
      plan.deletes[table].push(record.id)
      plan.counts[table].removed++
    }
  }
}

/** The sender and every owner the package names, as office records (new, or brought up to date). */
function mergedOffices(held: OfficeRecord[], pkg: ReceivedPackage, stamp: string): OfficeRecord[] {
  const known = new Map(held.map((office) => [office.id, office]))
  const sender = pkg.manifest.sender
  const out: OfficeRecord[] = []
  for (const office of [
    sender,
    ...pkg.content.offices.filter((o) => o.officeId !== sender.officeId),
  ]) {
    const before = known.get(office.officeId)
    const isSender = office.officeId === sender.officeId
    const next: OfficeRecord = {
      id: office.officeId,
      name: office.name,
      unitName: office.unitName,
      unitCode: office.unitCode,
      // A key is trusted only from its own office's packages; another's word does not replace it.
      publicKey: before?.publicKey || (isSender ? office.publicKey : ''),
      trustedAt: before?.trustedAt ?? (isSender ? stamp : null),
      createdAt: before?.createdAt ?? stamp,
      updatedAt: stamp,
    }
    const same =
      before !== undefined &&
      before.name === next.name &&
      before.unitName === next.unitName &&
      before.unitCode === next.unitCode &&
      before.publicKey === next.publicKey
    if (!same) out.push(next)
  }
  return out
}

/** Lookups of the register the merge makes, built once. */
class RegisterIndex {
  private readonly origins = byTable(() => new Map<string, OwnedRecord>())
  private readonly originIds = byTable(() => new Map<string, OwnedRecord>())
  private readonly own = byTable(() => new Map<string, OwnedRecord>())
  private referrers: Map<string, { table: TravellingTable; record: OwnedRecord }[]> | null = null

  constructor(private readonly register: ExchangeTables) {
    for (const table of TRAVELLING_TABLES) {
      for (const record of register[table]) {
        if (record.origin === undefined) this.own[table].set(record.id, record)
        else {
          this.origins[table].set(originKey(record.origin.office, record.origin.id), record)
          this.originIds[table].set(record.origin.id, record)
        }
      }
    }
  }

  byOrigin(table: TravellingTable, office: string, id: string): OwnedRecord | undefined {
    return this.origins[table].get(originKey(office, id))
  }

  /** A record held from any office, by its id at its owner (ids are random: unique across offices). */
  byOriginId(table: TravellingTable, id: string): OwnedRecord | undefined {
    return this.originIds[table].get(id)
  }

  ownById(table: TravellingTable, id: string): OwnedRecord | undefined {
    return this.own[table].get(id)
  }

  /**
   * The unit of this register that is the package's unit: the same official code valid on the
   * unit's date, else the same name valid then. The date is the first day the package's unit was
   * valid (or its last, or today's for a unit without dates).
   */
  matchUnit(unit: Unit, stamp: string): OwnedRecord | undefined {
    const date = unit.validFrom ?? unit.validTo ?? stamp.slice(0, 10)
    const units = this.register.units as unknown as Unit[]
    const valid = units.filter((u) => unitValidOn(u, date))
    const byCode = unit.code === '' ? undefined : valid.find((u) => u.code === unit.code)
    const name = canonicalName(unit.name)
    const found = byCode ?? valid.find((u) => canonicalName(u.name) === name)
    return found
  }

  matchSet(set: WireRecord): OwnedRecord | undefined {
    return (
      this.register.criteriaSets.find((s) => s.id === set.id) ??
      this.register.criteriaSets.find((s) => s.name === set.name)
    )
  }

  /** A record of the register that refers to `table`'s record `id` and is not `ignored`. */
  referrer(
    table: TravellingTable,
    id: string,
    ignored: (table: TravellingTable, id: string) => boolean,
  ): { table: TravellingTable; record: OwnedRecord } | undefined {
    if (this.referrers === null) {
      this.referrers = new Map()
      for (const rule of TRAVELLING_REFERENCES) {
        for (const record of this.register[rule.table as TravellingTable] ?? []) {
          for (const value of referenceIds(rule, record)) {
            const key = `${rule.target}:${value}`
            const list = this.referrers.get(key) ?? []
            list.push({ table: rule.table, record })
            this.referrers.set(key, list)
          }
        }
      }
    }
    return this.referrers
      .get(`${table}:${id}`)
      ?.find((r) => r.record.id !== id && !ignored(r.table, r.record.id))
  }
}
