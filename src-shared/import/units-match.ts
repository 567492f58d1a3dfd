/**
 * Finding the administrative unit a commune file names: 'P. Dị Sử', 'phường Dị Sử', 'X.Cẩm Xá',
 * 'Xuân Dục', 'Phường Nhân Hoà', 'I. Phường Bần Yên Nhân' all name a unit of the catalogue.
 */
import type { IsoDate } from '../dates'
import type { UnitKind } from '../db/records'
import { unitValidOn } from '../domain/units'
import { canonicalName } from '../text/vietnamese'

/** What matching needs of a unit. */
export interface UnitCandidate {
  id: string
  name: string
  kind: UnitKind
  validFrom: IsoDate | null
  validTo: IsoDate | null
}

/**
 * Why a unit cannot be matched: an empty cell, a name the catalogue does not have, a unit not
 * valid on the date, a name two units share.
 */
type UnitProblemCode = 'unit.empty' | 'unit.unknown' | 'unit.not-valid-on-date' | 'unit.ambiguous'

/** The matched unit, or a code with up to 3 units the clerk probably meant. */
export type UnitMatchResult<U extends UnitCandidate> =
  { ok: true; value: U } | { ok: false; code: UnitProblemCode; suggestions: U[] }

// Section numbers ("I. ", "IV) ", "2. "); a lone "x." is the abbreviation of "xã", not ten.
const SECTION_PREFIX = /^(?:(?!x\.)[ivxlc]+|\d+)\s*[.)]\s*/u
const EITHER_KIND_PREFIX = /^(?:xã\s*\/\s*phường|phường\s*\/\s*xã|xã\s*,\s*phường)\s*/u
// A kind word or its abbreviation, followed by a space or a dot ("P.Dị Sử", "X. Cẩm Xá").
const KIND_PREFIX = /^(thị\s*trấn|tt|phường|p|đặc\s*khu|xã|x)(?:\s*\.\s*|\s+)(?=\S)/u
const KIND_OF_PREFIX: Record<string, UnitKind> = {
  tt: 'thi-tran',
  phường: 'phuong',
  p: 'phuong',
  xã: 'xa',
  x: 'xa',
}

/** Splits a written unit into its kind (when written) and its name key. */
function readUnitText(text: string): { key: string; kind: UnitKind | null } {
  let rest = canonicalName(text).replace(SECTION_PREFIX, '')
  let kind: UnitKind | null = null
  const either = EITHER_KIND_PREFIX.exec(rest)
  if (either) {
    rest = rest.slice(either[0].length)
  } else {
    const m = KIND_PREFIX.exec(rest)
    if (m) {
      rest = rest.slice(m[0].length)
      const word = (m[1] ?? '').replace(/\s+/gu, '')
      kind = KIND_OF_PREFIX[word] ?? (word.startsWith('đặc') ? 'dac-khu' : 'thi-tran')
    }
  }
  return { key: rest.trim(), kind }
}

/** The matching key of a written unit: no section number or kind prefix, canonical spelling. */
export function unitNameKey(text: string): string {
  return readUnitText(text).key
}

/** Levenshtein distance over code points. */
export function editDistance(a: string, b: string): number {
  const x = [...a]
  const y = [...b]
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j)
  for (let i = 1; i <= x.length; i++) {
    const row = [i]
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1
      row.push(Math.min((prev[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost))
    }
    prev = row
  }
  return prev[y.length] ?? 0
}

// An import matches every row against the same list: its keys are computed once per list.
const keyCache = new WeakMap<readonly UnitCandidate[], string[]>()
function keysOf(units: readonly UnitCandidate[]): string[] {
  let keys = keyCache.get(units)
  if (keys === undefined) {
    keys = units.map((unit) => unitNameKey(unit.name))
    keyCache.set(units, keys)
  }
  return keys
}

/** The unit a cell names, valid on `onDate` (or the unique one without a date); else suggestions. */
export function matchUnit<U extends UnitCandidate>(
  text: string,
  units: readonly U[],
  onDate?: IsoDate,
): UnitMatchResult<U> {
  const { key, kind } = readUnitText(text)
  if (!key) return { ok: false, code: 'unit.empty', suggestions: [] }
  const keys = keysOf(units)
  const named = units.filter((_, i) => keys[i] === key)
  const current = onDate === undefined ? named : named.filter((unit) => unitValidOn(unit, onDate))
  let found = current
  if (found.length > 1 && kind) {
    const ofKind = found.filter((unit) => unit.kind === kind)
    if (ofKind.length > 0) found = ofKind
  }
  const first = found[0]
  if (found.length === 1 && first) return { ok: true, value: first }
  if (found.length > 1) return { ok: false, code: 'unit.ambiguous', suggestions: found.slice(0, 3) }
  if (named.length > 0) {
    return { ok: false, code: 'unit.not-valid-on-date', suggestions: named.slice(0, 3) }
  }
  const pool = units
    .map((unit, i) => ({ unit, distance: editDistance(key, keys[i] ?? '') }))
    .filter(({ unit }) => onDate === undefined || unitValidOn(unit, onDate))
    .sort((a, b) => a.distance - b.distance || a.unit.name.localeCompare(b.unit.name, 'vi'))
  return { ok: false, code: 'unit.unknown', suggestions: pool.slice(0, 3).map(({ unit }) => unit) }
}
