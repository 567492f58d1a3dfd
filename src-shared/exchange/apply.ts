/**
 * A merge plan written as one change batch (db/records.ts), with what undo needs: the records it
 * replaced or removed as they were, and the ids it created. The page writes it to the database
 * in one transaction; the CLI applies it to a backup's tables.
 */
import type { BackupTables } from '../db/backup-format'
import type { ChangeBatchOf } from '../db/records'
import { TRAVELLING_TABLES } from './ownership'
import type { MergePlan } from './merge'
import type { ExchangeTables } from './register-tables'

/** The offices the plan adds (not those it only brings up to date). */
export function newOfficeIds(plan: MergePlan, register: Pick<ExchangeTables, 'offices'>): string[] {
  const known = new Set(register.offices.map((office) => office.id))
  return plan.offices.filter((office) => !known.has(office.id)).map((office) => office.id)
}

/** True when the plan writes nothing: the package was merged already, or brings nothing new. */
export function writesNothing(plan: MergePlan): boolean {
  return TRAVELLING_TABLES.every((t) => plan.puts[t].length === 0 && plan.deletes[t].length === 0)
}

/** The change batch of the plan, given the register it was planned against. */
export function mergeBatch(
  plan: MergePlan,
  register: ExchangeTables,
  senderName: string,
  who: string,
): ChangeBatchOf<'package-merge'> {
  const beforeImages: { table: string; record: unknown }[] = []
  const createdIds: Record<string, string[]> = {}
  for (const table of TRAVELLING_TABLES) {
    const created = new Set(plan.created[table])
    const byId = new Map(register[table].map((r) => [r.id, r]))
    for (const record of plan.puts[table]) {
      if (!created.has(record.id)) beforeImages.push({ table, record: byId.get(record.id) })
    }
    for (const id of plan.deletes[table]) beforeImages.push({ table, record: byId.get(id) })
    if (created.size > 0) createdIds[table] = [...created]
  }
  const newOffices = new Set(newOfficeIds(plan, register))
  const offices = new Map(register.offices.map((office) => [office.id, office]))
  for (const office of plan.offices) {
    if (!newOffices.has(office.id))
      beforeImages.push({ table: 'offices', record: offices.get(office.id) })
  }
  if (newOffices.size > 0) createdIds.offices = [...newOffices]
  createdIds.packages = [plan.log.id]
  const counts: Record<string, Record<string, number>> = {}
  for (const table of TRAVELLING_TABLES) counts[table] = { ...plan.counts[table] }
  return {
    id: `merge-${plan.log.id}`,
    kind: 'package-merge',
    label: `Nhận gói dữ liệu của ${senderName} (${plan.fileName})`,
    at: plan.log.updatedAt,
    who,
    beforeImages,
    createdIds,
    undoneAt: null,
    detail: { packageId: plan.packageId, senderId: plan.senderId, fileName: plan.fileName, counts },
  }
}

/** The backup's tables with the plan applied and its change batch recorded (for the CLI). */
export function applyMerge(
  tables: BackupTables,
  plan: MergePlan,
  batch: ChangeBatchOf<'package-merge'>,
): BackupTables {
  const out: BackupTables = { ...tables }
  for (const table of TRAVELLING_TABLES) {
    const puts = new Map(plan.puts[table].map((r) => [r.id, r]))
    const deletes = new Set(plan.deletes[table])
    if (puts.size === 0 && deletes.size === 0) continue
    const kept = (tables[table] as { id: string }[])
      .filter((r) => !deletes.has(r.id))
      .map((r) => puts.get(r.id) ?? r)
    const created = plan.created[table].map((id) => puts.get(id)!)
    out[table] = [...kept, ...created]
  }
  const offices = new Map((tables.offices as { id: string }[]).map((o) => [o.id, o]))
  for (const office of plan.offices) offices.set(office.id, office)
  out.offices = [...offices.values()]
  out.packages = [...tables.packages, plan.log]
  out.changeBatches = [...tables.changeBatches, batch]
  return out
}
