/**
 * Closing a round, entering the decisions on its products, and reopening it. Closing and each
 * decision are one change batch (change-batches.ts): closing marks the round closed, gives every
 * product its outcome and writes the evaluations it can (1★-2★ results, and the round's own
 * recognitions when their decision comes with it); a decision writes the evaluations of the
 * products that waited for it. Reopening undoes the closing under the batch rule, after the
 * decisions entered on it are undone.
 */
import { formatViDate, isIsoDate, type IsoDate } from '@shared/dates'
import {
  COUNCIL_LEVELS,
  type ChangeBatch,
  type ChangeBatchOf,
  type Evaluation,
  type Round,
  type RoundEntry,
} from '@shared/db/records'
import { certificateExpiry } from '@shared/domain/certificates'
import { isOcopStars } from '@shared/domain/criteria'
import { suggestedKind } from '@shared/domain/evaluations'
import { AppError } from '@shared/errors'
import type { ErrorMessageParams } from '@shared/messages/catalogue'
import { closingPlan, levelRecognises, type CouncilLevel } from '@shared/rounds/closing'
import type { ProductResult } from '@shared/rounds/results'
import { roundBundle, roundResults, type RoundBundle } from '@shared/rounds/round-data'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'
import { undoChangeBatch } from './change-batches'

/** The decision of the round's own level, when the clerk has it at closing. */
export interface ClosingDecision {
  no: string
  date: IsoDate
  /** Certificate numbers by entry id, for the products the round's level recognises. */
  certificates: Readonly<Record<string, string>>
}

export interface CloseRoundOptions {
  decision: ClosingDecision | null
  /** The computer account the app runs under. */
  who: string
  /** ISO timestamp: the batch's time and every written record's `updatedAt`. */
  now: string
}

/** One product of a decision: the stars it recognises, or null when it does not recognise it. */
export interface DecisionLine {
  entryId: string
  stars: number | null
  certificateNo: string
}

export interface RoundDecisionInput {
  /** The level whose decision it is: the round's own, or the level products were proposed to. */
  level: CouncilLevel
  no: string
  date: IsoDate
  lines: readonly DecisionLine[]
  who: string
  now: string
}

export type RoundBatch = ChangeBatchOf<'round-scores' | 'round-close' | 'round-decision'>

const ROUND_BATCH_KINDS = ['round-scores', 'round-close', 'round-decision'] as const

/** A round with its records as the pure rules read them; refused when it is gone. */
export async function loadBundle(db: OcopDatabase, roundId: string): Promise<RoundBundle> {
  const round = await db.rounds.get(roundId)
  const set = round && (await db.criteriaSets.get(round.criteriaSetId))
  if (round === undefined || set === undefined) {
    throw new AppError({ code: 'round.not-found', params: {} })
  }
  const [roundMembers, roundEntries, roundScores, scoringSheets] = await Promise.all([
    db.roundMembers.where('roundId').equals(roundId).toArray(),
    db.roundEntries.where('roundId').equals(roundId).toArray(),
    db.roundScores.where('roundId').equals(roundId).toArray(),
    db.scoringSheets.where('criteriaSetId').equals(round.criteriaSetId).toArray(),
  ])
  const tables = {
    rounds: [round],
    criteriaSets: [set],
    roundMembers,
    roundEntries,
    roundScores,
    scoringSheets,
  }
  return roundBundle(tables, round)!
}

/** Product names by id, for messages; a product gone is named by its id. */
async function productNames(db: OcopDatabase, entries: readonly RoundEntry[]) {
  const products = await db.products.bulkGet(entries.map((entry) => entry.productId))
  return (entry: RoundEntry) =>
    products.find((product) => product?.id === entry.productId)?.name ?? entry.productId
}

/** The day the council met, which its evaluations are dated and a decision cannot precede. */
const meetingDate = (round: Round): IsoDate | null => round.meetingTo ?? round.meetingFrom

/** A refusal's params without the round, which the refusing function adds. */
type WithoutRound<P> = P extends { round: string } ? Omit<P, 'round'> : never

function checkDecision(round: Round, no: string, date: string): void {
  type Params = ErrorMessageParams['round.decision.invalid']
  const refuse = (params: WithoutRound<Params>) =>
    new AppError({
      code: 'round.decision.invalid',
      params: { ...params, round: round.name },
    })
  if (no.trim() === '') throw refuse({ problem: 'no-number' })
  if (!isIsoDate(date)) throw refuse({ problem: 'bad-date', date })
  const met = meetingDate(round)
  if (met !== null && date < met)
    throw refuse({ problem: 'before-meeting', date, meetingDate: met })
}

