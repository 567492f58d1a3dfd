/**
 * What a clerk types to open a round, and the checks it must pass: a name, a year, a number, a
 * criteria set, meeting dates in order and within the round's year, and council rules in range.
 * The set defaults to the one in force on the first meeting day (a round on the day a set changed
 * is scored under the new one).
 */
import type { CriteriaSet, Round } from '../db/records'
import type { IsoDate } from '../dates'
import { criteriaSetInForce, criteriaSetOn } from '../domain/criteria'

export type RoundDraft = Omit<
  Round,
  'id' | 'status' | 'createdAt' | 'updatedAt' | 'criteriaSetId'
> & {
  criteriaSetId: string | null
}

type Problems = Partial<Record<string, string>>

export function checkRoundDraft(draft: RoundDraft, sets: readonly CriteriaSet[]): Problems {
  const problems: Problems = {}
  if (draft.name.trim() === '') problems.name = 'rounds.problems.nameRequired'
  if (!Number.isInteger(draft.year) || draft.year < 2000 || draft.year > 2100) {
    problems.year = 'rounds.problems.year'
  }
  if (!Number.isInteger(draft.number) || draft.number < 1 || draft.number > 20) {
    problems.number = 'rounds.problems.number'
  }
  const set = sets.find((s) => s.id === draft.criteriaSetId)
  if (set === undefined) problems.criteriaSetId = 'rounds.problems.setRequired'
  else if (draft.meetingFrom !== null && !criteriaSetInForce(set, draft.meetingFrom)) {
    problems.criteriaSetId = 'rounds.problems.setNotInForce'
  }
  if (draft.meetingFrom !== null && draft.meetingFrom.slice(0, 4) !== String(draft.year)) {
    problems.meetingFrom = 'rounds.problems.meetingYear'
  }
  if (
    draft.meetingFrom !== null &&
    draft.meetingTo !== null &&
    draft.meetingTo < draft.meetingFrom
  ) {
    problems.meetingTo = 'rounds.problems.meetingOrder'
  }
  const { maxSpread, quorumShare, decimals } = draft.rules
  if (maxSpread !== null && !(maxSpread > 0 && maxSpread <= 100)) {
    problems['rules.maxSpread'] = 'rounds.problems.maxSpread'
  }
  if (!(quorumShare > 0 && quorumShare <= 1)) {
    problems['rules.quorumShare'] = 'rounds.problems.quorumShare'
  }
  if (!Number.isInteger(decimals) || decimals < 0 || decimals > 4) {
    problems['rules.decimals'] = 'rounds.problems.decimals'
  }
  return problems
}

/** The set a round meeting on `date` is scored under; none before the first meeting day is set. */
export function roundSetOn(date: IsoDate | null, year: number, sets: readonly CriteriaSet[]) {
  return criteriaSetOn(date ?? `${year}-12-31`, sets)
}
