/**
 * The full scoring sheets loaded for a round's criteria set, as the round's Chấm điểm tab shows
 * them: what each holds, which of the round's products it scores, and whether a new sheet's
 * product groups fit beside the ones already loaded (a group scored on two sheets would leave the
 * sheet of its products to chance).
 */
import type { CriteriaSet, RoundEntry, ScoringSheetRecord } from '@shared/db/records'
import { sheetOfEntry, type RoundBundle } from '@shared/rounds/round-data'
import type { ScoringSheet } from '@shared/rounds/sheets'

/** How much a sheet holds, for the clerk to compare with the document before loading it. */
export interface SheetCounts {
  parts: number
  sections: number
  criteria: number
  /** Criteria mandatory from some star level. */
  mandatory: number
}

export function sheetCounts(sheet: Pick<ScoringSheet, 'parts'>): SheetCounts {
  const sections = sheet.parts.flatMap((part) => part.sections)
  const criteria = sections.flatMap((section) => section.criteria)
  return {
    parts: sheet.parts.length,
    sections: sections.length,
    criteria: criteria.length,
    mandatory: criteria.filter((criterion) => criterion.mandatoryFrom !== null).length,
  }
}

/** The catalogue name of a product group of `set`, else its code. */
export function groupName(set: Pick<CriteriaSet, 'catalogue'>, code: string): string {
  return set.catalogue.groups.find((group) => group.code === code)?.name ?? code
}

/**
 * The round's products by the sheet they are scored on: a loaded sheet's id, or null for those
 * scored by part (no full sheet for their group).
 */
export function entriesBySheet(
  bundle: Pick<RoundBundle, 'set' | 'sheets' | 'entries'>,
): Map<string | null, string[]> {
  const bySheet = new Map<string | null, string[]>()
  for (const entry of bundle.entries) {
    const sheet = sheetOfEntry(bundle, entry)
    const id = bundle.sheets.find((loaded) => loaded === sheet)?.id ?? null
    bySheet.set(id, [...(bySheet.get(id) ?? []), entry.id])
  }
  return bySheet
}

/**
 * The round's products a new sheet will score once loaded (its groups free, see groupConflicts):
 * those of its groups, or for a sheet of every group those no loaded sheet names.
 */
export function entriesOnNewSheet(
  bundle: Pick<RoundBundle, 'sheets' | 'entries'>,
  sheet: Pick<ScoringSheet, 'groupCodes'>,
): RoundEntry[] {
  return bundle.entries.filter((entry) =>
    sheet.groupCodes.length > 0
      ? sheet.groupCodes.includes(entry.groupCode)
      : !bundle.sheets.some((loaded) => loaded.groupCodes.includes(entry.groupCode)),
  )
}

/** Why a new sheet's groups cannot be loaded: a code not in the set's catalogue, or a group taken. */
export type GroupConflict =
  | { kind: 'unknown'; code: string }
  /** `code` null: both sheets are for every group. */
  | { kind: 'taken'; code: string | null; sheet: ScoringSheetRecord }

/**
 * The conflicts of `sheet`'s groups with `set`'s catalogue and with the sheets `loaded` for the
 * set. A sheet for named groups beside one for every group is no conflict: the named one wins.
 */
export function groupConflicts(
  sheet: Pick<ScoringSheet, 'groupCodes'>,
  set: Pick<CriteriaSet, 'catalogue'>,
  loaded: readonly ScoringSheetRecord[],
): GroupConflict[] {
  if (sheet.groupCodes.length === 0) {
    const forAll = loaded.find((other) => other.groupCodes.length === 0)
    return forAll ? [{ kind: 'taken', code: null, sheet: forAll }] : []
  }
  const known = new Set(set.catalogue.groups.map((group) => group.code))
  return sheet.groupCodes.flatMap((code): GroupConflict[] => {
    if (!known.has(code)) return [{ kind: 'unknown', code }]
    const other = loaded.find((candidate) => candidate.groupCodes.includes(code))
    return other ? [{ kind: 'taken', code, sheet: other }] : []
  })
}
