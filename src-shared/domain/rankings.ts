/**
 * Star rankings (xếp hạng sao) of the register, always "as of a date". Every view groups the
 * evaluations once (indexEvaluations) and then walks the products once, so 10,000 products and
 * 50,000 evaluations stay linear: no view searches the whole evaluation list per product.
 * The unit × star matrix and a product's timeline build on this in their own modules.
 */
import type { IsoDate } from '../dates'
import type { Evaluation, Producer, Product } from '../db/records'
import {
  certificateStatusOn,
  daysUntil,
  evaluationExpiry,
  type CertificateStatus,
} from './certificates'
import { isOcopStars } from './criteria'

/** Evaluations by product id, each list in decision order. */
export type EvaluationIndex = ReadonlyMap<string, readonly Evaluation[]>

/** A product's recognised rank on a day, from the evaluation that decided it. */
export interface Rank {
  evaluation: Evaluation
  stars: number
  /** The certificate's last valid day; null for 1★-2★, which get no certificate. */
  expiryDate: IsoDate | null
  status: CertificateStatus
}

/** A product with its rank on the view's date (undefined when it never had one). */
export interface RankedProduct {
  product: Product
  rank: Rank | undefined
}

/** Decision order: decision date (undecided last), then year, then round, then id. */
export function compareEvaluations(a: Evaluation, b: Evaluation): number {
  if (a.decisionDate !== b.decisionDate) {
    if (a.decisionDate === null) return 1
    if (b.decisionDate === null) return -1
    return a.decisionDate < b.decisionDate ? -1 : 1
  }
  if (a.year !== b.year) return a.year - b.year
  if (a.round !== b.round) return a.round - b.round
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/** Groups evaluations by product id, each list sorted by (decisionDate, year, round). */
export function indexEvaluations(evaluations: readonly Evaluation[]): Map<string, Evaluation[]> {
  const index = new Map<string, Evaluation[]>()
  for (const evaluation of evaluations) {
    const list = index.get(evaluation.productId)
    if (list) list.push(evaluation)
    else index.set(evaluation.productId, [evaluation])
  }
  for (const list of index.values()) list.sort(compareEvaluations)
  return index
}

function rankOf(evaluation: Evaluation, date: IsoDate): Rank {
  const expiryDate = evaluationExpiry(evaluation)
  return {
    evaluation,
    stars: evaluation.recognisedStars ?? 0,
    expiryDate,
    status: certificateStatusOn(expiryDate, date),
  }
}

/**
 * The rank recognised by the latest decision on or before `date`; a later lower star replaces an
 * earlier higher one (a downgrade). An expired certificate comes back with status 'expired'.
 */
export function rankOn(
  evaluationsOfProduct: readonly Evaluation[] | undefined,
  date: IsoDate,
): Rank | undefined {
  let latest: Evaluation | undefined
  for (const evaluation of evaluationsOfProduct ?? []) {
    if (evaluation.recognisedStars === null || evaluation.decisionDate === null) continue
    if (evaluation.decisionDate > date) continue
    if (!latest || compareEvaluations(evaluation, latest) > 0) latest = evaluation
  }
  return latest ? rankOf(latest, date) : undefined
}

/** True when the rank still stands: recognised and its certificate not expired. */
export function isCurrentRank(rank: Rank | undefined): rank is Rank {
  return rank !== undefined && rank.status !== 'expired'
}

export const STAR_KEYS = [1, 2, 3, 4, 5, 'none'] as const
export type StarKey = (typeof STAR_KEYS)[number]

/** Products by current star, with counts; 'none' holds products never ranked or lapsed. */
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
    const rank = rankOn(index.get(product.id), date)
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

export const YEAR_CHANGES = ['new', 'upgraded', 'downgraded', 'expired', 'unchanged'] as const
export type YearChange = (typeof YEAR_CHANGES)[number]

/** How one product's rank changed between the ends of two years. */
export interface ProductYearChange {
  product: Product
  change: YearChange
  /** The rank at the end of the first year as rankOn gives it (possibly already 'expired'). */
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
 * downgraded, expired (a rank at A, none standing at B) or unchanged; products with neither skipped.
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
    const evaluations = index.get(product.id)
    if (!evaluations) continue
    const before = rankOn(evaluations, dateA)
    const after = rankOn(evaluations, dateB)
    let change: YearChange
    if (isCurrentRank(before) && isCurrentRank(after)) {
      if (after.stars > before.stars) change = 'upgraded'
      else if (after.stars < before.stars) change = 'downgraded'
      else change = 'unchanged'
    } else if (isCurrentRank(before)) change = 'expired'
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
    const rank = rankOn(index.get(product.id), date)
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
