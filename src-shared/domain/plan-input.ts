/** The plan form: what the clerk enters, its checks, and the records it becomes. */
import type { IsoDate } from '../dates'
import type { Plan, PlanTarget } from '../db/records'
import { normalizeText } from '../text/vietnamese'
import { TARGET_NEEDS, type TargetKind } from './plans'

export interface TargetInput {
  kind: TargetKind
  stars: number | null
  /** A count, or a share in % for 'units-covered-share'; unused for 'product-stars'. */
  value: number | null
  unitId: string | null
  productId: string | null
  byYear: number | null
  /** The plan document's baseline figure, when it differs from what the register computes. */
  baselineOverride: number | null
  note: string
}

export interface PlanInput {
  name: string
  docNo: string
  docDate: IsoDate | null
  fromYear: number | null
  toYear: number | null
  baselineYear: number | null
  note: string
  targets: TargetInput[]
}

export function blankTarget(kind: TargetKind = 'stars-exactly'): TargetInput {
  return {
    kind,
    stars: TARGET_NEEDS[kind].stars ? 3 : null,
    value: null,
    unitId: null,
    productId: null,
    byYear: null,
    baselineOverride: null,
    note: '',
  }
}

export function blankPlan(thisYear: number): PlanInput {
  return {
    name: '',
    docNo: '',
    docDate: null,
    fromYear: thisYear,
    toYear: thisYear + 1,
    baselineYear: thisYear - 1,
    note: '',
    targets: [blankTarget()],
  }
}

const isYear = (year: number | null): year is number =>
  year !== null && Number.isInteger(year) && year >= 2000 && year <= 2100

/** Problems by field ('name', 'toYear', 'targets.0.value' …) as message keys of the catalogue. */
export function checkPlanInput(input: PlanInput): Record<string, string> {
  const problems: Record<string, string> = {}
  if (normalizeText(input.name) === '') problems.name = 'plans.problems.nameRequired'
  for (const field of ['fromYear', 'toYear', 'baselineYear'] as const) {
    if (!isYear(input[field])) problems[field] = 'plans.problems.year'
  }
  if (isYear(input.fromYear) && isYear(input.toYear) && input.toYear < input.fromYear) {
    problems.toYear = 'plans.problems.toBeforeFrom'
  }
  if (
    isYear(input.fromYear) &&
    isYear(input.baselineYear) &&
    input.baselineYear >= input.fromYear
  ) {
    problems.baselineYear = 'plans.problems.baselineAfterStart'
  }
  if (input.targets.length === 0) problems.targets = 'plans.problems.noTargets'
  input.targets.forEach((target, i) => {
    const needs = TARGET_NEEDS[target.kind]
    const at = `targets.${i}`
    if (needs.stars && (target.stars === null || target.stars < 1 || target.stars > 5)) {
      problems[`${at}.stars`] = 'plans.problems.stars'
    }
    if (needs.unit && target.unitId === null) problems[`${at}.unitId`] = 'plans.problems.unit'
    if (needs.product && target.productId === null) {
      problems[`${at}.productId`] = 'plans.problems.product'
    }
    if (target.kind !== 'product-stars') {
      const max = target.kind === 'units-covered-share' ? 100 : 100_000
      if (target.value === null || !(target.value >= 0) || target.value > max) {
        problems[`${at}.value`] =
          target.kind === 'units-covered-share' ? 'plans.problems.share' : 'plans.problems.count'
      }
    }
    if (target.byYear !== null && isYear(input.fromYear) && isYear(input.toYear)) {
      if (target.byYear < input.fromYear || target.byYear > input.toYear) {
        problems[`${at}.byYear`] = 'plans.problems.byYear'
      }
    }
    if (target.baselineOverride !== null && !(target.baselineOverride >= 0)) {
      problems[`${at}.baselineOverride`] = 'plans.problems.count'
    }
  })
  return problems
}

/** The records a checked input becomes (ids and stamps from the caller). */
export function planRecords(
  input: PlanInput,
  planId: string,
  newId: () => string,
  stamps: { createdAt: string; updatedAt: string },
): { plan: Plan; targets: PlanTarget[] } {
  const targets: PlanTarget[] = input.targets.map((target, position) => ({
    id: newId(),
    planId,
    position,
    kind: target.kind,
    stars: TARGET_NEEDS[target.kind].stars ? target.stars : null,
    value: target.kind === 'product-stars' ? (target.stars ?? 0) : (target.value ?? 0),
    unitId: TARGET_NEEDS[target.kind].unit ? target.unitId : null,
    productId: TARGET_NEEDS[target.kind].product ? target.productId : null,
    byYear: target.byYear,
    note: normalizeText(target.note),
  }))
  const overrides: Record<string, number> = {}
  input.targets.forEach((target, i) => {
    const id = targets[i]?.id
    if (target.baselineOverride !== null && id !== undefined)
      overrides[id] = target.baselineOverride
  })
  const plan: Plan = {
    id: planId,
    name: normalizeText(input.name),
    docNo: normalizeText(input.docNo),
    docDate: input.docDate,
    fromYear: input.fromYear ?? 0,
    toYear: input.toYear ?? 0,
    baselineYear: input.baselineYear ?? 0,
    baselineOverride: Object.keys(overrides).length > 0 ? overrides : null,
    note: input.note.normalize('NFC').trim(),
    ...stamps,
  }
  return { plan, targets }
}

/**
 * A plan's targets in the clerk's order. Targets stored before they had a position keep the order
 * they are read in, which is the order the database stored them in (a stable sort).
 */
export function targetsInPlanOrder<T extends Pick<PlanTarget, 'position'>>(
  targets: readonly T[],
): T[] {
  return [...targets].sort((a, b) => (a.position ?? 0) - (b.position ?? 0))
}

/** The form's input for a stored plan. */
export function planToInput(plan: Plan, targets: readonly PlanTarget[]): PlanInput {
  return {
    name: plan.name,
    docNo: plan.docNo,
    docDate: plan.docDate,
    fromYear: plan.fromYear,
    toYear: plan.toYear,
    baselineYear: plan.baselineYear,
    note: plan.note,
    targets: targetsInPlanOrder(targets).map((t) => ({
      kind: t.kind as TargetKind,
      stars: t.stars,
      value: t.kind === 'product-stars' ? null : t.value,
      unitId: t.unitId,
      productId: t.productId,
      byYear: t.byYear,
      baselineOverride: plan.baselineOverride?.[t.id] ?? null,
      note: t.note,
    })),
  }
}

/** The same plan for the next period: years moved on by the period's length, no document yet. */
export function nextPeriodInput(input: PlanInput): PlanInput {
  const length = (input.toYear ?? 0) - (input.fromYear ?? 0) + 1
  const shift = (year: number | null) => (year === null ? null : year + length)
  return {
    ...input,
    docNo: '',
    docDate: null,
    fromYear: shift(input.fromYear),
    toYear: shift(input.toYear),
    baselineYear: input.toYear,
    targets: input.targets.map((t) => ({ ...t, byYear: shift(t.byYear), baselineOverride: null })),
  }
}
