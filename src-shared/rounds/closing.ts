/**
 * What closing a round does with each scored product, by who recognises which stars under the set
 * in force (the set's `recognition`, docs/evaluation-rounds.md): a council recognises the ranks its
 * level recognises and forwards the others to the level that does; a result below 3★ is recorded
 * as it is, with no certificate and nothing to forward. A round closes once every product's result
 * is settled (closingPlan); db/round-closing.ts writes what closing gives.
 */
import type { CriteriaSet, RoundEntry } from '../db/records'
import { COUNCIL_LEVELS } from '../db/records'
import { OCOP_MIN_STARS, recognisingLevel } from '../domain/criteria'
import { proposalNeedsReason, scoringBlock } from './registration'
import type { ProductResult } from './results'
import { proposedStarsOf, roundResults, type RoundBundle } from './round-data'

export type CouncilLevel = (typeof COUNCIL_LEVELS)[number]

export type ClosingOutcome =
  /** Below 3★: the result is written, no certificate, nothing forwarded. */
  | { kind: 'result' }
  /** This council's level recognises the rank: written once the decision is entered. */
  | { kind: 'recognise' }
  /** Another level recognises it: a proposal to that level, written when its decision arrives. */
  | { kind: 'propose'; to: CouncilLevel }

const rank = (level: CouncilLevel) => COUNCIL_LEVELS.indexOf(level)

/**
 * The outcome for a product the round's council ranked at `stars`. A rank the set gives to a
 * lower level than the round's is recognised by the round's own council: a higher council that
 * scores a product decides on it (after the 2025 mergers the province scores what districts did).
 * A rank a higher level recognises goes to the next level up that recognises anything, as the
 * process forwards it step by step (a district sends 5★ candidates to the province, which sends
 * them on). A set that names no level for the rank forwards nothing: it is recognised here.
 */
export function closingOutcome(
  set: Pick<CriteriaSet, 'recognition'>,
  roundLevel: CouncilLevel,
  stars: number,
): ClosingOutcome {
  if (stars < OCOP_MIN_STARS) return { kind: 'result' }
  const level = recognisingLevel(set, stars)
  if (level === undefined || rank(level) <= rank(roundLevel)) return { kind: 'recognise' }
  const next = COUNCIL_LEVELS.find(
    (above) => rank(above) > rank(roundLevel) && set.recognition.some((r) => r.level === above),
  )
  return { kind: 'propose', to: next ?? level }
}

/**
 * Whether a decision of `level` may recognise `stars` under the set: it is the level the set gives
 * the rank to. A product proposed to the province for 5★ gets its rank from the centre's decision.
 */
export function levelRecognises(
  set: Pick<CriteriaSet, 'recognition'>,
  level: CouncilLevel,
  stars: number,
): boolean {
  const recognising = recognisingLevel(set, stars)
  return recognising === undefined || recognising === level
}

/**
 * Why a product keeps its round from closing. A result the council has not settled (a member still
 * to score, no quorum, the chair absent, a spread not yet re-scored in a later pass) is not written
 * to the register, nor a proposal other than the computed stars without its reason.
 */
export type ClosingProblem =
  /** No member has scored every part: there is no result at all. */
  | { code: 'no-result' }
  | { code: 'missing'; members: string[] }
  | { code: 'no-quorum'; scored: number; required: number }
  | { code: 'no-chair' }
  | { code: 'spread'; difference: number; max: number }
  | { code: 'no-reason'; computed: number; proposed: number }
  /** Scored although required dossier items (their labels) are missing, with no reason written. */
  | { code: 'dossier-incomplete'; missing: string[] }

/** What closing does with one product of the round. */
export interface ClosingLine {
  entry: RoundEntry
  result: ProductResult
  /** The stars the council proposes (proposedStarsOf); null while there is no result. */
  stars: number | null
  /** What closing gives the product at those stars; null while there is no result. */
  outcome: ClosingOutcome | null
  /** Why the product keeps the round from closing; empty when it may close. */
  problems: ClosingProblem[]
}

export interface ClosingPlan {
  /** The round is closed already. */
  closed: boolean
  /** Every product of the round, in the council's order. */
  lines: ClosingLine[]
  /** The round may close: it is open, has products, and none has a problem. */
  ready: boolean
}

function problemsOf(
  bundle: RoundBundle,
  entry: RoundEntry,
  result: ProductResult,
  stars: number | null,
): ClosingProblem[] {
  const problems: ClosingProblem[] = []
  const block = scoringBlock(bundle.round.dossierChecklist, entry.dossier, entry.overrideReason)
  if (block !== null) problems.push({ code: 'dossier-incomplete', missing: block.missing })
  if (result.stars === null) return [...problems, { code: 'no-result' }]
  const nameOf = (id: string) => bundle.members.find((member) => member.id === id)?.name ?? id
  for (const message of result.messages) {
    if (message.code === 'missing') {
      problems.push({ code: 'missing', members: message.memberIds.map(nameOf) })
    } else if (message.code !== 'capped') problems.push(message)
  }
  if (stars !== null && proposalNeedsReason(result.stars, stars, entry.proposalReason)) {
    problems.push({ code: 'no-reason', computed: result.stars, proposed: stars })
  }
  return problems
}

/** What closing the round would do with each product, and what keeps it from closing. */
export function closingPlan(bundle: RoundBundle): ClosingPlan {
  const results = roundResults(bundle)
  const lines = bundle.entries.map((entry): ClosingLine => {
    const result = results.get(entry.id)!
    const stars = proposedStarsOf(entry, result)
    return {
      entry,
      result,
      stars,
      outcome: stars === null ? null : closingOutcome(bundle.set, bundle.round.level, stars),
      problems: problemsOf(bundle, entry, result, stars),
    }
  })
  const closed = bundle.round.status === 'closed'
  const ready = !closed && lines.length > 0 && lines.every((line) => line.problems.length === 0)
  return { closed, lines, ready }
}
