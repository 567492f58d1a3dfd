/**
 * Star rankings (xếp hạng sao) of the register, always "as of a date". A product's rank on a day is
 * its latest result on or before it; a certificate (3★-5★) stands 36 months from its decision (QĐ
 * 1048 and QĐ 148), a 1★-2★ result for the office's months (ranking-rules.ts). Every view groups
 * the evaluations once (EvaluationIndex) and then walks the products once, so 10,000 products and
 * 50,000 evaluations stay linear. The unit × star matrix, a product's status and its timeline build
 * on this in their own modules.
 */
import type { IsoDate } from '../dates'
import type { Evaluation, Producer, Product } from '../db/records'
import {
  certificateStatusOn,
  daysUntil,
  evaluationExpiry,
  lastDayOfMonths,
  type CertificateStatus,
} from './certificates'
import { isOcopStars } from './criteria'
import type { EvaluationIndex } from './evaluation-index'
import type { RankingRules } from './ranking-rules'
import {
  NO_REVOCATIONS,
  revokedOn,
  type RevocationLookup,
  type RevokedCertificate,
} from './revocations'

/** A product's result on a day, from the evaluation that decided it. */
export interface Rank {
  evaluation: Evaluation
  stars: number
  /** The day the result dates from (resultDate). */
  since: IsoDate
  /** The certificate's last valid day; null for 1★-2★, which get no certificate. */
  expiryDate: IsoDate | null
  /** The last day the result stands: its certificate's last valid day, or the office's months for 1★-2★. */
  standsUntil: IsoDate
  /** 'revoked' from the day a decision revoked its certificate (revocations.ts). */
  status: CertificateStatus | 'revoked'
  /** The revocation of its certificate in effect on the day asked about; null when none. */
  revoked: RevokedCertificate | null
  /**
   * True while the result stands on the day asked about; false once it has expired, lapsed or
   * been revoked.
   */
  current: boolean
}

/** A product with its rank on the view's date (undefined when it never had one). */
export interface RankedProduct {
  product: Product
  rank: Rank | undefined
}

/**
 * The day an evaluation's result dates from: its decision date; without one (a 1★-2★ result often
 * has none, as no certificate follows), the day of the evaluation, else 31/12 of its year.
 */
export function resultDate(evaluation: Evaluation): IsoDate {
  return evaluation.decisionDate ?? evaluation.evaluatedOn ?? `${evaluation.year}-12-31`
}

/**
 * True when an evaluation gives the product a result: a recognised star, and for 3★ and up the
 * decision that recognised it (the certificate runs from that decision; without it the product
 * is still waiting to be recognised).
 */
export function givesResult(evaluation: Evaluation): boolean {
  const stars = evaluation.recognisedStars
  return stars !== null && (evaluation.decisionDate !== null || !isOcopStars(stars))
}

// Views ask every product's result on every date they count (a plan's chart: each year), and the
// date arithmetic behind a result's last day is most of that work: it is kept per evaluation, with
// the fields and the months it was worked out from (a record edited in place is worked out again).
interface KeptStandsUntil {
  stars: number | null
  expiryDate: IsoDate | null
  decisionDate: IsoDate | null
  evaluatedOn: IsoDate | null
  year: number
  months: number
  until: IsoDate
}
const standsUntilKept = new WeakMap<Evaluation, KeptStandsUntil>()

/** The last day a result stands: the certificate's last valid day (3★-5★), else the office's months. */
export function resultStandsUntil(evaluation: Evaluation, rules: RankingRules): IsoDate {
  const months = rules.lowStarResultMonths
  const { recognisedStars: stars, expiryDate, decisionDate, evaluatedOn, year } = evaluation
  const kept = standsUntilKept.get(evaluation)
  if (
    kept !== undefined &&
    kept.months === months &&
    kept.stars === stars &&
    kept.expiryDate === expiryDate &&
    kept.decisionDate === decisionDate &&
    kept.evaluatedOn === evaluatedOn &&
    kept.year === year
  ) {
    return kept.until
  }
  const expiry = isOcopStars(stars) ? evaluationExpiry(evaluation) : null
  const until = expiry ?? lastDayOfMonths(resultDate(evaluation), months)
  standsUntilKept.set(evaluation, {
    stars,
    expiryDate,
    decisionDate,
    evaluatedOn,
    year,
    months,
    until,
  })
  return until
}

