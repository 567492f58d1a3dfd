/**
 * Criteria sets (bộ tiêu chí) and what a score means under them. The rules changed in 2019, 2023
 * and 2025, so every evaluation names the set that scored it and is never recomputed under a newer
 * one. Sets ship as data (resources/catalogues/criteria-sets.json) the clerk can edit.
 */
import { z } from 'zod'
import type { IsoDate } from '../dates'
import { criteriaSetSchema, type CriteriaSet, type RecognitionRule } from '../db/records'

/** Minimum totals for 2★, 3★, 4★ and 5★ under QĐ 1048 and QĐ 148 (below the first: 1★). */
export const DEFAULT_STAR_THRESHOLDS: readonly number[] = [30, 50, 70, 90]

/** The lowest star that earns a certificate and counts as an OCOP product. */
export const OCOP_MIN_STARS = 3

// A council's average can carry binary noise (69.99999999999999 for 70); this much slack absorbs
// it without inventing a rounding rule, which is not public.
const FLOAT_SLACK = 1e-9

/** The total of part scores, rounded to 2 decimals only to drop float noise (69.5 stays 69.5). */
export function totalFromParts(partScores: Readonly<Record<string, number>>): number {
  let sum = 0
  for (const value of Object.values(partScores)) sum += value
  return Math.round(sum * 100) / 100
}

/** The star (1-5) a total earns: one more than the number of thresholds it reaches. */
export function starsFromTotal(
  total: number,
  thresholds: readonly number[] = DEFAULT_STAR_THRESHOLDS,
): number {
  let stars = 1
  for (const threshold of thresholds) if (total + FLOAT_SLACK >= threshold) stars += 1
  return Math.min(stars, 5)
}

/** True when the set was in force on `date` (validFrom/validTo inclusive; null is open-ended). */
export function criteriaSetInForce(
  set: Pick<CriteriaSet, 'validFrom' | 'validTo'>,
  date: IsoDate,
): boolean {
  return (
    (set.validFrom === null || set.validFrom <= date) &&
    (set.validTo === null || date <= set.validTo)
  )
}

/** The set in force on `date`; where ranges touch or overlap, the one that started last. */
export function criteriaSetOn(
  date: IsoDate,
  sets: readonly CriteriaSet[],
): CriteriaSet | undefined {
  let found: CriteriaSet | undefined
  for (const set of sets) {
    if (!criteriaSetInForce(set, date)) continue
    if (!found || (set.validFrom ?? '') > (found.validFrom ?? '')) found = set
  }
  return found
}

export type PartProblemKey =
  | 'evaluation.problems.partMissing'
  | 'evaluation.problems.partNotNumber'
  | 'evaluation.problems.partNegative'
  | 'evaluation.problems.partAboveMax'
  | 'evaluation.problems.partUnknown'

/** A problem with one part score: a message key of the UI catalogue and its parameters. */
export interface PartProblem {
  key: PartProblemKey
  /** The part's maximum, for 'partAboveMax'. */
  max?: number
}

/** Problems with the part scores of an evaluation form, by part code; empty when all is well. */
export function checkPartScores(
  set: Pick<CriteriaSet, 'parts'>,
  partScores: Readonly<Record<string, number | null | undefined>>,
): Record<string, PartProblem> {
  const problems: Record<string, PartProblem> = {}
  for (const part of set.parts) {
    const value = partScores[part.code]
    if (value === null || value === undefined) {
      problems[part.code] = { key: 'evaluation.problems.partMissing' }
    } else if (!Number.isFinite(value)) {
      problems[part.code] = { key: 'evaluation.problems.partNotNumber' }
    } else if (value < 0) {
      problems[part.code] = { key: 'evaluation.problems.partNegative' }
    } else if (value > part.max) {
      problems[part.code] = { key: 'evaluation.problems.partAboveMax', max: part.max }
    }
  }
  const known = new Set(set.parts.map((part) => part.code))
  for (const code of Object.keys(partScores)) {
    if (!known.has(code)) problems[code] = { key: 'evaluation.problems.partUnknown' }
  }
  return problems
}

/** True for 3★ and up: the ranks that get a certificate and count as OCOP products. */
export function isOcopStars(stars: number | null | undefined): boolean {
  return stars !== null && stars !== undefined && stars >= OCOP_MIN_STARS
}

