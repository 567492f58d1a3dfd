/**
 * Text sniffing for the import file check: is this byte string a CSV, and in which encoding?
 * Pure functions over bytes, no I/O.
 */

export type TextEncodingName = 'utf-8' | 'windows-1258' | 'utf-16le' | 'utf-16be'

/** Bytes that Windows-1258 leaves undefined: text in that code page never contains them. */
const UNDEFINED_IN_1258 = new Set([0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e])

/** How many bytes from the start we look at; enough for many rows, cheap on a 50 MB file. */
const SNIFF_BYTES = 64 * 1024

export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf
}

/**
 * The UTF-16 byte order a byte-order mark announces, or null. Excel's "Unicode Text" and some
 * exports write UTF-16 (little-endian, tab-separated) and always start with the mark.
 */
export function utf16Bom(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | null {
  if (bytes.length < 2) return null
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le'
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be'
  return null
}

/**
 * True when the bytes look like text: no NUL, almost no control characters other than tab, CR,
 * LF (and form feed / the DOS end-of-file mark that old tools leave at the end).
 */
function looksLikeText(sample: Uint8Array): boolean {
  if (sample.length === 0) return false
  let controls = 0
  for (const byte of sample) {
    if (byte === 0) return false
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d && byte !== 0x0c) {
      if (byte !== 0x1a) controls++
    }
  }
  return controls <= sample.length / 1000
}

/** Decodes as strict UTF-8, or returns null. A sample may cut a character at its end: allow that. */
function decodeUtf8(sample: Uint8Array, isWhole: boolean): string | null {
  let end = sample.length
  if (!isWhole) {
    // Step back over a character cut by the sample boundary (at most 3 continuation bytes).
    let back = 0
    while (back < 3 && end - back - 1 >= 0 && (sample[end - back - 1]! & 0xc0) === 0x80) back++
    const lead = sample[end - back - 1]
    if (lead !== undefined && lead >= 0xc0) end = end - back - 1
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(sample.subarray(0, end))
  } catch {
    return null
  }
}

function plausible1258(sample: Uint8Array): boolean {
  for (const byte of sample) if (UNDEFINED_IN_1258.has(byte)) return false
  return true
}

/**
 * True when the text is clearly delimited: at least two non-blank lines, and one of comma,
 * semicolon or tab appears on most of them.
 */
export function isClearlyDelimited(text: string): boolean {
  const lines = text
    .split(/\r\n|\r|\n/)
    .slice(0, 50)
    .filter((line) => line.trim() !== '')
  if (lines.length < 2) return false
  return [',', ';', '\t'].some((delimiter) => {
    const withIt = lines.filter((line) => line.includes(delimiter)).length
    return withIt >= Math.max(2, Math.ceil(lines.length * 0.8))
  })
}

export interface TextSniff {
  encoding: TextEncodingName
  /** The decoded start of the file (BOM removed), for the delimiter test. */
  sample: string
  bom: boolean
}

/** Sniffs the start of the bytes as text; null when they are not text. */
export function sniffText(bytes: Uint8Array): TextSniff | null {
  const utf16 = utf16Bom(bytes)
  if (utf16 !== null) {
    // An even number of bytes, so the sample never ends inside a code unit.
    const sample = bytes.subarray(2, 2 + SNIFF_BYTES)
    const text = new TextDecoder(utf16).decode(sample.subarray(0, sample.length & ~1))
    return looksLikeText(new TextEncoder().encode(text))
      ? { encoding: utf16, sample: text, bom: true }
      : null
  }
  const bom = hasUtf8Bom(bytes)
  const body = bom ? bytes.subarray(3) : bytes
  const isWhole = body.length <= SNIFF_BYTES
  const sample = isWhole ? body : body.subarray(0, SNIFF_BYTES)
  if (bom) {
    const text = decodeUtf8(sample, isWhole)
    return text === null ? null : { encoding: 'utf-8', sample: text, bom }
  }
  if (!looksLikeText(sample)) return null
  const text = decodeUtf8(sample, isWhole)
  if (text !== null) return { encoding: 'utf-8', sample: text, bom }
  if (!plausible1258(sample)) return null
  // latin1 keeps one character per byte, which is all the delimiter test needs.
  return { encoding: 'windows-1258', sample: new TextDecoder('latin1').decode(sample), bom }
}
