/**
 * A council member's filled score workbook brought into a round, as the clerk sees it before
 * anything is written: refused as a whole when it cannot stand for the member's scores in this
 * round, else one line per product of the round, in the council's order, saying what the commit
 * would do with it. The commit (db/round-score-import.ts) computes the preview again from the
 * register and writes only the new and changed lines, as the CLI reads a workbook: a product
 * left blank keeps what is stored, a part left partly blank has no score.
 */
import type { RoundEntry, RoundMember } from '../db/records'
import type { Message } from '../messages/catalogue'
import { scoringBlock, type ScoringBlock } from './registration'
import { passOfEntry, sheetOfEntry, type RoundBundle } from './round-data'
import type { MemberWorkbookCode, MemberWorkbookRead } from './round-files'
import { partScoresOf, sheetLines, type ScoringSheet } from './sheets'

/**
 * What the commit does with a product: writes the member's scores where they had none in the
 * product's pass ('new') or had others ('changed'); keeps what is stored where they are the same,
 * where the member left every cell blank, where the dossier blocks scoring, and for a product of
 * the round the workbook does not have ('absent').
 */
export const SCORE_IMPORT_STATUSES = [
  'new',
  'changed',
  'same',
  'blank',
  'blocked',
  'absent',
] as const
export type ScoreImportStatus = (typeof SCORE_IMPORT_STATUSES)[number]

/** Points by part or item code; null where not scored. */
export type ScorePoints = Record<string, number | null>

/** One product of the round as the workbook would score it. */
export interface ScoreImportLine {
  entry: RoundEntry
  /** The product's scoring pass, which the workbook's scores go into. */
  pass: number
  status: ScoreImportStatus
  /** The member's score record in that pass; null: none. */
  scoreId: string | null
  /** The member's part scores stored in that pass; null: no record. */
  before: ScorePoints | null
  /** The part scores of the workbook's points; null when the workbook does not have the product. */
  after: ScorePoints | null
  /**
   * The points typed per criterion of a full sheet (null where left blank), as the score keeps
   * them; null on the part-level sheet, whose points are the parts, and for a product absent.
   */
  items: ScorePoints | null
  /** Parts where some items are scored and others left blank: such a part gets no score. */
  partlyBlank: string[]
  /** Why the dossier keeps the product from being scored; null: it may be. */
  block: ScoringBlock
}

/** The workbook taken: whose scores, from which file, and each product's line. */
export interface ScoreImportPlan {
  ok: true
  roundId: string
  member: RoundMember
  fileName: string
  archive: string | null
  /** SHA-256 of the workbook, which the change batch keeps. */
  fileHash: string
  lines: ScoreImportLine[]
  counts: Record<ScoreImportStatus, number>
}

/** Why a workbook is refused as a whole: the round's refusal, or the problems reading it found. */
export type ScoreImportRefusal = Message<MemberWorkbookCode | 'round.scores.refused'>

export type ScoreImportPreview = ScoreImportPlan | { ok: false; refusals: ScoreImportRefusal[] }

type RefusalReason = Extract<
  ScoreImportRefusal,
  { code: 'round.scores.refused' }
>['params']['reason']

/**
 * The preview of `read` against the round: refused when the round is closed, when reading the
 * workbook found problems (those problems), when it is not a workbook of this round, when its
 * member is not in the council, or when it scores a product no longer entered.
 */
export function previewMemberScores(
  bundle: RoundBundle,
  read: MemberWorkbookRead,
): ScoreImportPreview {
  const refuse = (reason: RefusalReason): ScoreImportPreview => ({
    ok: false,
    refusals: [
      {
        code: 'round.scores.refused',
        params: { file: read.fileName, archive: read.archive, round: bundle.round.name, reason },
      },
    ],
  })
  if (bundle.round.status === 'closed') return refuse('closed')
  if (read.problems.length > 0) return { ok: false, refusals: read.problems }
  if (read.roundId !== bundle.round.id) return refuse('not-this-round')
  const member = bundle.members.find((m) => m.id === read.memberId)
  if (member === undefined) return refuse('member-unknown')
  const entered = new Set(bundle.entries.map((entry) => entry.id))
  if (Object.keys(read.products).some((entryId) => !entered.has(entryId))) {
    return refuse('product-unknown')
  }
  const lines = bundle.entries.map((entry) =>
    previewLine(
      bundle,
      member,
      entry,
      Object.hasOwn(read.products, entry.id) ? read.products[entry.id] : undefined,
    ),
  )
  const counts = Object.fromEntries(SCORE_IMPORT_STATUSES.map((status) => [status, 0])) as Record<
    ScoreImportStatus,
    number
  >
  for (const line of lines) counts[line.status] += 1
  return {
    ok: true,
    roundId: bundle.round.id,
    member,
    fileName: read.fileName,
    archive: read.archive,
    fileHash: read.sha256,
    lines,
    counts,
  }
}

