import { describe, expect, it } from 'vitest'
import {
  roundEntrySchema,
  roundMemberSchema,
  roundSchema,
  roundScoreSchema,
  type Evaluation,
} from '@shared/db/records'
import { criteriaSetOn, recognisingLevel } from '@shared/domain/criteria'
import { demoRegisterTables } from '@shared/domain/demo-register'
import type { UnitCatalogueEntry } from '@shared/domain/units'
import { closingOutcome } from '@shared/rounds/closing'
import { roundBundle, roundResults } from '@shared/rounds/round-data'
import criteriaJson from '../../../../resources/catalogues/criteria-sets.json'
import unitCatalogue from '../../../../resources/catalogues/units-my-hao.json'

const tables = demoRegisterTables(
  { units: unitCatalogue.units as UnitCatalogueEntry[] },
  criteriaJson,
  '2026-01-01T00:00:00.000Z',
)
const round = tables.rounds[0]!
const bundle = roundBundle({ ...tables, scoringSheets: [] }, round)!
const evaluationOf = (id: string | null): Evaluation =>
  tables.evaluations.find((evaluation) => evaluation.id === id)!

describe('the practice register’s 2020 district round', () => {
  it('is one closed district round under the set in force on its meeting date', () => {
    expect(tables.rounds).toHaveLength(1)
    for (const record of tables.rounds) roundSchema.parse(record)
    for (const record of tables.roundMembers) roundMemberSchema.parse(record)
    for (const record of tables.roundEntries) roundEntrySchema.parse(record)
    for (const record of tables.roundScores) roundScoreSchema.parse(record)
    expect(round).toMatchObject({ level: 'huyen', year: 2020, status: 'closed' })
    expect(round.councilDecisionNo).not.toBe('')
    expect(round.councilDecisionDate! <= round.meetingFrom!).toBe(true)
    expect(round.meetingFrom!.startsWith('2020-')).toBe(true)
    expect(criteriaSetOn(round.meetingFrom!, tables.criteriaSets)?.id).toBe('qd-1048')
    expect(round.criteriaSetId).toBe('qd-1048')
  })

  it('has a council of 5 to 7 with one chair and one secretary', () => {
    const roles = bundle.members.map((member) => member.role)
    expect(roles.length).toBeGreaterThanOrEqual(5)
    expect(roles.length).toBeLessThanOrEqual(7)
    expect(roles.filter((role) => role === 'chu-tich')).toHaveLength(1)
    expect(roles.filter((role) => role === 'uy-vien-thu-ky')).toHaveLength(1)
  })

  it('enters every product the register evaluated in 2020, and only those', () => {
    const evaluated2020 = tables.evaluations.filter((evaluation) => evaluation.year === 2020)
    expect(evaluated2020.length).toBeGreaterThan(0)
    expect(bundle.entries.map((entry) => entry.productId).sort()).toEqual(
      evaluated2020.map((evaluation) => evaluation.productId).sort(),
    )
    for (const entry of bundle.entries) {
      expect(evaluationOf(entry.evaluationId)).toMatchObject({
        productId: entry.productId,
        year: 2020,
      })
    }
  })

  it('gives, recomputed from its members’ scores, exactly the register’s 2020 evaluations', () => {
    const results = roundResults(bundle)
    for (const entry of bundle.entries) {
      const evaluation = evaluationOf(entry.evaluationId)
      const result = results.get(entry.id)!
      expect(result.members).toHaveLength(bundle.members.length)
      expect(result.average.parts, entry.productId).toEqual(evaluation.partScores)
      expect(result.average.total, entry.productId).toBe(evaluation.total)
      expect(result.stars, entry.productId).toBe(evaluation.recognisedStars)
      // Quorum, chair, spread: nothing for the council to look at again.
      expect(result.messages, entry.productId).toEqual([])
    }
  })

  it('scores every part within its maximum, members no more than 10 points apart', () => {
    for (const score of bundle.scores) {
      for (const part of bundle.set.parts) {
        expect(score.parts[part.code]).toBeGreaterThanOrEqual(0)
        expect(score.parts[part.code]).toBeLessThanOrEqual(part.max)
      }
    }
    const totals = roundResults(bundle)
    for (const result of totals.values()) {
      const memberTotals = result.members.map((member) => member.total!)
      expect(Math.max(...memberTotals) - Math.min(...memberTotals)).toBeLessThanOrEqual(10)
      // The members do not all give the same score.
      expect(new Set(memberTotals).size).toBeGreaterThan(1)
    }
  })

  it('closed as QĐ 1048 has a district council close: proposals upward, results below 3★', () => {
    for (const entry of bundle.entries) {
      const stars = evaluationOf(entry.evaluationId).recognisedStars!
      const outcome = closingOutcome(bundle.set, 'huyen', stars)
      expect(entry.outcome).toBe(outcome.kind)
      expect(entry.proposedTo).toBe(outcome.kind === 'propose' ? outcome.to : null)
      // A district council under QĐ 1048 recognises nothing itself.
      expect(entry.outcome).not.toBe('recognise')
      // The register records the decision of the level that recognises the rank: the province's
      // for 3★-4★, the centre's for the 5★ the province forwarded.
      if (entry.outcome === 'propose') {
        const evaluation = evaluationOf(entry.evaluationId)
        expect(entry.proposedTo).toBe('tinh')
        expect(evaluation.councilLevel).toBe(recognisingLevel(bundle.set, stars))
      }
    }
  })
})
