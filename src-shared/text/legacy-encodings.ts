/**
 * Legacy 8-bit Vietnamese text (TCVN3/ABC and VNI) as spreadsheet readers hand it over: each byte
 * of the old encoding arrives as the Latin-1 character U+0000-U+00FF of the same number. The
 * cell's font tells which encoding the bytes were typed in (".VnTime" is TCVN3, "VNI-Times" is
 * VNI); where a reader gives no font (.xls, .ods) or the font was changed to a Unicode one, the
 * text itself tells (detectLegacyEncoding). These functions turn such text into NFC Unicode; the
 * caller keeps the raw value for the audit trail.
 *
 * The tables are data (one entry per byte of the TCVN 5712 and VNI code tables), not a conversion
 * library.
 */
import { isVietnameseWord } from './vietnamese-syllable'

export type LegacyEncoding = 'tcvn3' | 'tcvn3-upper' | 'vni'

/**
 * Which legacy encoding a font implies: ".VnTime" (TCVN3), ".VnTimeH" (TCVN3, capitals-only font:
 * every letter is drawn as a capital), "VNI-Times" (VNI); null for Unicode fonts.
 */
export function legacyEncodingOfFont(fontName: string | undefined): LegacyEncoding | null {
  const name = (fontName ?? '').trim()
  if (/^\.vn/iu.test(name)) return name.endsWith('H') ? 'tcvn3-upper' : 'tcvn3'
  if (/^vni[- ]/iu.test(name)) return 'vni'
  return null
}

/**
 * TCVN3 bytes 0xA1-0xFF, in byte order (from the TCVN 5712 table, glibc charmap TCVN5712-1).
 * Bytes below 0xA1 are ASCII or unused in TCVN3 and stay as they are. 0xAD is "ư": it is the
 * Latin-1 soft hyphen, so it must never be stripped before decoding. 0xB0-0xB4 are the standard's
 * combining tone marks; NFC joins them to the letter before.
 */
const TCVN3_A1_FF =
  '\u0102\u00c2\u00ca\u00d4\u01a0\u01af\u0110\u0103\u00e2\u00ea\u00f4\u01a1\u01b0\u0111\u1eb0' + // A1-AF
  '\u0300\u0309\u0303\u0301\u0323\u00e0\u1ea3\u00e3\u00e1\u1ea1\u1eb2\u1eb1\u1eb3\u1eb5\u1eaf\u1eb4' + // B0-BF
  '\u1eae\u1ea6\u1ea8\u1eaa\u1ea4\u1ec0\u1eb7\u1ea7\u1ea9\u1eab\u1ea5\u1ead\u00e8\u1ec2\u1ebb\u1ebd' + // C0-CF
  '\u00e9\u1eb9\u1ec1\u1ec3\u1ec5\u1ebf\u1ec7\u00ec\u1ec9\u1ec4\u1ebe\u1ed2\u0129\u00ed\u1ecb\u00f2' + // D0-DF
  '\u1ed4\u1ecf\u00f5\u00f3\u1ecd\u1ed3\u1ed5\u1ed7\u1ed1\u1ed9\u1edd\u1edf\u1ee1\u1edb\u1ee3\u00f9' + // E0-EF
  '\u1ed6\u1ee7\u0169\u00fa\u1ee5\u1eeb\u1eed\u1eef\u1ee9\u1ef1\u1ef3\u1ef7\u1ef9\u00fd\u1ef5\u1ed0' // F0-FF

/**
 * VNI: a vowel is its ASCII base letter followed by a modifier byte (mark(s) to add); a few letters
 * have a byte of their own. Modifiers only count after a vowel; elsewhere a byte stays as it is.
 */
