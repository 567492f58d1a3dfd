/**
 * The product groups the import template offers, read from the classification (catalogue) of the
 * shipped criteria sets in resources/catalogues/criteria-sets.json, the same one the register
 * uses. The JSON is imported statically so it is bundled into every entry point that needs it
 * (worker, CLI) without a path lookup at run time.
 */
import type { CriteriaSet } from '@shared/db/records'
import { criteriaSetOn, loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { todayIso, type IsoDate } from '@shared/dates'
import shippedCriteriaSets from '../../../resources/catalogues/criteria-sets.json'

let builtIn: CriteriaSet[] | undefined

/** The shipped criteria sets, parsed once. */
export function templateCriteriaSets(): CriteriaSet[] {
  builtIn ??= loadBuiltInCriteriaSets(shippedCriteriaSets)
  return builtIn
}

/** The set whose classification the template lists first: the one in force on `date`. */
export function templateCriteriaSet(
  sets: readonly CriteriaSet[] = templateCriteriaSets(),
  date: IsoDate = todayIso(),
): CriteriaSet {
  const current = criteriaSetOn(date, sets) ?? newestFirst(sets)[0]
  if (current === undefined) throw new Error('no criteria set to take product groups from')
  return current
}

/** Short legal basis for labels: "QĐ 1048" from "QĐ 1048/QĐ-TTg ngày 21/8/2019, …". */
export function shortLegalBasis(set: Pick<CriteriaSet, 'legalBasis' | 'name'>): string {
  const match = /QĐ\s*(\d+)/u.exec(set.legalBasis) ?? /QĐ\s*(\d+)/u.exec(set.name)
  return match ? `QĐ ${match[1]}` : set.name
}

/**
 * Dropdown labels: the groups (code - name) of the set in force on `date`, each followed by its
 * sub-groups; then the groups of older sets, newest set first, as "name (QĐ …)". An older group
 * with the same code and name as one already listed is left out (QĐ 148 before its QĐ 1489
 * amendment, the provinces' interim sets that share QĐ 1048's sectors).
 */
export function templateGroupLabels(
  sets: readonly CriteriaSet[] = templateCriteriaSets(),
  date: IsoDate = todayIso(),
): string[] {
  const current = templateCriteriaSet(sets, date)
  const labels: string[] = []
  const listed = new Set<string>()
  const key = (group: { code: string; name: string }): string => `${group.code}\n${group.name}`
  for (const group of current.catalogue.groups) {
    listed.add(key(group))
    labels.push(`${group.code} - ${group.name}`)
    for (const subGroup of group.subGroups) labels.push(`${subGroup.code} - ${subGroup.name}`)
  }
  const older = newestFirst(sets).filter(
    (set) => set !== current && (set.validFrom ?? '') <= (current.validFrom ?? ''),
  )
  for (const set of older) {
    const basis = shortLegalBasis(set)
    for (const group of set.catalogue.groups) {
      if (listed.has(key(group))) continue
      listed.add(key(group))
      // Older sectors share names with today's groups ("Thực phẩm"): the basis tells them apart.
      labels.push(`${group.name} (${basis})`)
    }
  }
  return labels
}

/** The note on the codes (working codes, official ones not published) of the set in force. */
export function templateGroupNote(
  sets: readonly CriteriaSet[] = templateCriteriaSets(),
  date: IsoDate = todayIso(),
): string {
  return templateCriteriaSet(sets, date).catalogue.note
}

function newestFirst(sets: readonly CriteriaSet[]): CriteriaSet[] {
  return [...sets].sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''))
}
