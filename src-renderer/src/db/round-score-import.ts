/**
 * A council member's filled score workbook committed into an open round as one change batch
 * (change-batches.ts undoes it). The preview (rounds/score-import.ts) is computed again from the
 * register inside the commit's transaction and must be the one the clerk confirmed; then its new
 * and changed lines are written, and every other product keeps what is stored.
 */
import type { ChangeBatch, ChangeBatchOf, RoundScore } from '@shared/db/records'
import { AppError } from '@shared/errors'
import {
  previewMemberScores,
  sameScoreImport,
  type ScoreImportPlan,
} from '@shared/rounds/score-import'
import type { MemberWorkbookRead } from '@shared/rounds/round-files'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'
import { undoChangeBatch } from './change-batches'
import { loadBundle } from './round-closing'

export interface CommitMemberScoresOptions {
  /** The computer account the app runs under. */
  who: string
  /** ISO timestamp: the batch's time and every written score's `updatedAt`. */
  now: string
  /** The preview the clerk confirmed. */
  expected: ScoreImportPlan
}

const scoreTables = (db: OcopDatabase) => [
  db.rounds,
  db.criteriaSets,
  db.roundMembers,
  db.roundEntries,
  db.roundScores,
  db.scoringSheets,
  db.changeBatches,
  db.auditLog,
]

/**
 * Writes the member's scores of `read` into round `roundId`: a new score record for each product
 * where they had none in its pass, the stored record updated (its before-image kept) where they
 * had others. Refused, and nothing written, when the round refuses the workbook now, or when the
 * preview computed again differs from `expected` (scores typed or imported since).
 */
export async function commitMemberScores(
  db: OcopDatabase,
  roundId: string,
  read: MemberWorkbookRead,
  options: CommitMemberScoresOptions,
): Promise<ChangeBatchOf<'round-scores'>> {
  const at = options.now
  return db.transaction('rw', scoreTables(db), async () => {
    const bundle = await loadBundle(db, roundId)
    const preview = previewMemberScores(bundle, read)
    if (!preview.ok) {
      const refusal = preview.refusals.find((message) => message.code === 'round.scores.refused')
      if (refusal !== undefined) throw new AppError(refusal)
    }
    if (!preview.ok || !sameScoreImport(options.expected, preview)) {
      throw new AppError({
        code: 'round.scores.stale',
        params: {
          file: read.fileName,
          archive: read.archive,
          round: bundle.round.name,
          member: options.expected.member.name,
        },
      })
    }
    const { member } = preview
    const beforeImages: ChangeBatch['beforeImages'] = []
    const added: RoundScore[] = []
    const updated: RoundScore[] = []
    for (const line of preview.lines) {
      if (line.status !== 'new' && line.status !== 'changed') continue
      const written = { parts: line.after!, items: line.items, source: 'workbook' as const }
      const stored = bundle.scores.find((score) => score.id === line.scoreId)
      if (stored === undefined) {
        added.push({
          id: crypto.randomUUID(),
          roundId,
          entryId: line.entry.id,
          memberId: member.id,
          pass: line.pass,
          ...written,
          createdAt: at,
          updatedAt: at,
        })
      } else {
        beforeImages.push({ table: 'roundScores', record: stored })
        updated.push({ ...stored, ...written, updatedAt: at })
      }
    }
    const batch: ChangeBatchOf<'round-scores'> = {
      id: crypto.randomUUID(),
      kind: 'round-scores',
      label: `Nhập phiếu chấm của ${member.name} (tệp ${read.fileName})`,
      at,
      who: options.who,
      beforeImages,
      createdIds: { roundScores: added.map((score) => score.id) },
      undoneAt: null,
      detail: {
        roundId,
        memberId: member.id,
        fileName: read.fileName,
        fileHash: read.sha256,
        counts: { ...preview.counts },
      },
    }
    await db.roundScores.bulkAdd(added)
    await db.roundScores.bulkPut(updated)
    await db.changeBatches.add(batch)
    await recordAudit(db, {
      action: 'import',
      table: 'changeBatches',
      recordId: batch.id,
      summary: `${batch.label}, đợt "${bundle.round.name}": ${preview.counts.new} sản phẩm chấm mới, ${preview.counts.changed} sản phẩm sửa điểm`,
      after: { counts: batch.detail.counts, createdIds: batch.createdIds },
      batchId: batch.id,
    })
    return batch
  })
}

/**
 * Undoes a member's score import under the batch rule (undoChangeBatch); refused while its round
 * is closed, whose results were taken from those scores (reopening the round comes first).
 */
export async function undoMemberScores(
  db: OcopDatabase,
  batchId: string,
  now: string,
): Promise<ChangeBatch> {
  return db.transaction('rw', db.registerTables(), async () => {
    const batch = await db.changeBatches.get(batchId)
    const round = batch?.kind === 'round-scores' && (await db.rounds.get(batch.detail.roundId))
    if (round && round.status === 'closed') {
      throw new AppError({ code: 'round.closed', params: { round: round.name } })
    }
    return undoChangeBatch(db, batchId, now)
  })
}