const VNI_LETTERS: Readonly<Record<string, string>> = {
  '\u00f1': '\u0111', // ñ → đ
  '\u00d1': '\u0110', // Ñ → Đ
  '\u00f4': '\u01a1', // ô → ơ
  '\u00d4': '\u01a0', // Ô → Ơ
  '\u00f6': '\u01b0', // ö → ư
  '\u00d6': '\u01af', // Ö → Ư
  '\u00ec': '\u00ec', // ì → ì
  '\u00cc': '\u00cc', // Ì → Ì
  '\u00ed': '\u00ed', // í → í
  '\u00cd': '\u00cd', // Í → Í
  '\u00e6': '\u1ec9', // æ → ỉ
  '\u00c6': '\u1ec8', // Æ → Ỉ
  '\u00f3': '\u0129', // ó → ĩ
  '\u00d3': '\u0128', // Ó → Ĩ
  '\u00f2': '\u1ecb', // ò → ị
  '\u00d2': '\u1eca', // Ò → Ị
  '\u00ee': '\u1ef5', // î → ỵ
  '\u00ce': '\u1ef4', // Î → Ỵ
}

const GRAVE = '\u0300'
const ACUTE = '\u0301'
const TILDE = '\u0303'
const HOOK = '\u0309'
const DOT = '\u0323'
const CIRCUMFLEX = '\u0302'
const BREVE = '\u0306'

/** Modifier bytes, lower-case form; the upper-case form (same byte − 0x20) means the same. */
const VNI_MODIFIERS_LOWER: Readonly<Record<string, string>> = {
  '\u00f8': GRAVE, // ø
  '\u00f9': ACUTE, // ù
  '\u00fb': HOOK, // û
  '\u00f5': TILDE, // õ
  '\u00ef': DOT, // ï
  '\u00e2': CIRCUMFLEX, // â
  '\u00e0': CIRCUMFLEX + GRAVE, // à
  '\u00e1': CIRCUMFLEX + ACUTE, // á
  '\u00e5': CIRCUMFLEX + HOOK, // å
  '\u00e3': CIRCUMFLEX + TILDE, // ã
  '\u00e4': CIRCUMFLEX + DOT, // ä
  '\u00ea': BREVE, // ê
  '\u00e8': BREVE + GRAVE, // è
  '\u00e9': BREVE + ACUTE, // é
  '\u00fa': BREVE + HOOK, // ú
  '\u00fc': BREVE + TILDE, // ü
  '\u00eb': BREVE + DOT, // ë
}

const VNI_MODIFIERS: ReadonlyMap<string, string> = new Map(
  Object.entries(VNI_MODIFIERS_LOWER).flatMap(([byte, marks]) => [
    [byte, marks],
    [String.fromCharCode(byte.charCodeAt(0) - 0x20), marks],
  ]),
)

/** Letters a VNI modifier can follow (after VNI_LETTERS is applied: ơ and ư take tones too). */
const VNI_VOWEL = /[aeiouyAEIOUY\u01a1\u01a0\u01b0\u01af]/u

/**
 * Letters that exist only in Unicode (Latin Extended, Vietnamese precomposed, combining marks):
 * text that holds one was typed on a Unicode keyboard whatever its font says, so it is not decoded.
 */
function holdsUnicodeOnlyLetters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i)
    if ((code >= 0x100 && code <= 0x24f) || (code >= 0x300 && code <= 0x36f)) return true
    if (code >= 0x1ea0 && code <= 0x1ef9) return true
  }
  return false
}

function decodeTcvn3(text: string): string {
  let out = ''
  for (const ch of text) {
    const code = ch.charCodeAt(0)
    out += code >= 0xa1 && code <= 0xff ? TCVN3_A1_FF.charAt(code - 0xa1) : ch
  }
  return out
}

function decodeVni(text: string): string {
  let out = ''
  let previous = ''
  for (const ch of text) {
    const marks = VNI_MODIFIERS.get(ch)
    if (marks !== undefined && VNI_VOWEL.test(previous)) {
      out += marks
      previous = '' // one modifier per vowel
      continue
    }
    const letter = VNI_LETTERS[ch] ?? ch
    out += letter
    previous = letter
  }
  return out
}

