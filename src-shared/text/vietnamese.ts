/**
 * Vietnamese text as it arrives from real spreadsheets: NFC/NFD mixes, old and new tone placement
 * ("Hoà" / "Hòa"), stray spaces. Canonical forms are for matching and search only; what the clerk
 * typed is what is stored and shown.
 */

/** NFC, single spaces, trimmed: how every piece of text is stored. */
export function normalizeText(value: string): string {
  return value.normalize('NFC').replace(/\s+/gu, ' ').trim()
}

// Old-style tone placement puts the mark on the first vowel of oa/oe/uy; the new style on the
// second. Both are valid spellings, so matching moves the mark to one place (the second vowel).
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323'
const OLD_STYLE_TONE = new RegExp(
  `([oOuU])([${TONE_MARKS}])([aAeEyY])(?![\\p{L}\\p{M}]*[\\p{L}])`,
  'gu',
)

/** Case-folded, NFC, tone placement canonicalised: two spellings of one name compare equal. */
export function canonicalName(value: string): string {
  const decomposed = normalizeText(value).toLocaleLowerCase('vi').normalize('NFD')
  return decomposed.replace(OLD_STYLE_TONE, '$1$3$2').normalize('NFC')
}

/** Diacritic-free, lower-case key ("Hòa Phong" → "hoa phong") for search as the clerk types. */
export function searchKey(value: string): string {
  return normalizeText(value)
    .toLocaleLowerCase('vi')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/đ/gu, 'd')
}

/** True when every word of the query appears in the text, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  return keyMatches(searchKey(text), query)
}

/** Sorting the Vietnamese way (a, ă, â, b, … đ after d). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })

/** Like matchesSearch, for a haystack already turned into a searchKey (fast over long lists). */
export function keyMatches(haystackKey: string, query: string): boolean {
  const needle = searchKey(query)
  return needle === '' || needle.split(' ').every((word) => haystackKey.includes(word))
}
