/**
 * What closing a round does with each scored product, by who recognises which stars under the set
 * in force (the set's `recognition`, docs/evaluation-rounds.md): a council recognises the ranks its
 * level recognises and forwards the others to the level that does; a result below 3★ is recorded
 * as it is, with no certificate and nothing to forward.
 */
import type { CriteriaSet } from '../db/records'
import { COUNCIL_LEVELS } from '../db/records'
import { OCOP_MIN_STARS, recognisingLevel } from '../domain/criteria'

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
 * A set that names no level for the rank forwards nothing it cannot name: it is recognised here.
 */
export function closingOutcome(
  set: Pick<CriteriaSet, 'recognition'>,
  roundLevel: CouncilLevel,
  stars: number,
): ClosingOutcome {
  if (stars < OCOP_MIN_STARS) return { kind: 'result' }
  const level = recognisingLevel(set, stars)
  if (level === undefined || rank(level) <= rank(roundLevel)) return { kind: 'recognise' }
  return { kind: 'propose', to: level }
}
