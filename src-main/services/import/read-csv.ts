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

export interface CsvRecords {
  records: string[][]
  delimiter: string
  /** True when the file holds more than `maxRecords` records (only that many were parsed). */
  truncated: boolean
  /** papaparse's complaint about an unclosed quote, if any. */
  quoteProblem: string | null
}

/** Splits decoded CSV text into records; reads at most `maxRecords + 1` so a huge file stops early. */
export function parseCsv(text: string, maxRecords: number): CsvRecords {
  const result = Papa.parse<string[]>(text, {
    delimiter: '',
    delimitersToGuess: [',', ';', '\t'],
    quoteChar: '"',
    header: false,
    dynamicTyping: false,
    skipEmptyLines: false,
    preview: maxRecords + 1,
  })
  const quote = result.errors.find((error) => error.type === 'Quotes')
  const records = result.data.slice(0, maxRecords)
  return {
    records,
    delimiter: result.meta.delimiter,
    truncated: result.data.length > maxRecords,
    quoteProblem: quote ? `${quote.code} at row ${quote.row ?? '?'}: ${quote.message}` : null,
  }
}
