/**
 * The register's evaluations grouped by product, read under the office's ranking rules and its
 * revocation decisions. Views group
 * the evaluations once and then ask per product and date; a product's status on a date is computed
 * once and kept, so the product list, its page and Xếp hạng sao on the same date share the work.
 */
import type { IsoDate } from '../dates'
import type { Evaluation, Revocation } from '../db/records'
import { productStatusOn, type ProductStatus } from './product-status'
import { DEFAULT_RANKING_RULES, type RankingRules } from './ranking-rules'
import { inResultOrder, type InResultOrder, type Rank } from './rankings'
import { revocationLookup, type RevocationLookup } from './revocations'

const NO_EVALUATIONS = inResultOrder([])

// A clerk moves between a few dates; a plan's chart asks for one per year. Each kept date holds a
// status per product asked about, so only the latest few are kept.
const KEPT_DATES = 8

export class EvaluationIndex {
  private readonly byProduct = new Map<string, InResultOrder>()
  private readonly statusesByDate = new Map<IsoDate, Map<string, ProductStatus>>()
  /** The certificates the decisions revoke, by evaluation id. */
  readonly revoked: RevocationLookup

  constructor(
    evaluations: readonly Evaluation[],
    readonly rules: RankingRules = DEFAULT_RANKING_RULES,
    revocations: readonly Revocation[] = [],
  ) {
    this.revoked = revocationLookup(revocations)
    const grouped = new Map<string, Evaluation[]>()
    for (const evaluation of evaluations) {
      const list = grouped.get(evaluation.productId)
      if (list) list.push(evaluation)
      else grouped.set(evaluation.productId, [evaluation])
    }
    for (const [productId, list] of grouped) this.byProduct.set(productId, inResultOrder(list))
  }

  /** A product's evaluations in result order (compareEvaluations); empty when it has none. */
  evaluationsOf(productId: string): InResultOrder {
    return this.byProduct.get(productId) ?? NO_EVALUATIONS
  }

  /** A product's status on `date` (productStatusOn), computed once per product and date. */
  statusOn(productId: string, date: IsoDate): ProductStatus {
    let statuses = this.statusesByDate.get(date)
    if (statuses === undefined) {
      if (this.statusesByDate.size >= KEPT_DATES) {
        const oldest = this.statusesByDate.keys().next().value
        if (oldest !== undefined) this.statusesByDate.delete(oldest)
      }
      statuses = new Map()
      this.statusesByDate.set(date, statuses)
    }
    let status = statuses.get(productId)
    if (status === undefined) {
      status = productStatusOn(this.evaluationsOf(productId), date, this.rules, this.revoked)
      statuses.set(productId, status)
    }
    return status
  }

  /** A product's rank on `date` (rankOn), standing or not; undefined when it never had one. */
  rankOn(productId: string, date: IsoDate): Rank | undefined {
    return this.statusOn(productId, date).rank
  }
}