/** What a round's evaluations share, and what each decision or result fills in. */
interface EvaluationOutcome {
  recognisedStars: number | null
  councilLevel: CouncilLevel
  decisionNo: string
  decisionDate: IsoDate | null
  certificateNo: string
  note: string
}

/** The evaluation a round writes for a product: its council's scores, and the outcome given. */
async function roundEvaluation(
  db: OcopDatabase,
  round: Round,
  entry: RoundEntry,
  result: ProductResult,
  outcome: EvaluationOutcome,
  at: string,
): Promise<Evaluation> {
  const earlier = await db.evaluations.where('productId').equals(entry.productId).toArray()
  const dated = {
    year: round.year,
    round: round.number,
    evaluatedOn: meetingDate(round),
    decisionDate: outcome.decisionDate,
  }
  const partScores: Record<string, number> = {}
  for (const [code, value] of Object.entries(result.average.parts)) {
    if (value !== null) partScores[code] = value
  }
  const { recognisedStars, decisionDate } = outcome
  const certified = decisionDate !== null && isOcopStars(recognisedStars)
  return {
    id: crypto.randomUUID(),
    productId: entry.productId,
    ...dated,
    criteriaSetId: round.criteriaSetId,
    partScores,
    itemScores: null,
    total: result.average.total,
    computedStars: result.stars,
    ...outcome,
    kind: suggestedKind(dated, outcome.recognisedStars ?? result.stars, earlier),
    expiryDate: certified ? certificateExpiry(decisionDate) : null,
    createdAt: at,
    updatedAt: at,
  }
}

/** Writes the batch, its records and its one audit line; all inside the caller's transaction. */
async function commitBatch(
  db: OcopDatabase,
  batch: ChangeBatchOf<'round-close' | 'round-decision'>,
  writes: { round?: Round; entries: RoundEntry[]; evaluations: Evaluation[] },
  summary: string,
): Promise<void> {
  if (writes.round) await db.rounds.put(writes.round)
  await db.roundEntries.bulkPut(writes.entries)
  await db.evaluations.bulkAdd(writes.evaluations)
  await db.changeBatches.add(batch)
  await recordAudit(db, {
    action: batch.kind === 'round-close' ? 'update' : 'create',
    table: 'changeBatches',
    recordId: batch.id,
    summary,
    after: { createdIds: batch.createdIds },
    batchId: batch.id,
  })
}

/**
 * Closes the round: refused, naming the products and what to do, unless every product has its
 * settled result (closing.ts, closingPlan). Products below 3★ get their result; those the round's
 * level recognises get their evaluation now when `decision` is given, else wait for
 * enterDecision; proposals wait for the decision of the level they go to.
 */
