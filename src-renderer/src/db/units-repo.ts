/** Administrative units: every write is one transaction with its audit line. */
import type { Unit } from '@shared/db/records'
import { normalizeText, viCollator } from '@shared/text/vietnamese'
import type { UnitInput } from '@shared/domain/units'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'

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
  const now = new Date().toISOString()
  const unit: Unit = {
    id: crypto.randomUUID(),
    ...cleaned(input),
    successorId: null,
    createdAt: now,
    updatedAt: now,
  }
  await db.transaction('rw', db.units, db.auditLog, async () => {
    await db.units.add(unit)
    await recordAudit(db, {
      action: 'create',
      table: 'units',
      recordId: unit.id,
      summary: `Thêm đơn vị ${unit.name}`,
      after: unit,
    })
  })
  return unit
}

export async function updateUnit(db: OcopDatabase, id: string, input: UnitInput): Promise<Unit> {
  return db.transaction('rw', db.units, db.auditLog, async () => {
    const before = await db.units.get(id)
    if (!before) throw new Error(`unit ${id} not found`)
    const after: Unit = { ...before, ...cleaned(input), updatedAt: new Date().toISOString() }
    await db.units.put(after)
    await recordAudit(db, {
      action: 'update',
      table: 'units',
      recordId: id,
      summary: `Sửa đơn vị ${after.name}`,
      before,
      after,
    })
    return after
  })
}

/** Ends a unit's validity on `validTo`; `successorId` is the unit that takes over its area. */
export async function retireUnit(
  db: OcopDatabase,
  id: string,
  validTo: string,
  successorId: string | null,
): Promise<Unit> {
  return db.transaction('rw', db.units, db.auditLog, async () => {
    const before = await db.units.get(id)
    if (!before) throw new Error(`unit ${id} not found`)
    const after: Unit = { ...before, validTo, successorId, updatedAt: new Date().toISOString() }
    await db.units.put(after)
    const successor = successorId ? await db.units.get(successorId) : undefined
    const summary = successor
      ? `Đơn vị ${before.name} hết hiệu lực từ sau ngày ${validTo}, chuyển sang ${successor.name}`
      : `Đơn vị ${before.name} hết hiệu lực từ sau ngày ${validTo}`
    await recordAudit(db, {
      action: 'retire',
      table: 'units',
      recordId: id,
      summary,
      before,
      after,
    })
    return after
  })
}

/** Puts a unit back exactly as it was (the undo of an edit or a retirement). */
export async function restoreUnit(db: OcopDatabase, previous: Unit): Promise<void> {
  await db.transaction('rw', db.units, db.auditLog, async () => {
    const before = await db.units.get(previous.id)
    await db.units.put(previous)
    await recordAudit(db, {
      action: 'undo',
      table: 'units',
      recordId: previous.id,
      summary: `Hoàn tác thay đổi đơn vị ${previous.name}`,
      before,
      after: previous,
    })
  })
}

export interface UnitCatalogueEntry extends UnitInput {
  key: string
  successorKey: string | null
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
    const now = new Date().toISOString()
    for (const entry of entries) {
      const found = existing.find((u) => sameUnit(u, entry))
      if (found) {
        idByKey.set(entry.key, found.id)
        continue
      }
      const { key, successorKey: _successorKey, ...input } = entry
      const unit: Unit = {
        id: crypto.randomUUID(),
        ...cleaned(input),
        successorId: null,
        createdAt: now,
        updatedAt: now,
      }
      idByKey.set(key, unit.id)
      toAdd.push(unit)
    }
    for (const unit of toAdd) {
      const entry = entries.find((e) => idByKey.get(e.key) === unit.id)
      unit.successorId = entry?.successorKey ? (idByKey.get(entry.successorKey) ?? null) : null
      await db.units.add(unit)
      await recordAudit(db, {
        action: 'create',
        table: 'units',
        recordId: unit.id,
        summary: `Nạp đơn vị ${unit.name} từ danh mục "${title}"`,
        after: unit,
      })
    }
    return { added: toAdd.length, skipped: entries.length - toAdd.length }
  })
}
