/** Criteria sets: the built-in ones shipped with the app are put in the register on start. */
import type { CriteriaSet } from '@shared/db/records'
import { builtInSetNeedsUpdate } from '@shared/domain/criteria'
import type { OcopDatabase } from './database'
import { auditedAdd, auditedUpdate } from './audited-writes'

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
