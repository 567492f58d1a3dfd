/** Criteria sets: the built-in ones shipped with the app are put in the register on start. */
import type { CriteriaSet } from '@shared/db/records'
import { builtInSetNeedsUpdate, type CriteriaSetInput } from '@shared/domain/criteria'
import type { OcopDatabase } from './database'
import { auditedAdd, auditedRestore, auditedUpdate } from './audited-writes'

/**
 * Adds shipped sets that are missing and updates unedited built-in sets to a newer revision.
 * A set the clerk edited is never touched. Returns how many records changed.
 */
export async function syncBuiltInCriteriaSets(
  db: OcopDatabase,
  shipped: CriteriaSet[],
): Promise<number> {
  return db.transaction('rw', db.criteriaSets, db.auditLog, async () => {
    let changed = 0
    for (const set of shipped) {
      const stored = await db.criteriaSets.get(set.id)
      if (!stored) {
        await auditedAdd(db, 'criteriaSets', set, `Nạp bộ tiêu chí ${set.name}`)
        changed++
      } else if (builtInSetNeedsUpdate(stored, set)) {
        await auditedUpdate<CriteriaSet>(
          db,
          'criteriaSets',
          set.id,
          () => set,
          () => `Cập nhật bộ tiêu chí ${set.name} lên bản ${set.revision}`,
        )
        changed++
      }
    }
    return changed
  })
}

/**
 * Saves a clerk's edit of a criteria set. It stops being "built-in", so a later release never
 * overwrites it. Evaluations already scored under it keep their stored totals and stars.
 */
export async function updateCriteriaSet(
  db: OcopDatabase,
  id: string,
  input: CriteriaSetInput,
): Promise<{ before: CriteriaSet; after: CriteriaSet }> {
  return db.transaction('rw', db.criteriaSets, db.auditLog, () =>
    auditedUpdate<CriteriaSet>(
      db,
      'criteriaSets',
      id,
      (before) => ({
        ...before,
        ...input,
        name: input.name.trim(),
        builtIn: false,
        updatedAt: new Date().toISOString(),
      }),
      (after) => `Sửa bộ tiêu chí ${after.name}`,
    ),
  )
}

/** Puts a criteria set back as it was (undo of an edit). */
export async function restoreCriteriaSet(db: OcopDatabase, previous: CriteriaSet): Promise<void> {
  await db.transaction('rw', db.criteriaSets, db.auditLog, () =>
    auditedRestore(db, 'criteriaSets', [previous], (s) => `Hoàn tác sửa bộ tiêu chí ${s.name}`),
  )
}
