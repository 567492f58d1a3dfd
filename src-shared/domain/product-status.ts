/**
 * A product's status (trạng thái) on a date, derived from its evaluations: never stored, so the
 * product list, its page, Xếp hạng sao and the reports cannot disagree. Only a 3★-5★ result with a
 * certificate standing makes an OCOP product (QĐ 1048 and QĐ 148); a 1★-2★ result, or an
 * evaluation still waiting for its result, stands for the office's months (ranking-rules.ts).
 */
import type { IsoDate } from '../dates'
import { lastDayOfMonths } from './certificates'
import { isOcopStars } from './criteria'
import type { RankingRules } from './ranking-rules'
import { latestOn, rankOn, resultDate, type InResultOrder, type Rank } from './rankings'
import { NO_REVOCATIONS, type RevocationLookup } from './revocations'

/**
 * chưa đánh giá: no evaluation yet; đã đánh giá: a 1★-2★ result, or a result still awaited,
 * within the office's months; đạt OCOP: a certificate standing; sắp hết hạn: a certificate with
 * 90 days or less left; hết hạn: the last result no longer stands (certificate expired, 1★-2★
 * result or awaited result past the office's months) and nothing newer came; bị thu hồi: a
 * decision revoked the last result's certificate and nothing newer came.
 */
export const PRODUCT_STATUS_KINDS = [
  'chua-danh-gia',
  'da-danh-gia',
  'dat-ocop',
  'sap-het-han',
  'het-han',
  'bi-thu-hoi',
] as const
export type ProductStatusKind = (typeof PRODUCT_STATUS_KINDS)[number]

export interface ProductStatus {
  kind: ProductStatusKind
  /** The stars the status speaks of (the standing or the last result's); null when none. */
  stars: number | null
  /** The latest result on or before the date (rankOn), standing or not. */
  rank: Rank | undefined
}

const NOT_EVALUATED: ProductStatus = Object.freeze({
  kind: 'chua-danh-gia',
  stars: null,
  rank: undefined,
})

/** The status of a product with these evaluations on `date`, under the office's rules. */
export function productStatusOn(
  evaluationsOfProduct: InResultOrder,
  date: IsoDate,
  rules: RankingRules,
  revocations: RevocationLookup = NO_REVOCATIONS,
): ProductStatus {
  const rank = rankOn(evaluationsOfProduct, date, rules, revocations)
  if (rank?.current) {
    if (!isOcopStars(rank.stars)) return { kind: 'da-danh-gia', stars: rank.stars, rank }
    const expiring = rank.status === 'expiring-30' || rank.status === 'expiring-90'
    return { kind: expiring ? 'sap-het-han' : 'dat-ocop', stars: rank.stars, rank }
  }
  // A revoked certificate is told apart from an expired one until a newer result replaces it.
  if (rank?.revoked) return { kind: 'bi-thu-hoi', stars: rank.stars, rank }
  const latest = latestOn(evaluationsOfProduct, date)
  if (latest === undefined) return NOT_EVALUATED
  // A later evaluation without its result yet (scored, or 3★+ without the decision) is waited for.
  const awaited =
    latest !== rank?.evaluation &&
    date <= lastDayOfMonths(resultDate(latest), rules.lowStarResultMonths)
  if (awaited) return { kind: 'da-danh-gia', stars: null, rank }
  return { kind: 'het-han', stars: rank?.stars ?? null, rank }
}
