/** The evaluation form: what the clerk enters, its checks, and the record it becomes. */
import type { CriteriaSet, Evaluation } from '../db/records'
import { checkPartScores, starsFromTotal, totalFromParts } from './criteria'
import { evaluationExpiry } from './certificates'

/** What the clerk types; part scores may still be empty while the form is open. */
export interface EvaluationDraft {
  productId: string
  year: number
  round: number
  evaluatedOn: string | null
  criteriaSetId: string | null
  partScores: Record<string, number | null>
  recognisedStars: number | null
  councilLevel: Evaluation['councilLevel']
  kind: Evaluation['kind']
  decisionNo: string
  decisionDate: string | null
  certificateNo: string
  note: string
}

/** A problem by field ('year', 'criteriaSetId', 'part.A' …) as a catalogue key with parameters. */
export type EvaluationProblems = Record<string, { key: string; params: Record<string, unknown> }>

const problem = (key: string, params: Record<string, unknown> = {}) => ({ key, params })

/** Checks a draft against its criteria set: years, part maxima, a decision date for recognised stars. */
export function checkEvaluation(
  draft: EvaluationDraft,
  set: CriteriaSet | undefined,
): EvaluationProblems {
  const problems: EvaluationProblems = {}
  if (!Number.isInteger(draft.year) || draft.year < 2010 || draft.year > 2100) {
    problems.year = problem('evaluation.problems.yearRange')
  }
  if (!Number.isInteger(draft.round) || draft.round < 1 || draft.round > 20) {
    problems.round = problem('evaluation.problems.roundRange')
  }
  if (!set) problems.criteriaSetId = problem('evaluation.problems.criteriaSetRequired')
  else {
    for (const [code, found] of Object.entries(checkPartScores(set, draft.partScores))) {
      problems[`partScores.${code}`] = problem(found.key, { max: found.max ?? '' })
    }
  }
  if (draft.recognisedStars !== null && !draft.decisionDate) {
    problems.decisionDate = problem('evaluation.problems.decisionDateRequired')
  } else if (draft.decisionDate && draft.evaluatedOn && draft.decisionDate < draft.evaluatedOn) {
    problems.decisionDate = problem('evaluation.problems.decisionDateBeforeEvaluation')
  }
  return problems
}

/** Total and stars from the part scores entered so far (null until every part has a score). */
export function scoreOf(draft: EvaluationDraft, set: CriteriaSet | undefined) {
  if (!set || set.parts.some((p) => typeof draft.partScores[p.code] !== 'number')) {
    return { total: null, computedStars: null }
  }
  const total = totalFromParts(draft.partScores as Record<string, number>)
  return { total, computedStars: starsFromTotal(total, set.starThresholds) }
}

/**
 * The record a checked draft becomes: total and stars computed under the draft's own criteria
 * set, expiry from the decision date. Stored as computed then; never recomputed under a later set.
 */
export function completeEvaluation(
  draft: EvaluationDraft,
  set: CriteriaSet,
): Omit<Evaluation, 'id' | 'createdAt' | 'updatedAt'> {
  const partScores = Object.fromEntries(
    set.parts.map((p) => [p.code, draft.partScores[p.code] as number]),
  )
  const { total, computedStars } = scoreOf(draft, set)
  const base = {
    productId: draft.productId,
    year: draft.year,
    round: draft.round,
    evaluatedOn: draft.evaluatedOn,
    criteriaSetId: set.id,
    partScores,
    itemScores: null,
    total,
    computedStars,
    recognisedStars: draft.recognisedStars,
    councilLevel: draft.councilLevel,
    kind: draft.kind,
    decisionNo: draft.decisionNo.trim(),
    decisionDate: draft.decisionDate,
    certificateNo: draft.certificateNo.trim(),
    note: draft.note.normalize('NFC').trim(),
  }
  return { ...base, expiryDate: evaluationExpiry({ ...base, expiryDate: null }) }
}

type Dated = Pick<Evaluation, 'decisionDate' | 'evaluatedOn' | 'year' | 'round'>
// Where an evaluation stands in a product's history before it is decided: its decision date, else
// the council's date, else the end of its year.
const standing = (e: Dated) => e.decisionDate ?? e.evaluatedOn ?? `${e.year}-12-31`
const comesBefore = (a: Dated, b: Dated) => {
  const [atA, atB] = [standing(a), standing(b)]
  return atA !== atB ? atA < atB : a.year !== b.year ? a.year < b.year : a.round < b.round
}

/**
 * The kind (loại đánh giá) an evaluation is, from the product's recognised result before it and
 * the stars it gives: never recognised before → lần đầu; more stars than before → nâng hạng
 * (upgrade); otherwise đánh giá lại. The form's default until the clerk picks one.
 */
export function suggestedKind(
  draft: Dated,
  stars: number | null,
  otherEvaluations: readonly Evaluation[],
): Evaluation['kind'] {
  let previous: Evaluation | undefined
  for (const evaluation of otherEvaluations) {
    if (evaluation.recognisedStars === null || !comesBefore(evaluation, draft)) continue
    if (!previous || comesBefore(previous, evaluation)) previous = evaluation
  }
  if (!previous || previous.recognisedStars === null) return 'lan-dau'
  return stars !== null && stars > previous.recognisedStars ? 'nang-hang' : 'danh-gia-lai'
}
