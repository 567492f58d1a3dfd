/**
 * Plans (kế hoạch) and their progress: every target's value on any date from the results standing
 * on that date (an expired certificate or a lapsed 1★-2★ result counts for nothing; a standing
 * 1★-2★ result counts at its own level, never as an OCOP product; units as valid then), the gap to
 * the target, and a status. The baseline is the register on 31/12 of the baseline year, unless the
 * plan document's own figure overrides it (both are kept and shown).
 */
import type { IsoDate } from '../dates'
import type { Plan, PlanTarget, Product, Unit } from '../db/records'
import { isOcopStars } from './criteria'
import type { EvaluationIndex } from './evaluation-index'
import { isCurrentRank, rankOn, type Rank } from './rankings'
import { unitStarMatrix, type UnitStarMatrix } from './unit-star-matrix'
import { unitOnDate } from './units'

export const TARGET_KINDS = [
  'stars-exactly',
  'stars-at-least',
  'new-products',
  'upgraded-products',
  'units-covered',
  'units-covered-share',
  'unit-products',
  'product-stars',
] as const
export type TargetKind = (typeof TARGET_KINDS)[number]

/** Kinds that need a star level, a unit or a product. */
export const TARGET_NEEDS: Record<TargetKind, { stars: boolean; unit: boolean; product: boolean }> =
  {
    'stars-exactly': { stars: true, unit: false, product: false },
    'stars-at-least': { stars: true, unit: false, product: false },
    'new-products': { stars: false, unit: false, product: false },
    'upgraded-products': { stars: false, unit: false, product: false },
    'units-covered': { stars: false, unit: false, product: false },
    'units-covered-share': { stars: false, unit: false, product: false },
    'unit-products': { stars: true, unit: true, product: false },
    'product-stars': { stars: true, unit: false, product: true },
  }

export const TARGET_STATUSES = ['dat', 'dang-thuc-hien', 'cham', 'khong-dat'] as const
/** đạt, đang thực hiện, chậm, không đạt (once the deadline has passed). */
export type TargetStatus = (typeof TARGET_STATUSES)[number]

/** What progress is measured against. */
export interface PlanRegister {
  products: readonly Product[]
  index: EvaluationIndex
  units: readonly Unit[]
}

export const periodStart = (plan: Pick<Plan, 'fromYear'>): IsoDate => `${plan.fromYear}-01-01`
export const periodEnd = (plan: Pick<Plan, 'toYear'>): IsoDate => `${plan.toYear}-12-31`
export const baselineDate = (plan: Pick<Plan, 'baselineYear'>): IsoDate =>
  `${plan.baselineYear}-12-31`

/** The register on one date: the products' standing ranks (none, expired or lapsed: absent), the matrix. */
interface DateView {
  date: IsoDate
  ranks: Map<string, Rank>
  readonly matrix: UnitStarMatrix
}

/** Computes and keeps the view of each date asked for (a chart asks for several). */
export class PlanMeasurer {
  private readonly views = new Map<IsoDate, DateView>()
  private readonly unitsById: Map<string, Unit>
  /** First 3★+ decision date per product (any validity), for "new in the period". */
  private readonly firstOcop = new Map<string, IsoDate>()

  constructor(private readonly register: PlanRegister) {
    this.unitsById = new Map(register.units.map((u) => [u.id, u]))
    for (const product of register.products) {
      for (const evaluation of register.index.evaluationsOf(product.id)) {
        if (!isOcopStars(evaluation.recognisedStars) || evaluation.decisionDate === null) continue
        const seen = this.firstOcop.get(product.id)
        if (seen === undefined || evaluation.decisionDate < seen) {
          this.firstOcop.set(product.id, evaluation.decisionDate)
        }
      }
    }
  }

  view(date: IsoDate): DateView {
    let view = this.views.get(date)
    if (view === undefined) {
      const ranks = new Map<string, Rank>()
      const { index } = this.register
      // This view keeps its own ranks per date (the index's kept statuses are left to the screens),
      // and its matrix counts from them.
      for (const product of this.register.products) {
        const rank = rankOn(index.evaluationsOf(product.id), date, index.rules, index.revoked)
        if (isCurrentRank(rank)) ranks.set(product.id, rank)
      }
      const { products, units } = this.register
      let matrix: UnitStarMatrix | undefined
      view = {
        date,
        ranks,
        // Only unit targets and the coverage chart need the matrix: built on first use.
        get matrix() {
          matrix ??= unitStarMatrix(products, { rankOn: (id) => ranks.get(id) }, units, date)
          return matrix
        },
      }
      this.views.set(date, view)
    }
    return view
  }