/**
 * Decode text typed in a legacy encoding (characters U+0000-U+00FF standing for the bytes) into
 * NFC Unicode. 'tcvn3-upper' is a capitals-only font: whatever case was stored, it shows capitals,
 * so the decoded text is upper-cased. Text that already holds Unicode-only letters is only
 * normalised.
 */
export function decodeLegacyText(text: string, encoding: LegacyEncoding): string {
  if (holdsUnicodeOnlyLetters(text)) return text.normalize('NFC')
  switch (encoding) {
    case 'tcvn3':
      return decodeTcvn3(text).normalize('NFC')
    case 'tcvn3-upper':
      return decodeTcvn3(text).normalize('NFC').toLocaleUpperCase('vi').normalize('NFC')
    case 'vni':
      return decodeVni(text).normalize('NFC')
  }
}

/** Splits text into words: white space and ASCII punctuation (legacy letters are all above 0x7F). */
const WORD_BREAK = /[\s!-/:-@[-`{-~]+/u
const LATIN1_HIGH = /[\u0080-\u00ff]/u
const BEYOND_LATIN1 = /[\u0100-\u{10ffff}]/u
const LETTER = /\p{L}/u
/** A letter typed as a legacy code right after a plain one: "Q§", "t¸c", "H\u00adng". */
const AFTER_PLAIN_LETTER = /[A-Za-z][\u0080-\u00ff]/u
/** TCVN3 writes a, ă, â, ê, ô, ơ, ư, đ and most tones in 0xA1-0xBF; VNI never uses these bytes. */
const TCVN3_ONLY = /[\u00a1-\u00bf]/u

/**
 * The legacy encoding the text was typed in, judged from the text alone; null when it reads as
 * it is. Only words holding a character above 0x7F count. The text is taken for legacy when
 *  - at least as many of those words hold letters yet are not Vietnamese as they stand ("Hîp",
 *    "t¸c") as are Vietnamese ("Công"), with two such codes or one right after a plain letter,
 *  - and every one of them is Vietnamese once decoded ("Hợp", "tác").
 * Unicode Vietnamese within Latin-1 ("Cà phê"), English, symbols ("©", "25°C", "5 µm") and names
 * with é or ü fail one test or the other, so they are never decoded.
 */
export function detectLegacyEncoding(text: string): LegacyEncoding | null {
  if (!LATIN1_HIGH.test(text) || BEYOND_LATIN1.test(text)) return null
  const words = text.split(WORD_BREAK).filter((word) => LATIN1_HIGH.test(word))
  let readable = 0
  let unreadable = 0
  let codes = 0
  let afterPlainLetter = false
  for (const word of words) {
    if (isVietnameseWord(word)) {
      readable++
    } else if (LETTER.test(word)) {
      unreadable++
      for (const ch of word) if (ch.charCodeAt(0) >= 0x80) codes++
      afterPlainLetter ||= AFTER_PLAIN_LETTER.test(word)
    }
  }
  if (unreadable === 0 || unreadable < readable || (codes < 2 && !afterPlainLetter)) return null
  // A capitals-only font (.VnTimeH) shows lower-case codes as capitals: "S¶N" is "SẢN".
  const candidates = TCVN3_ONLY.test(text)
    ? (['tcvn3', 'tcvn3-upper'] as const)
    : (['vni', 'tcvn3', 'tcvn3-upper'] as const)
  for (const encoding of candidates) {
    if (words.every((word) => isVietnameseWord(decodeLegacyText(word, encoding)))) return encoding
  }
  return null
}

/**
 * Decode by the cell's font, or, when the font is a Unicode one or unknown, by what the text
 * shows (detectLegacyEncoding); Unicode text is returned as is.
 */
export function fromFontHint(text: string, fontName: string | undefined): string {
  const encoding = legacyEncodingOfFont(fontName) ?? detectLegacyEncoding(text)
  return encoding === null ? text : decodeLegacyText(text, encoding)
}
