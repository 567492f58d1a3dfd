/**
 * A product's star history for its page: first recognition, re-evaluations, upgrades (nâng hạng),
 * downgrades and lapsed certificates, in date order.
 */
import type { IsoDate } from '../dates'
import type { Evaluation } from '../db/records'
import { evaluationExpiry } from './certificates'
import { compareEvaluations } from './rankings'

export type TimelineKind = 'new' | 're-evaluated' | 'upgraded' | 'downgraded' | 'expired'

/** One event of a product's star history. */
export interface TimelineEvent {
  kind: TimelineKind
  /** The decision date; for 'expired', the certificate's last valid day. */
  date: IsoDate
  stars: number
  /** The star before this event (null for 'new' and 'expired'). */
  previousStars: number | null
  evaluationId: string
}

/**
 * A product's star history up to `today`, in date order: its first recognition ('new'), each later
 * decision compared with the star before it, and 'expired' where a certificate ran out before a
 * newer decision (or before today).
 */
export function productTimeline(
  evaluationsOfProduct: readonly Evaluation[],
  today: IsoDate,
): TimelineEvent[] {
  const decided: { evaluation: Evaluation; stars: number; decisionDate: IsoDate }[] = []
  for (const evaluation of [...evaluationsOfProduct].sort(compareEvaluations)) {
    const { recognisedStars: stars, decisionDate } = evaluation
    if (stars !== null && decisionDate !== null && decisionDate <= today) {
      decided.push({ evaluation, stars, decisionDate })
    }
  }
  const events: TimelineEvent[] = []
  let previous: { evaluation: Evaluation; stars: number; expiry: IsoDate | null } | undefined

  const lapsedBefore = (date: IsoDate) =>
    previous && previous.expiry !== null && previous.expiry < date
      ? {
          kind: 'expired' as const,
          date: previous.expiry,
          stars: previous.stars,
          previousStars: null,
          evaluationId: previous.evaluation.id,
        }
      : undefined

  for (const { evaluation, stars, decisionDate } of decided) {
    const lapse = lapsedBefore(decisionDate)
    if (lapse) events.push(lapse)
    let kind: TimelineKind = 'new'
    if (previous) {
      if (stars > previous.stars) kind = 'upgraded'
      else if (stars < previous.stars) kind = 'downgraded'
      else kind = 're-evaluated'
    }
    events.push({
      kind,
      date: decisionDate,
      stars,
      previousStars: previous?.stars ?? null,
      evaluationId: evaluation.id,
    })
    previous = { evaluation, stars, expiry: evaluationExpiry(evaluation) }
  }
  const lapse = lapsedBefore(today)
  if (lapse) events.push(lapse)
  return events
}
