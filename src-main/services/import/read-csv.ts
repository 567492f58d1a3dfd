/**
 * Import step 2 for CSV files: decode the bytes (UTF-8 with or without BOM, Windows-1258 as Excel
 * writes on Vietnamese Windows, or UTF-16 with a BOM as Excel's "Unicode Text" writes) and split
 * them into records with papaparse, which also finds the delimiter among comma, semicolon and tab.
 * Plain Node, no electron.
 */
import iconv from 'iconv-lite'
import Papa from 'papaparse'
import type { TextEncodingName } from './file-kind-text'

/** Decodes CSV bytes as the byte check found them; the BOM is dropped. */
export function decodeCsv(bytes: Uint8Array, encoding: TextEncodingName): string {
  if (encoding === 'windows-1258') {
    // cp1258 writes most toned letters as a base letter plus a combining tone mark: compose them,
    // so 'Phường' decodes to the same string a Unicode file would hold.
    const text = iconv.decode(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      'windows1258',
    )
    return text.normalize('NFC')
  }
  // TextDecoder drops a leading BOM; invalid bytes become U+FFFD instead of throwing.
  return new TextDecoder(encoding).decode(bytes)
}

export interface CsvParse {
  /** True when the file holds more than `maxRecords` records (only that many were handed on). */
  truncated: boolean
  /** papaparse's complaint about an unclosed quote, if any. */
  quoteProblem: string | null
}

/**
 * Splits decoded CSV text into records and hands each to `onRecord` as it is parsed, so no list
 * of all records is ever built; stops after `maxRecords` (`truncated` then says there was more).
 */
export function parseCsv(
  text: string,
  maxRecords: number,
  onRecord: (record: string[], index: number) => void,
): CsvParse {
  let index = 0
  let truncated = false
  let quoteProblem: string | null = null
  Papa.parse<string[]>(text, {
    delimiter: '',
    delimitersToGuess: [',', ';', '\t'],
    quoteChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    step: (step, parser) => {
      if (index === maxRecords) {
        truncated = true
        parser.abort()
        return
      }
      const quote = step.errors.find((error) => error.type === 'Quotes')
      if (quote && quoteProblem === null) {
        quoteProblem = `${quote.code} at record ${index + 1}: ${quote.message}`
      }
      onRecord(step.data, index++)
    },
  })
  return { truncated, quoteProblem }
}

/**
 * The most fields any record could have (separators outside quotes, for whichever of comma,
 * semicolon and tab gives most): papaparse builds a record whole, so a line of millions of
 * separators must be refused before it is parsed.
 */
export function widestRecord(text: string): number {
  let widest = 0
  let commas = 0
  let semicolons = 0
  let tabs = 0
  let quoted = false
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x0a
    if (c === 0x22) quoted = !quoted
    else if (quoted) continue
    else if (c === 0x2c) commas++
    else if (c === 0x3b) semicolons++
    else if (c === 0x09) tabs++
    else if (c === 0x0a || c === 0x0d) {
      widest = Math.max(widest, commas + 1, semicolons + 1, tabs + 1)
      commas = semicolons = tabs = 0
    }
  }
  return widest
}
