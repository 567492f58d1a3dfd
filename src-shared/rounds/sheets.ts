/**
 * Scoring sheets as data (phiếu đánh giá, chấm điểm): a sheet of a criteria set for one or more
 * product groups is parts → sections → criteria → options with their points. The app ships only
 * the part level of each set it knows (A/B/C with the set's maxima), since the official item
 * points are the documents' to give, not the app's; an office loads the full sheet of a product
 * group from a definition file, and the file is checked here before it is used.
 */
import type { CriteriaSet } from '../db/records'

export interface SheetOption {
  label: string
  points: number
}

export interface SheetCriterion {
  code: string
  text: string
  max: number
  options: SheetOption[]
  /**
   * The lowest star level this criterion is mandatory for (QĐ 148 marks such criteria): a product
   * that misses it cannot be ranked at that level or above. Null: not mandatory.
   */
  mandatoryFrom: number | null
}

export interface SheetSection {
  code: string
  name: string
  max: number
  criteria: SheetCriterion[]
}

export interface SheetPart {
  code: string
  name: string
  max: number
  /** Empty: the part is scored as a whole (the part-level sheet). */
  sections: SheetSection[]
}

export interface ScoringSheet {
  criteriaSetId: string
  /** The product groups of the set's catalogue the sheet is for; empty: every group. */
  groupCodes: string[]
  name: string
  /** Where the points come from (document and appendix), as the definition file states it. */
  source: string
  parts: SheetPart[]
}

/** The part-level sheet of a set: each part scored as a whole, up to the set's maximum. */
export function partLevelSheet(set: Pick<CriteriaSet, 'id' | 'name' | 'parts'>): ScoringSheet {
  return {
    criteriaSetId: set.id,
    groupCodes: [],
    name: `Phiếu chấm theo phần (${set.name})`,
    source: set.name,
    parts: set.parts.map((part) => ({ ...part, sections: [] })),
  }
}

/** Where in a sheet a problem is: the part, and the section, criterion and option in it. */
export interface SheetPlace {
  part: string
  section?: string
  criterion?: string
  /** The option's place in its criterion, from 1. */
  option?: number
}

export type SheetProblem =
  | { code: 'part-unknown'; at: SheetPlace }
  | { code: 'part-missing'; at: SheetPlace }
  | { code: 'part-max'; at: SheetPlace; max: number; setMax: number }
  | { code: 'sections-sum'; at: SheetPlace; sum: number; max: number }
  | { code: 'criteria-sum'; at: SheetPlace; sum: number; max: number }
  | { code: 'no-options'; at: SheetPlace }
  | { code: 'option-points'; at: SheetPlace; points: number; max: number }
  | { code: 'mandatory-level'; at: SheetPlace; level: number }
  | { code: 'duplicate-code'; at: SheetPlace }

// Points are written with one or two decimals; sums compare to a hundredth.
const same = (a: number, b: number) => Math.abs(a - b) < 0.005
const sum = (values: number[]) => Math.round(values.reduce((a, b) => a + b, 0) * 100) / 100

/**
 * Every problem of a sheet under its set, in reading order: the parts are the set's with its
 * maxima, a part's sections add up to the part's maximum and a section's criteria to the
 * section's, every option's points lie between 0 and its criterion's maximum, and a mandatory
 * criterion names a star level from 2 to 5. Empty: the sheet can be used.
 */
export function checkSheet(sheet: ScoringSheet, set: Pick<CriteriaSet, 'parts'>): SheetProblem[] {
  const problems: SheetProblem[] = []
  const setParts = new Map(set.parts.map((part) => [part.code, part]))
  for (const part of sheet.parts) {
    const at = { part: part.code }
    const setPart = setParts.get(part.code)
    if (!setPart) {
      problems.push({ code: 'part-unknown', at })
      continue
    }
    if (!same(part.max, setPart.max)) {
      problems.push({ code: 'part-max', at, max: part.max, setMax: setPart.max })
    }
    if (part.sections.length > 0) {
      const sections = sum(part.sections.map((section) => section.max))
      if (!same(sections, part.max)) {
        problems.push({ code: 'sections-sum', at, sum: sections, max: part.max })
      }
    }
    problems.push(...checkSections(part))
  }
  for (const setPart of set.parts) {
    if (!sheet.parts.some((part) => part.code === setPart.code)) {
      problems.push({ code: 'part-missing', at: { part: setPart.code } })
    }
  }
  return problems
}

