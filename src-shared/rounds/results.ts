/**
 * A council's result for one product from its members' score sheets: each member's total, the
 * average of each part and of the total, the stars the set's thresholds give (capped when the
 * council found a mandatory criterion missed), and the checks the council's working rules ask for
 * (who has not scored, the spread between members, the quorum). Pure: the round's screens, its
 * documents and the command line all read results from here. Rules: docs/evaluation-rounds.md.
 */
import type { CriteriaSet, MEMBER_ROLES } from '../db/records'
import { starsFromTotal } from '../domain/criteria'

/**
 * A council's working rules that differ by province and period (Quy chế hoạt động của Hội đồng):
 * settings of a round, defaulting to published provincial rules.
 */
export interface CouncilRules {
  /** The largest difference allowed between two members' totals for a product; null: none. */
  maxSpread: number | null
  /** The share of the round's members that must have scored a product (3/4: 0.75). */
  quorumShare: number
  /** Whether the chair must be among them. */
  quorumNeedsChair: boolean
  /** Decimals the averages are shown and written with; stars come from the unrounded average. */
  decimals: number
}

export const DEFAULT_COUNCIL_RULES: Readonly<CouncilRules> = {
  maxSpread: 10,
  quorumShare: 0.75,
  quorumNeedsChair: true,
  decimals: 2,
}

export type MemberRole = (typeof MEMBER_ROLES)[number]

export interface CouncilMember {
  id: string
  role: MemberRole
}

/** One member's scores for one product in one scoring pass (a re-scoring is the next pass). */
export interface ScoreSheet {
  memberId: string
  pass: number
  /** Points by part code; null (or absent) where the member has not scored the part yet. */
  parts: Readonly<Record<string, number | null | undefined>>
}

export interface MemberResult {
  memberId: string
  parts: Record<string, number | null>
  /** The sum of the parts once every part is scored; null before. */
  total: number | null
}

export type ResultMessage =
  | { code: 'missing'; memberIds: string[] }
  | { code: 'spread'; difference: number; max: number }
  | { code: 'no-quorum'; scored: number; required: number }
  | { code: 'no-chair' }
  | { code: 'capped'; fromStars: number; computedStars: number }

export interface ProductResult {
  /** The pass the result is read from: the latest one any member scored. */
  pass: number
  members: MemberResult[]
  /** Averages over the members who scored every part, rounded to the rules' decimals. */
  average: { parts: Record<string, number | null>; total: number | null }
  /** The stars of the unrounded average total, capped by a mandatory criterion missed. */
  stars: number | null
  /** What the council must see before it proposes stars; empty when the result stands. */
  messages: ResultMessage[]
}

// Sums and averages of decimal points carry binary noise (0.1 + 0.2); 9 decimals drop it.
const clean = (value: number): number => Math.round(value * 1e9) / 1e9

/** How many of `memberCount` members the quorum asks for (3/4 of 9 → 7: rounded up). */
export function quorumRequired(
  memberCount: number,
  rules: Pick<CouncilRules, 'quorumShare'>,
): number {
  return Math.ceil(clean(memberCount * rules.quorumShare))
}

/** `value` rounded half away from zero to `decimals`, as a clerk rounds by hand (69.995 → 70). */
export function roundScore(value: number, decimals: number): number {
  const factor = 10 ** decimals
  return Math.round(clean(value * factor)) / factor
}

/**
 * The result for one product.
 * @param mandatoryMissedFrom the lowest star level whose mandatory criterion the council found
 *   the product misses (QĐ 148): it cannot be ranked at that level or above. Null: none missed.
 */
export function productResult(
  set: Pick<CriteriaSet, 'parts' | 'starThresholds'>,
  members: readonly CouncilMember[],
  sheets: readonly ScoreSheet[],
  rules: CouncilRules,
  mandatoryMissedFrom: number | null = null,
): ProductResult {
  const pass = Math.max(1, ...sheets.map((sheet) => sheet.pass))
  const inPass = new Map(
    sheets.filter((sheet) => sheet.pass === pass).map((sheet) => [sheet.memberId, sheet]),
  )
  const results = members.map((member) => memberResult(set, member.id, inPass.get(member.id)))
  const complete = results.filter((result) => result.total !== null)

  const mean = (values: number[]) =>
    values.length === 0 ? null : clean(values.reduce((a, b) => a + b, 0) / values.length)
  const partAverages: Record<string, number | null> = {}
  for (const part of set.parts) {
    partAverages[part.code] = mean(complete.map((result) => result.parts[part.code]!))
  }
  const averageTotal = mean(complete.map((result) => result.total!))
  const computed = averageTotal === null ? null : starsFromTotal(averageTotal, set.starThresholds)
  const cap = mandatoryMissedFrom === null ? null : mandatoryMissedFrom - 1
  const stars =
    computed === null ? null : cap === null ? computed : Math.max(1, Math.min(computed, cap))

  const messages: ResultMessage[] = []
  const missing = results.filter((result) => result.total === null).map((r) => r.memberId)
  if (missing.length > 0) messages.push({ code: 'missing', memberIds: missing })
  const totals = complete.map((result) => result.total!)
  if (rules.maxSpread !== null && totals.length > 1) {
    const difference = clean(Math.max(...totals) - Math.min(...totals))
    if (difference > rules.maxSpread) {
      messages.push({ code: 'spread', difference, max: rules.maxSpread })
    }
  }
  const required = quorumRequired(members.length, rules)
  if (complete.length < required) {
    messages.push({ code: 'no-quorum', scored: complete.length, required })
  }
  const chairs = members.filter((member) => member.role === 'chu-tich').map((m) => m.id)
  if (rules.quorumNeedsChair && !complete.some((result) => chairs.includes(result.memberId))) {
    messages.push({ code: 'no-chair' })
  }
  if (computed !== null && stars !== null && stars < computed && mandatoryMissedFrom !== null) {
    messages.push({ code: 'capped', fromStars: mandatoryMissedFrom, computedStars: computed })
  }

  const rounded = (value: number | null) =>
    value === null ? null : roundScore(value, rules.decimals)
  return {
    pass,
    members: results,
    average: {
      parts: Object.fromEntries(
        Object.entries(partAverages).map(([code, value]) => [code, rounded(value)] as const),
      ),
      total: rounded(averageTotal),
    },
    stars,
    messages,
  }
}

function memberResult(
  set: Pick<CriteriaSet, 'parts'>,
  memberId: string,
  sheet: ScoreSheet | undefined,
): MemberResult {
  const parts: Record<string, number | null> = {}
  for (const part of set.parts) parts[part.code] = sheet?.parts[part.code] ?? null
  const values = Object.values(parts).filter((value) => value !== null)
  const total =
    values.length === set.parts.length ? clean(values.reduce((sum, value) => sum + value, 0)) : null
  return { memberId, parts, total }
}