export async function closeRound(
  db: OcopDatabase,
  roundId: string,
  options: CloseRoundOptions,
): Promise<ChangeBatchOf<'round-close'>> {
  const at = options.now
  return db.transaction('rw', db.registerTables(), async () => {
    const bundle = await loadBundle(db, roundId)
    const { round } = bundle
    const plan = closingPlan(bundle)
    if (plan.closed || plan.lines.length === 0) {
      throw new AppError({
        code: 'round.close.refused',
        params: { reason: plan.closed ? 'closed' : 'empty', round: round.name },
      })
    }
    if (!plan.ready) {
      const nameOf = await productNames(db, bundle.entries)
      const products = plan.lines
        .filter((line) => line.problems.length > 0)
        .map((line) => ({ product: nameOf(line.entry), problems: line.problems }))
      throw new AppError({
        code: 'round.close.refused',
        params: { reason: 'not-ready', round: round.name, products },
      })
    }
    const { decision } = options
    if (decision) checkDecision(round, decision.no, decision.date)

    const entries: RoundEntry[] = []
    const evaluations: Evaluation[] = []
    for (const line of plan.lines) {
      const { entry } = line
      const stars = line.stars!
      const outcome = line.outcome!
      const given: EvaluationOutcome | null =
        outcome.kind === 'result'
          ? {
              recognisedStars: stars,
              councilLevel: round.level,
              decisionNo: '',
              decisionDate: null,
              certificateNo: '',
              note: `Kết quả của đợt "${round.name}" (dưới 3 sao: không cấp giấy chứng nhận)`,
            }
          : outcome.kind === 'recognise' && decision
            ? {
                recognisedStars: stars,
                councilLevel: round.level,
                decisionNo: decision.no.trim(),
                decisionDate: decision.date,
                certificateNo: (decision.certificates[entry.id] ?? '').trim(),
                note: `Công nhận theo kết quả của đợt "${round.name}"`,
              }
            : null
      const evaluation = given && (await roundEvaluation(db, round, entry, line.result, given, at))
      if (evaluation) evaluations.push(evaluation)
      entries.push({
        ...entry,
        outcome: outcome.kind,
        proposedTo: outcome.kind === 'propose' ? outcome.to : null,
        evaluationId: evaluation?.id ?? null,
        updatedAt: at,
      })
    }
    const batch: ChangeBatchOf<'round-close'> = {
      id: crypto.randomUUID(),
      kind: 'round-close',
      label: `Đóng đợt "${round.name}"`,
      at,
      who: options.who,
      beforeImages: [
        { table: 'rounds', record: round },
        ...bundle.entries.map((entry) => ({ table: 'roundEntries', record: entry })),
      ],
      createdIds: { evaluations: evaluations.map((evaluation) => evaluation.id) },
      undoneAt: null,
      detail: { roundId },
    }
    const counts = (kind: RoundEntry['outcome']) => entries.filter((e) => e.outcome === kind).length
    await commitBatch(
      db,
      batch,
      { round: { ...round, status: 'closed', updatedAt: at }, entries, evaluations },
      `${batch.label}: ${evaluations.length} kết quả ghi vào sổ, ${counts('recognise')} sản phẩm công nhận ở cấp này, ${counts('propose')} sản phẩm đề nghị cấp trên`,
    )
    return batch
  })
}

/** True when `entry` waits for a decision of `level`. */
function awaits(round: Round, entry: RoundEntry, level: CouncilLevel): boolean {
  if (entry.evaluationId !== null) return false
  if (entry.outcome === 'recognise') return level === round.level
  // A proposal to the province for 5★ is decided by the centre, to whom the province forwards it.
  return (
    entry.outcome === 'propose' &&
    entry.proposedTo !== null &&
    COUNCIL_LEVELS.indexOf(level) >= COUNCIL_LEVELS.indexOf(entry.proposedTo)
  )
}

/**
 * Enters a decision against a closed round: each line writes the evaluation of a product that
 * waits for this level's decision, recognised at the line's stars or not recognised (no stars,
 * no certificate). Refused, naming the products, for lines the decision cannot take.
 */