/** True when both stars are known and differ: the app warns, and never overrides the decision. */
export function starsDisagree(
  computed: number | null | undefined,
  recognised: number | null | undefined,
): boolean {
  return (
    computed !== null &&
    computed !== undefined &&
    recognised !== null &&
    recognised !== undefined &&
    computed !== recognised
  )
}

/** The council level that recognises `stars` under a set, if the set names one. */
export function recognisingLevel(
  set: Pick<CriteriaSet, 'recognition'>,
  stars: number,
): RecognitionRule['level'] | undefined {
  return set.recognition.find((rule) => rule.minStars <= stars && stars <= rule.maxStars)?.level
}

// The shipped file carries notes for whoever edits it; the record has no place for them yet.
const shippedPartSchema = z.object({
  code: z.string().max(10),
  name: z.string().max(200),
  max: z.number().min(0).max(100),
  note: z.string(),
})
const shippedSetSchema = criteriaSetSchema
  .omit({ builtIn: true, updatedAt: true })
  .extend({ note: z.string(), parts: z.array(shippedPartSchema) })
const shippedFileSchema = z.object({
  title: z.string(),
  note: z.string(),
  sets: z.array(shippedSetSchema).min(1),
})

function parseShippedFile(json: unknown): z.infer<typeof shippedFileSchema> {
  const file = shippedFileSchema.parse(json)
  const ids = new Set<string>()
  for (const set of file.sets) {
    if (ids.has(set.id)) throw new Error(`criteria-sets.json: duplicate set id ${set.id}`)
    ids.add(set.id)
  }
  return file
}

/** The built-in criteria sets of the shipped JSON as records (builtIn true), schema-checked. */
export function loadBuiltInCriteriaSets(
  json: unknown,
  updatedAt: string = new Date().toISOString(),
): CriteriaSet[] {
  return parseShippedFile(json).sets.map((set) =>
    criteriaSetSchema.parse({ ...set, builtIn: true, updatedAt }),
  )
}

/** Notes of the shipped JSON by set id: the set's note and the sub-headings of each part. */
export function builtInCriteriaNotes(
  json: unknown,
): Map<string, { note: string; parts: Record<string, string> }> {
  return new Map(
    parseShippedFile(json).sets.map((set) => [
      set.id,
      { note: set.note, parts: Object.fromEntries(set.parts.map((p) => [p.code, p.note])) },
    ]),
  )
}

/**
 * True when a release's built-in set should replace the stored one: the stored one is still
 * built-in (a clerk's edit clears `builtIn`) and the shipped revision is newer.
 */
export function builtInSetNeedsUpdate(stored: CriteriaSet, shipped: CriteriaSet): boolean {
  return stored.id === shipped.id && stored.builtIn && shipped.revision > stored.revision
}

/** The fields of a criteria set a clerk may edit. */
export type CriteriaSetInput = Pick<
  CriteriaSet,
  'name' | 'legalBasis' | 'validFrom' | 'validTo' | 'parts' | 'starThresholds'
>

/**
 * Checks an edited criteria set: a name, maxima that add up to 100, thresholds that rise strictly
 * within 0-100, and a validity that ends after it starts. Problems are catalogue keys by field.
 */
export function checkCriteriaSetInput(input: CriteriaSetInput): Record<string, string> {
  const problems: Record<string, string> = {}
  if (input.name.trim() === '') problems.name = 'criteriaSets.problems.nameRequired'
  const sum = totalFromParts(Object.fromEntries(input.parts.map((p) => [p.code, p.max])))
  if (input.parts.some((p) => !(p.max > 0 && p.max <= 100))) {
    problems.parts = 'criteriaSets.problems.partMax'
  } else if (sum !== 100) problems.parts = 'criteriaSets.problems.partsSum'
  const t = input.starThresholds
  if (t.some((v, i) => !(v > 0 && v <= 100) || (i > 0 && v <= t[i - 1]!))) {
    problems.starThresholds = 'criteriaSets.problems.thresholds'
  }
  if (input.validFrom && input.validTo && input.validTo < input.validFrom) {
    problems.validTo = 'criteriaSets.problems.endBeforeStart'
  }
  return problems
}