function previewLine(
  bundle: RoundBundle,
  member: RoundMember,
  entry: RoundEntry,
  points: Readonly<ScorePoints> | undefined,
): ScoreImportLine {
  const pass = passOfEntry(bundle, entry.id)
  const stored = bundle.scores.find(
    (score) => score.entryId === entry.id && score.memberId === member.id && score.pass === pass,
  )
  const block = scoringBlock(bundle.round.dossierChecklist, entry.dossier, entry.overrideReason)
  const before = stored?.parts ?? null
  const kept = { entry, pass, scoreId: stored?.id ?? null, before, block }
  if (points === undefined) {
    return { ...kept, status: 'absent', after: null, items: null, partlyBlank: [] }
  }
  const sheet = sheetOfEntry(bundle, entry)
  const after = partScoresOf(sheet, points)
  const { typed, partlyBlank } = typedItems(sheet, points)
  const full = sheet.parts.some((part) => part.sections.length > 0)
  const items = full ? { ...points } : null
  // A re-scoring gives every member an empty record of the new pass: that is no scores yet.
  const hadScores = before !== null && Object.values(before).some((v) => v !== null)
  const status: ScoreImportStatus =
    typed === 0
      ? 'blank'
      : block !== null
        ? 'blocked'
        : !hadScores
          ? 'new'
          : sameScores(before, after)
            ? 'same'
            : 'changed'
  return { ...kept, status, after, items, partlyBlank }
}

/** How many items of the sheet have points, and the parts scored only in part. */
function typedItems(sheet: ScoringSheet, points: Readonly<ScorePoints>) {
  const byPart = new Map<string, { typed: number; blank: number }>()
  for (const line of sheetLines(sheet)) {
    if (line.kind !== 'item') continue
    const part = byPart.get(line.part) ?? { typed: 0, blank: 0 }
    const value = points[line.code]
    if (value === null || value === undefined) part.blank += 1
    else part.typed += 1
    byPart.set(line.part, part)
  }
  const parts = [...byPart]
  return {
    typed: parts.reduce((sum, [, part]) => sum + part.typed, 0),
    partlyBlank: parts.filter(([, p]) => p.typed > 0 && p.blank > 0).map(([code]) => code),
  }
}

/** Whether two sets of points give every code the same points (a code missing is unscored). */
function sameScores(a: Readonly<ScorePoints> | null, b: Readonly<ScorePoints> | null): boolean {
  if (a === null || b === null) return a === b
  const codes = new Set([...Object.keys(a), ...Object.keys(b)])
  return [...codes].every((code) => (a[code] ?? null) === (b[code] ?? null))
}

/**
 * Whether a preview computed again is the one the clerk confirmed: the same member and file, and
 * every product with the same pass, status, stored scores and scores to write.
 */
export function sameScoreImport(confirmed: ScoreImportPlan, now: ScoreImportPlan): boolean {
  return (
    confirmed.member.id === now.member.id &&
    confirmed.fileHash === now.fileHash &&
    confirmed.lines.length === now.lines.length &&
    confirmed.lines.every((line, i) => {
      const other = now.lines[i]!
      return (
        line.entry.id === other.entry.id &&
        line.pass === other.pass &&
        line.status === other.status &&
        line.scoreId === other.scoreId &&
        sameScores(line.before, other.before) &&
        sameScores(line.after, other.after) &&
        sameScores(line.items, other.items)
      )
    })
  )
}