export async function enterDecision(
  db: OcopDatabase,
  roundId: string,
  input: RoundDecisionInput,
): Promise<ChangeBatchOf<'round-decision'>> {
  const at = input.now
  return db.transaction('rw', db.registerTables(), async () => {
    const bundle = await loadBundle(db, roundId)
    const { round } = bundle
    type Params = ErrorMessageParams['round.decision.refused']
    const refuse = (params: WithoutRound<Params>) =>
      new AppError({
        code: 'round.decision.refused',
        params: { ...params, round: round.name },
      })
    if (round.status !== 'closed') throw refuse({ reason: 'not-closed' })
    if (input.lines.length === 0) throw refuse({ reason: 'no-lines' })
    checkDecision(round, input.no, input.date)

    const byId = new Map(bundle.entries.map((entry) => [entry.id, entry]))
    const unknown = input.lines.filter((line) => !byId.has(line.entryId))
    if (unknown.length > 0) {
      throw refuse({ reason: 'unknown-entries', entryIds: unknown.map((line) => line.entryId) })
    }
    const nameOf = await productNames(db, bundle.entries)
    const named = (lines: readonly DecisionLine[]) => [
      ...new Set(lines.map((line) => nameOf(byId.get(line.entryId)!))),
    ]
    const twice = input.lines.filter(
      (line, i) => input.lines.findIndex((other) => other.entryId === line.entryId) !== i,
    )
    if (twice.length > 0) throw refuse({ reason: 'twice', products: named(twice) })
    const notAwaiting = input.lines.filter(
      (line) => !awaits(round, byId.get(line.entryId)!, input.level),
    )
    if (notAwaiting.length > 0) {
      throw refuse({ reason: 'not-awaiting', level: input.level, products: named(notAwaiting) })
    }
    const badStars = input.lines.filter(
      (line) =>
        line.stars !== null &&
        !(Number.isInteger(line.stars) && isOcopStars(line.stars) && line.stars <= 5),
    )
    if (badStars.length > 0) throw refuse({ reason: 'bad-stars', products: named(badStars) })
    const notItsRank = input.lines.filter(
      (line) => line.stars !== null && !levelRecognises(bundle.set, input.level, line.stars),
    )
    if (notItsRank.length > 0) {
      throw refuse({ reason: 'not-its-rank', level: input.level, products: named(notItsRank) })
    }

    const results = roundResults(bundle)
    const decisionNo = input.no.trim()
    const entries: RoundEntry[] = []
    const evaluations: Evaluation[] = []
    for (const line of input.lines) {
      const entry = byId.get(line.entryId)!
      const recognised = line.stars !== null
      const evaluation = await roundEvaluation(
        db,
        round,
        entry,
        results.get(entry.id)!,
        {
          recognisedStars: line.stars,
          councilLevel: input.level,
          decisionNo,
          decisionDate: input.date,
          certificateNo: recognised ? line.certificateNo.trim() : '',
          note: recognised
            ? `Công nhận theo Quyết định số ${decisionNo}, kết quả của đợt "${round.name}"`
            : `Không được công nhận theo Quyết định số ${decisionNo}, kết quả của đợt "${round.name}"`,
        },
        at,
      )
      evaluations.push(evaluation)
      entries.push({ ...entry, evaluationId: evaluation.id, updatedAt: at })
    }
    const batch: ChangeBatchOf<'round-decision'> = {
      id: crypto.randomUUID(),
      kind: 'round-decision',
      label: `Nhập Quyết định số ${decisionNo} ngày ${formatViDate(input.date)} cho đợt "${round.name}"`,
      at,
      who: input.who,
      beforeImages: input.lines.map((line) => ({
        table: 'roundEntries',
        record: byId.get(line.entryId)!,
      })),
      createdIds: { evaluations: evaluations.map((evaluation) => evaluation.id) },
      undoneAt: null,
      detail: { roundId, level: input.level, decisionNo, decisionDate: input.date },
    }
    const recognisedCount = input.lines.filter((line) => line.stars !== null).length
    await commitBatch(
      db,
      batch,
      { entries, evaluations },
      `${batch.label}: ${recognisedCount} sản phẩm được công nhận, ${input.lines.length - recognisedCount} sản phẩm không được công nhận`,
    )
    return batch
  })
}

/** The change batches of a round (scores, closing, decisions), newest first. */
export async function listRoundBatches(db: OcopDatabase, roundId: string): Promise<RoundBatch[]> {
  const batches = (await db.changeBatches
    .where('kind')
    .anyOf([...ROUND_BATCH_KINDS])
    .toArray()) as RoundBatch[]
  return batches
    .filter((batch) => batch.detail.roundId === roundId)
    .sort((a, b) => b.at.localeCompare(a.at))
}

/**
 * Reopens a closed round by undoing its closing (undoChangeBatch): refused while a decision
 * entered on it stands (undo that first), and under the batch rule when a record closing wrote
 * was changed since (an evaluation edited on the product's page).
 */
export async function reopenRound(
  db: OcopDatabase,
  roundId: string,
  now: string,
): Promise<ChangeBatch> {
  return db.transaction('rw', db.registerTables(), async () => {
    const round = await db.rounds.get(roundId)
    if (round === undefined) throw new AppError({ code: 'round.not-found', params: {} })
    const standing = (await listRoundBatches(db, roundId)).filter((b) => b.undoneAt === null)
    const closing = standing.find((batch) => batch.kind === 'round-close')
    if (round.status !== 'closed' || closing === undefined) {
      throw new AppError({
        code: 'round.reopen.refused',
        params: { reason: 'not-closed', round: round.name },
      })
    }
    const decision = standing.find(
      (batch): batch is ChangeBatchOf<'round-decision'> => batch.kind === 'round-decision',
    )
    if (decision !== undefined) {
      const { level, decisionNo, decisionDate } = decision.detail
      throw new AppError({
        code: 'round.reopen.refused',
        params: { reason: 'decision-stands', round: round.name, level, decisionNo, decisionDate },
      })
    }
    return undoChangeBatch(db, closing.id, now)
  })
}
