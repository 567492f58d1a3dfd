/** The undo of a scoring sheet removed: its record back as it was, with an audit line. */
import type { ScoringSheetRecord } from '@shared/db/records'
import type { OcopDatabase } from './database'
import { auditedRestore } from './audited-writes'

/** Puts a removed sheet back, so the products of its groups are scored on it again. */
export async function restoreScoringSheet(
  db: OcopDatabase,
  sheet: ScoringSheetRecord,
): Promise<void> {
  await db.transaction('rw', [db.scoringSheets, db.auditLog], () =>
    auditedRestore(db, 'scoringSheets', [sheet], (s) => `Khôi phục phiếu chấm ${s.name}`),
  )
}
