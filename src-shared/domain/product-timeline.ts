/**
 * A product's star history for its page: first result, re-evaluations, upgrades (nâng hạng),
 * downgrades and results that stopped standing (an expired certificate, a lapsed 1★-2★ result), in
 * date order, by the same rules as its rank (rankings.ts).
 */
import type { IsoDate } from '../dates'
import type { Evaluation } from '../db/records'
import type { RankingRules } from './ranking-rules'
import { compareEvaluations, givesResult, resultDate, resultStandsUntil } from './rankings'

export type TimelineKind = 'new' | 're-evaluated' | 'upgraded' | 'downgraded' | 'expired'

/** One event of a product's star history. */
export interface TimelineEvent {
  kind: TimelineKind
  /** The result's date (resultDate); for 'expired', the last day the result stood. */
  date: IsoDate
  stars: number
  /** The star before this event (null for 'new' and 'expired'). */
  previousStars: number | null
  evaluationId: string
}

/**
 * A product's star history up to `asOf`, in date order: its first result ('new'), each later
 * result compared with the star before it, and 'expired' where a result stopped standing before a
 * newer one (or before `asOf`).
 */
export function productTimeline(
  evaluationsOfProduct: readonly Evaluation[],
  asOf: IsoDate,
  rules: RankingRules,
): TimelineEvent[] {
  const results = evaluationsOfProduct
    .filter((evaluation) => givesResult(evaluation) && resultDate(evaluation) <= asOf)
    .sort(compareEvaluations)
  const events: TimelineEvent[] = []
  let previous: { evaluation: Evaluation; stars: number; standsUntil: IsoDate } | undefined

  const lapsedBefore = (date: IsoDate) =>
    previous && previous.standsUntil < date
      ? {
          kind: 'expired' as const,
          date: previous.standsUntil,
          stars: previous.stars,
          previousStars: null,
          evaluationId: previous.evaluation.id,
        }
      : undefined

  for (const evaluation of results) {
    const stars = evaluation.recognisedStars ?? 0
    const date = resultDate(evaluation)
    const lapse = lapsedBefore(date)
    if (lapse) events.push(lapse)
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
  const lapse = lapsedBefore(asOf)
  if (lapse) events.push(lapse)
  return events
}
