/**
 * Is a word a written Vietnamese syllable? Every Vietnamese word is one syllable: an optional
 * initial consonant, a vowel nucleus of one to three letters, an optional final consonant, and
 * at most one tone mark. Text in a legacy 8-bit encoding read as Latin-1 ("T\u00adng",
 * "Hîp t¸c x·") breaks these rules almost everywhere; the same text decoded keeps them. The
 * legacy-encoding detection uses this to tell the two apart.
 */

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu

const INITIAL = 'ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx]'
/** Nuclei that end in a glide or are open: no final consonant may follow. */
const OPEN_NUCLEUS =
  'iêu|oai|oao|oay|oeo|uây|uôi|uya|uyu|ươi|ươu|yêu|ai|ao|au|ay|âu|ây|eo|êu|ia|iu|oi|ôi|ơi|ua|ui|ưa|ưi|ưu'
/** Nuclei a final consonant may follow. */
const CLOSABLE_NUCLEUS = 'uyê|iê|oa|oă|oe|oo|uâ|ue|uê|uô|uơ|uy|ươ|yê|[aăâeêioôơuưy]'
const FINAL = 'ch|ng|nh|[cmnpt]'

const SYLLABLE = new RegExp(
  `^(?:${INITIAL})?(?:(?:${OPEN_NUCLEUS})|(?:${CLOSABLE_NUCLEUS})(?:${FINAL})?)$`,
  'u',
)

/** Plain capitals, as Vietnamese abbreviations are written: "QĐ", "UBND", "HĐND", "TNHH". */
const ABBREVIATION = /^[A-ZĐ]{2,6}$/u

/** One case pattern of a written word: all lower, all capitals, or a capital then lower. */
function hasWordCase(word: string): boolean {
  const lower = word.toLowerCase()
  if (word === lower || word === word.toUpperCase()) return true
  return word.slice(1) === lower.slice(1)
}

/** True when `word` is a Vietnamese syllable or an abbreviation in plain capitals. */
export function isVietnameseWord(word: string): boolean {
  const nfc = word.normalize('NFC')
  if (ABBREVIATION.test(nfc)) return true
  if (!hasWordCase(nfc)) return false
  const decomposed = nfc.normalize('NFD')
  const tones = decomposed.match(TONE_MARKS)?.length ?? 0
  if (tones > 1) return false
  const bare = decomposed.replace(TONE_MARKS, '').normalize('NFC').toLowerCase()
  return SYLLABLE.test(bare)
}
