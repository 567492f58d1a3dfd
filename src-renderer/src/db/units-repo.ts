/** Administrative units: every write is one transaction with its audit line. */
import type { Unit } from '@shared/db/records'
import { normalizeText, viCollator } from '@shared/text/vietnamese'
import type { UnitCatalogueEntry, UnitInput } from '@shared/domain/units'
import type { OcopDatabase } from './database'
import { auditedAdd, auditedRestore, auditedUpdate, newRecordStamp } from './audited-writes'

function cleaned(input: UnitInput): UnitInput {
  return {
    ...input,
    code: input.code.trim(),
    name: normalizeText(input.name),
    parentName: normalizeText(input.parentName),
    note: input.note.normalize('NFC').trim(),
  }
}

/** All units, sorted the Vietnamese way by name. */
export async function listUnits(db: OcopDatabase): Promise<Unit[]> {
  const units = await db.units.toArray()
  return units.sort(
    (a, b) =>
      viCollator.compare(a.name, b.name) || (a.validFrom ?? '').localeCompare(b.validFrom ?? ''),
  )
}

export async function createUnit(db: OcopDatabase, input: UnitInput): Promise<Unit> {
  const unit: Unit = { ...newRecordStamp(), ...cleaned(input), successorId: null }
  return db.transaction('rw', db.units, db.auditLog, () =>
    auditedAdd(db, 'units', unit, `Thêm đơn vị ${unit.name}`),
  )
}

export async function updateUnit(db: OcopDatabase, id: string, input: UnitInput): Promise<Unit> {
  const { after } = await db.transaction('rw', db.units, db.auditLog, () =>
    auditedUpdate<Unit>(
      db,
      'units',
      id,
      (before) => ({ ...before, ...cleaned(input), updatedAt: new Date().toISOString() }),
      (after) => `Sửa đơn vị ${after.name}`,
    ),
  )
  return after
}

/** Ends a unit's validity on `validTo`; `successorId` is the unit that takes over its area. */
export async function retireUnit(
  db: OcopDatabase,
  id: string,
  validTo: string,
  successorId: string | null,
): Promise<Unit> {
  return db.transaction('rw', db.units, db.auditLog, async () => {
    const successor = successorId ? await db.units.get(successorId) : undefined
    const { after } = await auditedUpdate<Unit>(
      db,
      'units',
      id,
      (before) => ({ ...before, validTo, successorId, updatedAt: new Date().toISOString() }),
      (after) =>
        successor
          ? `Đơn vị ${after.name} hết hiệu lực từ sau ngày ${validTo}, chuyển sang ${successor.name}`
          : `Đơn vị ${after.name} hết hiệu lực từ sau ngày ${validTo}`,
      'retire',
    )
    return after
  })
}

/** Puts a unit back exactly as it was (the undo of an edit or a retirement). */
export async function restoreUnit(db: OcopDatabase, previous: Unit): Promise<void> {
  await db.transaction('rw', db.units, db.auditLog, () =>
    auditedRestore(db, 'units', [previous], (u) => `Hoàn tác thay đổi đơn vị ${u.name}`),
  )
}

/**
 * Loads a shipped list of units (with successor links by key). Units already in the register
 * (same name, code and start date) are kept as they are, so loading twice adds nothing.
 */
export async function loadUnitCatalogue(
  db: OcopDatabase,
  entries: UnitCatalogueEntry[],
  title: string,
): Promise<{ added: number; skipped: number }> {
  return db.transaction('rw', db.units, db.auditLog, async () => {
    const existing = await db.units.toArray()
    const sameUnit = (u: Unit, e: UnitCatalogueEntry) =>
      u.name === normalizeText(e.name) && u.code === e.code.trim() && u.validFrom === e.validFrom
    const idByKey = new Map<string, string>()
    const toAdd: Unit[] = []
    for (const entry of entries) {
      const found = existing.find((u) => sameUnit(u, entry))
      if (found) {
        idByKey.set(entry.key, found.id)
        continue
      }
      const { key, successorKey: _successorKey, ...input } = entry
      const unit: Unit = { ...newRecordStamp(), ...cleaned(input), successorId: null }
      idByKey.set(key, unit.id)
      toAdd.push(unit)
    }
    for (const unit of toAdd) {
      const entry = entries.find((e) => idByKey.get(e.key) === unit.id)
      unit.successorId = entry?.successorKey ? (idByKey.get(entry.successorKey) ?? null) : null
      await auditedAdd(db, 'units', unit, `Nạp đơn vị ${unit.name} từ danh mục "${title}"`)
    }
    return { added: toAdd.length, skipped: entries.length - toAdd.length }
  })
}

/**
 * Loads a units list the clerk gives (a CSV checked line by line) as the shipped catalogue loads:
 * in one transaction, units already in the register kept as they are.
 */
export async function importUnitsList(
  db: OcopDatabase,
  inputs: readonly (UnitInput & { line: number })[],
  fileName: string,
): Promise<{ added: number; skipped: number }> {
  const entries = inputs.map(({ line, ...input }) => ({
    ...input,
    key: `line-${line}`,
    successorKey: null,
  }))
  return loadUnitCatalogue(db, entries, fileName)
}

/** True while the register has no unit and no product yet: a first start. */
export async function isRegisterBlank(db: OcopDatabase): Promise<boolean> {
  const [units, products] = await Promise.all([db.units.count(), db.products.count()])
  return units === 0 && products === 0
}