  /** The standing star of a product on a date (0: none, its certificate expired or its 1★-2★ lapsed). */
  starsOn(productId: string, date: IsoDate): number {
    return this.view(date).ranks.get(productId)?.stars ?? 0
  }

  /** A target's value on `date`. */
  measure(target: PlanTarget, plan: Plan, date: IsoDate): number {
    const view = this.view(date)
    const n = target.stars ?? 3
    let count = 0
    switch (target.kind as TargetKind) {
      case 'stars-exactly':
        for (const { stars } of view.ranks.values()) if (stars === n) count++
        return count
      case 'stars-at-least':
        for (const { stars } of view.ranks.values()) if (stars >= n) count++
        return count
      case 'new-products':
        for (const [id, { stars }] of view.ranks) {
          const first = this.firstOcop.get(id)
          if (
            isOcopStars(stars) &&
            first !== undefined &&
            first >= periodStart(plan) &&
            first <= periodEnd(plan)
          ) {
            count++
          }
        }
        return count
      case 'upgraded-products': {
        const base = this.view(baselineDate(plan))
        for (const [id, { stars }] of view.ranks) {
          const before = base.ranks.get(id)?.stars ?? 0
          if (before > 0 && stars > before) count++
        }
        return count
      }
      case 'units-covered':
        return view.matrix.rows.filter((row) => !row.empty).length
      case 'units-covered-share': {
        const rows = view.matrix.rows
        if (rows.length === 0) return 0
        return Math.round((rows.filter((r) => !r.empty).length / rows.length) * 1000) / 10
      }
      case 'unit-products': {
        if (target.unitId === null) return 0
        const unit = unitOnDate(target.unitId, date, this.unitsById)
        const row = view.matrix.rows.find((r) => r.unit?.id === unit?.id)
        return row?.products.filter((p) => (p.rank?.stars ?? 0) >= n).length ?? 0
      }
      case 'product-stars':
        return target.productId === null ? 0 : this.starsOn(target.productId, date)
      default:
        return 0
    }
  }
}

/** The figure a target aims at: a star for a named product, a count (or share) otherwise. */
export function goalOf(target: PlanTarget): number {
  return target.kind === 'product-stars' ? (target.stars ?? 0) : target.value
}

/**
 * True when the target asks for fewer (e.g. fewer 2★ products): only a stars-exactly target below
 * its baseline. Every other kind is a floor ("at least"), even when the baseline is already above it.
 */
function aimsLower(target: PlanTarget, baseline: number, goal: number): boolean {
  return target.kind === 'stars-exactly' && goal < baseline
}

/** The last day a target may be reached: 31/12 of its year, else of the plan's last year. */
export function deadlineOf(target: PlanTarget, plan: Plan): IsoDate {
  return target.byYear === null ? periodEnd(plan) : `${target.byYear}-12-31`
}

const dayNumber = (date: IsoDate): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000

/**
 * đạt when the goal is reached (for a goal below the baseline: when the value is down to it);
 * không đạt when the deadline has passed without it; chậm when behind a straight line from the
 * baseline at the period's start to the goal at the deadline; đang thực hiện otherwise.
 */
export function targetStatus(
  baseline: number,
  current: number,
  goal: number,
  start: IsoDate,
  deadline: IsoDate,
  date: IsoDate,
): TargetStatus {
  const rising = goal >= baseline
  if (rising ? current >= goal : current <= goal) return 'dat'
  if (date > deadline) return 'khong-dat'
  const span = dayNumber(deadline) - dayNumber(start)
  const elapsed =
    span <= 0 ? 1 : Math.min(1, Math.max(0, (dayNumber(date) - dayNumber(start)) / span))
  const expected = baseline + (goal - baseline) * elapsed
  return (rising ? current >= expected : current <= expected) ? 'dang-thuc-hien' : 'cham'
}

export interface TargetProgress {
  target: PlanTarget
  /** From the register on 31/12 of the baseline year. */
  baselineComputed: number
  /** The plan document's figure, when it gives one. */
  baselineOverride: number | null
  /** The figure progress is measured from: the override when there is one. */
  baseline: number
  current: number
  goal: number
  /** How much is still missing (0 once reached). */
  gap: number
  status: TargetStatus
  deadline: IsoDate
  /** The value on 31/12 of each year of the period up to `date` (the last one on `date`). */
  series: { year: number; value: number }[]
}

