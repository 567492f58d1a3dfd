/**
 * A round as the screens, the documents and the command line read it: its records gathered in
 * the council's order, the scoring sheet of each product, and each product's result. Pure: the
 * page reads the records from Dexie, the command line from a backup, and both come here.
 */
import type {
  CriteriaSet,
  Round,
  RoundEntry,
  RoundMember,
  RoundScore,
  ScoringSheetRecord,
} from '../db/records'
import { isOwnedHere } from '../exchange/ownership'
import { productResult, type ProductResult } from './results'
import { partLevelSheet, type ScoringSheet } from './sheets'

/** A round's records, members and entries in their order. */
export interface RoundBundle {
  round: Round
  set: CriteriaSet
  members: RoundMember[]
  entries: RoundEntry[]
  scores: RoundScore[]
  /** The full sheets loaded for the round's criteria set. */
  sheets: ScoringSheetRecord[]
}

/** The register's tables a round is read from. */
export interface RoundTables {
  rounds: readonly Round[]
  criteriaSets: readonly CriteriaSet[]
  roundMembers: readonly RoundMember[]
  roundEntries: readonly RoundEntry[]
  roundScores: readonly RoundScore[]
  scoringSheets: readonly ScoringSheetRecord[]
}

const byPosition = <T extends { position: number }>(records: readonly T[]): T[] =>
  [...records].sort((a, b) => a.position - b.position)

/**
 * True while the round's records can be changed here: it is open and this office owns it. A round
 * received from another office is read-only as a closed one is: its owner changes it and sends it
 * again.
 */
export function isRoundEditable(round: Round): boolean {
  return round.status === 'open' && isOwnedHere(round)
}

/** The bundle of `round`; undefined when its criteria set is not in the register. */
export function roundBundle(tables: RoundTables, round: Round): RoundBundle | undefined {
  const set = tables.criteriaSets.find((s) => s.id === round.criteriaSetId)
  if (set === undefined) return undefined
  const own = <T extends { roundId: string }>(records: readonly T[]) =>
    records.filter((record) => record.roundId === round.id)
  return {
    round,
    set,
    members: byPosition(own(tables.roundMembers)),
    entries: byPosition(own(tables.roundEntries)),
    scores: own(tables.roundScores),
    sheets: tables.scoringSheets.filter((sheet) => sheet.criteriaSetId === round.criteriaSetId),
  }
}

/**
 * The sheet a product is scored on: the full sheet loaded for its group (or for every group),
 * else the part-level sheet of the set.
 */
export function sheetOfEntry(
  bundle: Pick<RoundBundle, 'set' | 'sheets'>,
  entry: Pick<RoundEntry, 'groupCode'>,
): ScoringSheet {
  const forGroup = bundle.sheets.find((sheet) => sheet.groupCodes.includes(entry.groupCode))
  const forAll = bundle.sheets.find((sheet) => sheet.groupCodes.length === 0)
  return forGroup ?? forAll ?? partLevelSheet(bundle.set)
}

/**
 * The distinct sheets a round's products are scored on, and each product's sheet by its place in
 * that list: the shape the members' workbooks are written and read in.
 */
export function entrySheets(bundle: RoundBundle): {
  sheets: ScoringSheet[]
  sheetOf: Map<string, number>
} {
  const sheets: ScoringSheet[] = []
  const keys: string[] = []
  const sheetOf = new Map<string, number>()
  for (const entry of bundle.entries) {
    const sheet = sheetOfEntry(bundle, entry)
    // A loaded sheet is one record for all its products; the part-level sheet is made anew.
    const key = 'id' in sheet && typeof sheet.id === 'string' ? sheet.id : ''
    let index = keys.indexOf(key)
    if (index < 0) {
      index = keys.push(key) - 1
      sheets.push(sheet)
    }
    sheetOf.set(entry.id, index)
  }
  return { sheets, sheetOf }
}

/** The scoring pass a product is in: the latest any member scored, or 1. */
export function passOfEntry(bundle: Pick<RoundBundle, 'scores'>, entryId: string): number {
  return bundle.scores.reduce(
    (pass, score) => (score.entryId === entryId ? Math.max(pass, score.pass) : pass),
    1,
  )
}

/** Each product's result under the round's rules, by entry id. */
export function roundResults(bundle: RoundBundle): Map<string, ProductResult> {
  const sheetsOf = new Map<string, RoundScore[]>()
  for (const score of bundle.scores) {
    const list = sheetsOf.get(score.entryId) ?? []
    if (list.length === 0) sheetsOf.set(score.entryId, list)
    list.push(score)
  }
  return new Map(
    bundle.entries.map((entry) => [
      entry.id,
      productResult(
        bundle.set,
        bundle.members,
        sheetsOf.get(entry.id) ?? [],
        bundle.round.rules,
        entry.mandatoryMissedFrom,
      ),
    ]),
  )
}

/** The stars the council proposes for an entry: its own choice, else the computed ones. */
export function proposedStarsOf(
  entry: RoundEntry,
  result: ProductResult | undefined,
): number | null {
  return entry.proposedStars ?? result?.stars ?? null
}

export type RoundLookup =
  { ok: true; round: Round } | { ok: false; reason: 'not-found' | 'ambiguous'; candidates: Round[] }

/**
 * The round a clerk names on the command line: by id, else by its name (case and spacing aside);
 * a name two rounds share is refused with both.
 */
export function findRound(rounds: readonly Round[], idOrName: string): RoundLookup {
  const byId = rounds.find((round) => round.id === idOrName)
  if (byId) return { ok: true, round: byId }
  const key = (text: string) => text.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase()
  const named = rounds.filter((round) => key(round.name) === key(idOrName))
  if (named.length === 1) return { ok: true, round: named[0]! }
  return named.length === 0
    ? { ok: false, reason: 'not-found', candidates: [...rounds] }
    : { ok: false, reason: 'ambiguous', candidates: named }
}