function checkSections(part: SheetPart): SheetProblem[] {
  const problems: SheetProblem[] = []
  const sectionCodes = new Set<string>()
  const criterionCodes = new Set<string>()
  for (const section of part.sections) {
    const at = { part: part.code, section: section.code }
    if (sectionCodes.has(section.code)) problems.push({ code: 'duplicate-code', at })
    sectionCodes.add(section.code)
    const criteria = sum(section.criteria.map((criterion) => criterion.max))
    if (!same(criteria, section.max)) {
      problems.push({ code: 'criteria-sum', at, sum: criteria, max: section.max })
    }
    for (const criterion of section.criteria) {
      const place = { ...at, criterion: criterion.code }
      if (criterionCodes.has(criterion.code)) {
        problems.push({ code: 'duplicate-code', at: place })
      }
      criterionCodes.add(criterion.code)
      if (criterion.options.length === 0) problems.push({ code: 'no-options', at: place })
      criterion.options.forEach((option, index) => {
        if (option.points < 0 || option.points > criterion.max + 0.005) {
          problems.push({
            code: 'option-points',
            at: { ...place, option: index + 1 },
            points: option.points,
            max: criterion.max,
          })
        }
      })
      const level = criterion.mandatoryFrom
      if (level !== null && !(Number.isInteger(level) && level >= 2 && level <= 5)) {
        problems.push({ code: 'mandatory-level', at: place, level })
      }
    }
  }
  return problems
}

/** A line of a sheet as a member sees it: a heading, or an item to score up to its maximum. */
export type SheetLine =
  | { kind: 'heading'; level: 'part' | 'section'; code: string; text: string; max: number }
  | {
      kind: 'item'
      code: string
      text: string
      max: number
      /** The part the item's points count towards. */
      part: string
      mandatoryFrom: number | null
    }

/**
 * The lines of a sheet in reading order: a part scored as a whole is one item; a part in sections
 * is a heading, then each section's heading and its criteria as items.
 */
export function sheetLines(sheet: ScoringSheet): SheetLine[] {
  return sheet.parts.flatMap((part): SheetLine[] =>
    part.sections.length === 0
      ? [
          {
            kind: 'item',
            code: part.code,
            text: part.name,
            max: part.max,
            part: part.code,
            mandatoryFrom: null,
          },
        ]
      : [
          { kind: 'heading', level: 'part', code: part.code, text: part.name, max: part.max },
          ...part.sections.flatMap((section): SheetLine[] => [
            {
              kind: 'heading',
              level: 'section',
              code: section.code,
              text: section.name,
              max: section.max,
            },
            ...section.criteria.map((criterion): SheetLine => ({
              kind: 'item',
              code: criterion.code,
              text: criterion.text,
              max: criterion.max,
              part: part.code,
              mandatoryFrom: criterion.mandatoryFrom,
            })),
          ]),
        ],
  )
}

/** A member's part scores from the points given per item; a part with an item unscored is null. */
export function partScoresOf(
  sheet: ScoringSheet,
  points: Readonly<Record<string, number | null | undefined>>,
): Record<string, number | null> {
  const parts: Record<string, number | null> = {}
  for (const part of sheet.parts) parts[part.code] = 0
  for (const line of sheetLines(sheet)) {
    if (line.kind !== 'item') continue
    const value = points[line.code]
    const sofar = parts[line.part]
    parts[line.part] =
      value === null || value === undefined || sofar === null || sofar === undefined
        ? null
        : Math.round((sofar + value) * 100) / 100
  }
  return parts
}
