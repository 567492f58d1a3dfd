/**
 * Vietnamese text as it arrives from real spreadsheets: NFC/NFD mixes, old and new tone placement
 * ("Hoà" / "Hòa"), stray spaces. Canonical forms are for matching and search only; what the clerk
 * typed is what is stored and shown.
 */

/** NFC, single spaces, trimmed: how every piece of text is stored. */
export function normalizeText(value: string): string {
  const nfc = value.normalize('NFC')
  // Most cells need no space fix; testing first spares the rewrite (an import cleans every cell).
  return SPACES_TO_FIX.test(nfc) ? nfc.replace(/\s+/gu, ' ').trim() : nfc
}
// Any white space but a single inner space: tabs, line breaks, U+00A0, runs, or at either end.
const SPACES_TO_FIX = /[^\S ]| {2}|^ | $/u

// Old-style tone placement puts the mark on the first vowel of oa/oe/uy; the new style on the
// second. Both are valid spellings, so matching moves the mark to one place (the second vowel).
const TONE_MARKS = '\u0300\u0301\u0303\u0309\u0323'
const OLD_STYLE_TONE = new RegExp(
  `([oOuU])([${TONE_MARKS}])([aAeEyY])(?![\\p{L}\\p{M}]*[\\p{L}])`,
  'gu',
)

/** Case-folded, NFC, tone placement canonicalised: two spellings of one name compare equal. */
export function canonicalName(value: string): string {
  // Vietnamese has no locale-specific case mappings: plain lower-casing is the same, and faster.
  const lower = normalizeText(value).toLowerCase()
  // Only an o or u carrying a tone mark can be an old-style placement: most names skip the rest.
  if (!TONED_O_OR_U.test(lower)) return lower
  return lower.normalize('NFD').replace(OLD_STYLE_TONE, '$1$3$2').normalize('NFC')
}
// Lower-case NFC o and u with one of the five tone marks (the vowels oa/oe/uy start with).
const TONED_O_OR_U = /[òóỏõọùúủũụ]/u

/** Diacritic-free, lower-case key ("Hòa Phong" → "hoa phong") for search as the clerk types. */
export function searchKey(value: string): string {
  // Lists call this for every row: plain lower-casing and a combining-mark range (every
  // Vietnamese diacritic decomposes into U+0300-U+036F) are several times faster than
  // locale-aware lower-casing and \p{M}, with the same result for Vietnamese text.
  // Plain ASCII (numbers, codes) has nothing to decompose.
  if (ASCII.test(value)) return value.toLowerCase().replace(/\s+/g, ' ').trim()
  return value
    .normalize('NFD')
    .toLowerCase()
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/đ/g, 'd')
    .replace(/\s+/g, ' ')
    .trim()
}

const ASCII = /^[\t\n\r\x20-\x7e]*$/

/** True when every word of the query appears in the text, ignoring case and diacritics. */
export function matchesSearch(text: string, query: string): boolean {
  return searchMatcher(query)(searchKey(text))
}

/** Sorting the Vietnamese way (a, ă, â, b, … đ after d). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true })

/**
 * A test for haystacks already turned into search keys: the query is folded once, so filtering
 * 10,000 rows costs 10,000 `includes`, not 10,000 normalisations.
 */
export function searchMatcher(query: string): (haystackKey: string) => boolean {
  const words = searchKey(query).split(' ').filter(Boolean)
  return (haystackKey) => words.every((word) => haystackKey.includes(word))
}

/** An ASCII file-name part: "Đợt 1 năm 2020" → "dot-1-nam-2020" ('' when nothing is left). */
export function fileSlug(text: string): string {
  return searchKey(text)
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
}