/** Result order: result date, then year, then round, then id. */
export function compareEvaluations(a: Evaluation, b: Evaluation): number {
  const dateA = resultDate(a)
  const dateB = resultDate(b)
  if (dateA !== dateB) return dateA < dateB ? -1 : 1
  if (a.year !== b.year) return a.year - b.year
  if (a.round !== b.round) return a.round - b.round
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

declare const resultOrder: unique symbol
/**
 * One product's evaluations sorted in result order (compareEvaluations), as EvaluationIndex keeps
 * them: the latest result on a day is then the last one dated on or before it.
 */
export type InResultOrder = readonly Evaluation[] & { readonly [resultOrder]: true }

/** A sorted copy of `evaluations` in result order. */
export function inResultOrder(evaluations: readonly Evaluation[]): InResultOrder {
  return [...evaluations].sort(compareEvaluations) as unknown as InResultOrder
}

/**
 * The latest of `evaluations` dated on or before `date` in result order; with `resultsOnly`, the
 * latest that gives a result.
 */
export function latestOn(
  evaluations: InResultOrder,
  date: IsoDate,
  resultsOnly = false,
): Evaluation | undefined {
  // Every view asks this for every product and date: walk back from the latest.
  for (let i = evaluations.length - 1; i >= 0; i--) {
    const evaluation = evaluations[i]
    if (evaluation === undefined || (resultsOnly && !givesResult(evaluation))) continue
    if (resultDate(evaluation) <= date) return evaluation
  }
  return undefined
}

/**
 * A product's rank on `date`: its latest result on or before that day, whatever its star, so a
 * later lower star replaces an earlier higher one (a downgrade). The rank comes back even when it
 * no longer stands (a certificate past its last day or revoked, a 1★-2★ result past the office's
 * months), with `current` false.
 */
export function rankOn(
  evaluationsOfProduct: InResultOrder,
  date: IsoDate,
  rules: RankingRules,
  revocations: RevocationLookup = NO_REVOCATIONS,
): Rank | undefined {
  const evaluation = latestOn(evaluationsOfProduct, date, true)
  if (!evaluation) return undefined
  const stars = evaluation.recognisedStars ?? 0
  const expiryDate = isOcopStars(stars) ? evaluationExpiry(evaluation) : null
  const standsUntil = resultStandsUntil(evaluation, rules)
  const revoked = revokedOn(revocations, evaluation.id, date)
  return {
    evaluation,
    stars,
    since: resultDate(evaluation),
    expiryDate,
    standsUntil,
    status: revoked === null ? certificateStatusOn(expiryDate, date) : 'revoked',
    revoked,
    current: revoked === null && date <= standsUntil,
  }
}

/** True when the rank still stands on the day it was asked for. */
export function isCurrentRank(rank: Rank | undefined): rank is Rank {
  return rank?.current === true
}

export const STAR_KEYS = [1, 2, 3, 4, 5, 'none'] as const
export type StarKey = (typeof STAR_KEYS)[number]

/** Products by current star, with counts; 'none' holds products never ranked, expired or lapsed. */
export interface ProductsByStar {
  products: Record<StarKey, RankedProduct[]>
  counts: Record<StarKey, number>
  /** Products at 3★ and up: the OCOP products of statistics. */
  ocop: number
}

function starKeyOf(rank: Rank | undefined): StarKey {
  if (!isCurrentRank(rank)) return 'none'
  const stars = rank.stars
  return stars === 1 || stars === 2 || stars === 3 || stars === 4 || stars === 5 ? stars : 'none'
}

/** Products grouped by their current star on `date` (1..5, 'none'), in the order given. */
export function productsByStar(
  products: readonly Product[],
  index: EvaluationIndex,
  date: IsoDate,
): ProductsByStar {
  const grouped = { 1: [], 2: [], 3: [], 4: [], 5: [], none: [] } as Record<
    StarKey,
    RankedProduct[]
  >
  let ocop = 0
  for (const product of products) {
    const rank = index.rankOn(product.id, date)
    const key = starKeyOf(rank)
    grouped[key].push({ product, rank })
    if (key !== 'none' && isOcopStars(key)) ocop += 1
  }
  const counts = Object.fromEntries(STAR_KEYS.map((key) => [key, grouped[key].length])) as Record<
    StarKey,
    number
  >
  return { products: grouped, counts, ocop }
}

export const YEAR_CHANGES = [
  'new',
  'upgraded',
  'downgraded',
  'expired',
  'revoked',
  'unchanged',
] as const
export type YearChange = (typeof YEAR_CHANGES)[number]

/** How one product's rank changed between the ends of two years. */
export interface ProductYearChange {
  product: Product
  change: YearChange
  /** The rank at the end of the first year as rankOn gives it (possibly no longer current). */
  before: Rank | undefined
  after: Rank | undefined
}

/** Year against year: per product change and counts. */
export interface YearComparison {
  yearA: number
  yearB: number
  changes: ProductYearChange[]
  counts: Record<YearChange, number>
}

/**
 * Compares each product's current rank on 31/12 of `yearA` and of `yearB`: new, upgraded,
 * downgraded, expired (a rank at A, none standing at B: a certificate expired or a 1★-2★ result
 * lapsed), revoked (a rank at A whose certificate a decision revoked by B) or unchanged; products
 * with neither skipped.
 */
export function compareYears(
  products: readonly Product[],
  index: EvaluationIndex,
  yearA: number,
  yearB: number,
): YearComparison {
  const dateA = `${yearA}-12-31`
  const dateB = `${yearB}-12-31`
  const counts = Object.fromEntries(YEAR_CHANGES.map((c) => [c, 0])) as Record<YearChange, number>
  const changes: ProductYearChange[] = []
  for (const product of products) {
    const before = index.rankOn(product.id, dateA)
    const after = index.rankOn(product.id, dateB)
    let change: YearChange
    if (isCurrentRank(before) && isCurrentRank(after)) {
      if (after.stars > before.stars) change = 'upgraded'
      else if (after.stars < before.stars) change = 'downgraded'
      else change = 'unchanged'
    } else if (isCurrentRank(before)) change = after?.revoked ? 'revoked' : 'expired'
    else if (isCurrentRank(after)) change = 'new'
    else continue
    counts[change] += 1
    changes.push({ product, change, before, after })
  }
  return { yearA, yearB, changes, counts }
}

/** A product whose certificate expires soon or has expired, with its owner. */
export interface ExpiringCertificate {
  product: Product
  producer: Producer | undefined
  rank: Rank
  expiryDate: IsoDate
  /** Days from the view's date to the last valid day; negative once expired. */
  daysLeft: number
}

/** Certificates by urgency on a date, each list sorted by expiry date. */
export interface ExpiringCertificates {
  /** 0-30 days left (the QĐ 148 notice window). */
  expiring30: ExpiringCertificate[]
  /** 31-90 days left; those within 30 days are in `expiring30` only. */
  expiring90: ExpiringCertificate[]
  /** The latest recognition expired and no newer decision renewed it. */
  expired: ExpiringCertificate[]
}

/** Products whose current certificate expires within 30 / 31-90 days of `date`, or has expired. */
export function expiringCertificates(
  products: readonly Product[],
  index: EvaluationIndex,
  date: IsoDate,
  producers: readonly Producer[] = [],
): ExpiringCertificates {
  const producersById = new Map(producers.map((producer) => [producer.id, producer]))
  const result: ExpiringCertificates = { expiring30: [], expiring90: [], expired: [] }
  for (const product of products) {
    const rank = index.rankOn(product.id, date)
    if (!rank || rank.expiryDate === null) continue
    const list =
      rank.status === 'expiring-30'
        ? result.expiring30
        : rank.status === 'expiring-90'
          ? result.expiring90
          : rank.status === 'expired'
            ? result.expired
            : undefined
    if (!list) continue
    list.push({
      product,
      producer: product.producerId === null ? undefined : producersById.get(product.producerId),
      rank,
      expiryDate: rank.expiryDate,
      daysLeft: daysUntil(date, rank.expiryDate),
    })
  }
  const byExpiry = (a: ExpiringCertificate, b: ExpiringCertificate) =>
    a.expiryDate < b.expiryDate ? -1 : a.expiryDate > b.expiryDate ? 1 : 0
  result.expiring30.sort(byExpiry)
  result.expiring90.sort(byExpiry)
  result.expired.sort(byExpiry)
  return result
}
