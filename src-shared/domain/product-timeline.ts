/**
 * A product's star history for its page: first result, re-evaluations, upgrades (nâng hạng),
 * downgrades and results that stopped standing (an expired certificate, a lapsed 1★-2★ result, a
 * revoked certificate), in date order, by the same rules as its rank (rankings.ts).
 */
import type { IsoDate } from '../dates'
import type { Evaluation } from '../db/records'
import type { RankingRules } from './ranking-rules'
import { compareEvaluations, givesResult, resultDate, resultStandsUntil } from './rankings'
import { NO_REVOCATIONS, type RevocationLookup, type RevokedCertificate } from './revocations'

export type TimelineKind =
  'new' | 're-evaluated' | 'upgraded' | 'downgraded' | 'expired' | 'revoked'

/** One event of a product's star history. */
export interface TimelineEvent {
  kind: TimelineKind
  /**
   * The result's date (resultDate); for 'expired', the last day the result stood; for 'revoked',
   * the revocation decision's date.
   */
  date: IsoDate
  stars: number
  /** The star before this event (null for 'new', 'expired' and 'revoked'). */
  previousStars: number | null
  evaluationId: string
  /** The decision and its line, for 'revoked'. */
  revocation?: RevokedCertificate
}

/**
 * A product's star history up to `asOf`, in date order: its first result ('new'), each later
 * result compared with the star before it, 'expired' where a result stopped standing before a
 * newer one (or before `asOf`), and 'revoked' where a decision revoked its certificate before a
 * newer one (or on or before `asOf`).
 */
export function productTimeline(
  evaluationsOfProduct: readonly Evaluation[],
  asOf: IsoDate,
  rules: RankingRules,
  revocations: RevocationLookup = NO_REVOCATIONS,
): TimelineEvent[] {
  const results = evaluationsOfProduct
    .filter((evaluation) => givesResult(evaluation) && resultDate(evaluation) <= asOf)
    .sort(compareEvaluations)
  const events: TimelineEvent[] = []
  let previous: { evaluation: Evaluation; stars: number; standsUntil: IsoDate } | undefined

  /** How the previous result stopped standing before `date` (on or before it, for `asOf`). */
  const endings = (date: IsoDate, inclusive: boolean): TimelineEvent[] => {
    if (!previous) return []
    const { evaluation, stars, standsUntil } = previous
    const revoked = revocations(evaluation.id)
    const revokedBy =
      revoked !== undefined &&
      (inclusive ? revoked.decision.date <= date : revoked.decision.date < date)
        ? revoked
        : undefined
    const ended: TimelineEvent[] = []
    if (standsUntil < date && (revokedBy === undefined || standsUntil < revokedBy.decision.date)) {
      ended.push({
        kind: 'expired',
        date: standsUntil,
        stars,
        previousStars: null,
        evaluationId: evaluation.id,
      })
    }
    if (revokedBy !== undefined) {
      ended.push({
        kind: 'revoked',
        date: revokedBy.decision.date,
        stars,
        previousStars: null,
        evaluationId: evaluation.id,
        revocation: revokedBy,
      })
    }
    return ended
  }

  for (const evaluation of results) {
    const stars = evaluation.recognisedStars ?? 0
    const date = resultDate(evaluation)
    events.push(...endings(date, false))
    let kind: TimelineKind = 'new'
    if (previous) {
      if (stars > previous.stars) kind = 'upgraded'
      else if (stars < previous.stars) kind = 'downgraded'
      else kind = 're-evaluated'
    }
    events.push({
      kind,
      date,
      stars,
      previousStars: previous?.stars ?? null,
      evaluationId: evaluation.id,
    })
    previous = { evaluation, stars, standsUntil: resultStandsUntil(evaluation, rules) }
  }
  events.push(...endings(asOf, true))
  return events
}