export interface StarLevel {
  stars: 1 | 2 | 3 | 4 | 5
  baseline: number
  current: number
  /** The plan's target for exactly this star, if it has one. */
  target: number | null
}

export interface UnitCoverage {
  unit: Unit
  /** OCOP products (3★+) standing on the date. */
  products: number
}

export type ProductChange = 'nang-hang' | 'giu-nguyen' | 'ha-hang' | 'moi' | 'mat-hang'

export interface ProductUpgrade {
  product: Product
  baselineStars: number
  currentStars: number
  /** The star a product-stars target sets for it, if any. */
  targetStars: number | null
  change: ProductChange
  /** The target's status, for products a target names. */
  status: TargetStatus | null
}

export interface PlanProgress {
  date: IsoDate
  baselineDate: IsoDate
  targets: TargetProgress[]
  starLevels: StarLevel[]
  unitCoverage: UnitCoverage[]
  products: ProductUpgrade[]
}

function changeOf(before: number, now: number): ProductChange {
  if (before === 0) return now === 0 ? 'giu-nguyen' : 'moi'
  if (now === 0) return 'mat-hang'
  return now > before ? 'nang-hang' : now < before ? 'ha-hang' : 'giu-nguyen'
}

/** Every target of `plan` on `date`, with the figures the chart and the report show. */
export function planProgress(
  plan: Plan,
  targets: readonly PlanTarget[],
  register: PlanRegister,
  date: IsoDate,
  measurer: PlanMeasurer = new PlanMeasurer(register),
): PlanProgress {
  const base = baselineDate(plan)
  const lastYear = Math.min(plan.toYear, Number(date.slice(0, 4)))
  const progress = targets.map((target): TargetProgress => {
    const baselineComputed = measurer.measure(target, plan, base)
    const override = plan.baselineOverride?.[target.id]
    const baseline = override ?? baselineComputed
    const current = measurer.measure(target, plan, date)
    const goal = goalOf(target)
    const deadline = deadlineOf(target, plan)
    const lower = aimsLower(target, baseline, goal)
    const series: TargetProgress['series'] = [{ year: plan.baselineYear, value: baseline }]
    for (let year = plan.baselineYear + 1; year <= lastYear; year++) {
      const end: IsoDate = `${year}-12-31`
      series.push({ year, value: measurer.measure(target, plan, end < date ? end : date) })
    }
    return {
      target,
      baselineComputed,
      baselineOverride: override ?? null,
      baseline,
      current,
      goal,
      gap: Math.max(0, lower ? current - goal : goal - current),
      // A floor already above the baseline is measured from the goal: falling below it is behind.
      status: targetStatus(
        lower ? baseline : Math.min(baseline, goal),
        current,
        goal,
        periodStart(plan),
        deadline,
        date,
      ),
      deadline,
      series,
    }
  })

  const starLevels = ([1, 2, 3, 4, 5] as const).map((stars): StarLevel => {
    const exactly = targets.find((t) => t.kind === 'stars-exactly' && t.stars === stars)
    const count = (on: IsoDate) => {
      let n = 0
      for (const rank of measurer.view(on).ranks.values()) if (rank.stars === stars) n++
      return n
    }
    const overridden = exactly ? plan.baselineOverride?.[exactly.id] : undefined
    return {
      stars,
      baseline: overridden ?? count(base),
      current: count(date),
      target: exactly?.value ?? null,
    }
  })

  const unitCoverage = measurer
    .view(date)
    .matrix.rows.flatMap((row) => (row.unit ? [{ unit: row.unit, products: row.total }] : []))

  const named = new Map(
    progress
      .filter((p) => p.target.kind === 'product-stars' && p.target.productId !== null)
      .map((p) => [p.target.productId as string, p]),
  )
  const products: ProductUpgrade[] = []
  for (const product of register.products) {
    const baselineStars = measurer.starsOn(product.id, base)
    const currentStars = measurer.starsOn(product.id, date)
    const target = named.get(product.id)
    if (baselineStars === 0 && currentStars === 0 && target === undefined) continue
    products.push({
      product,
      baselineStars,
      currentStars,
      targetStars: target?.goal ?? null,
      change: changeOf(baselineStars, currentStars),
      status: target?.status ?? null,
    })
  }

  return { date, baselineDate: base, targets: progress, starLevels, unitCoverage, products }
}
