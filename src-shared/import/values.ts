/**
 * Cell values as communes write them, read into the register's types. Every parser is pure and
 * returns a result, never throws: the importer attaches the row and column and turns the code into
 * a row message of the catalogue. Empty cells give a `<field>.empty` code so the importer decides
 * per field whether a missing value is an error.
 */
import { isIsoDate, type IsoDate } from '../dates'
import type { ProducerType } from '../db/records'
import { normalizeText, searchKey } from '../text/vietnamese'

/** Stable codes for a value that cannot be read; the importer maps them to row messages. */
export type ValueProblemCode =
  | 'stars.empty'
  | 'stars.unreadable'
  | 'stars.out-of-range'
  | 'score.empty'
  | 'score.unreadable'
  | 'score.out-of-range'
  | 'year.empty'
  | 'year.unreadable'
  | 'year.out-of-range'
  | 'date.empty'
  | 'date.unreadable'
  | 'date.invalid'
  | 'producer-type.empty'
  | 'producer-type.unknown'

/** The outcome of reading one cell. */
export type ValueResult<T> = { ok: true; value: T } | { ok: false; code: ValueProblemCode }

const ok = <T>(value: T): ValueResult<T> => ({ ok: true, value })
const fail = <T>(code: ValueProblemCode): ValueResult<T> => ({ ok: false, code })

/** Unwraps ExcelJS cell objects (rich text, hyperlink, formula result) to the plain value. */
export function cellValue(value: unknown): unknown {
  if (value === null || typeof value !== 'object' || value instanceof Date) return value
  const v = value as Record<string, unknown>
  if (Array.isArray(v.richText)) {
    return v.richText
      .map((run) => {
        const text = (run as { text?: unknown }).text
        return typeof text === 'string' ? text : ''
      })
      .join('')
  }
  if ('formula' in v || 'sharedFormula' in v) return cellValue(v.result ?? null)
  if ('hyperlink' in v && 'text' in v) return cellValue(v.text)
  if ('error' in v) return null
  return value
}

/** The fixtures' text rule: NFC, U+00A0 and line breaks to spaces, runs collapsed, trimmed. */
export function cleanText(value: unknown): string {
  const v = cellValue(value)
  if (v === null || v === undefined) return ''
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? '' : isoFromUtc(v)
  if (typeof v === 'string') return normalizeText(v) // \s covers U+00A0 and line breaks
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v)
  return ''
}

const STAR_WORDS: Record<string, number> = {
  mot: 1,
  hai: 2,
  ba: 3,
  bon: 4,
  tu: 4,
  nam: 5,
  sau: 6,
  bay: 7,
}
const ROMAN: Record<string, number> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
}

function starsInRange(n: number): ValueResult<number> {
  return n >= 1 && n <= 5 ? ok(n) : fail('stars.out-of-range')
}

function countOf(word: string): number {
  return /^\d/u.test(word) ? Number.parseInt(word, 10) : (STAR_WORDS[word] ?? ROMAN[word] ?? NaN)
}

// On diacritic-free keys. A count is a whole number (3, 3,0), a number word or a roman numeral,
// standing alone: not part of a word, a decimal ("3,5") or a range ("3-4").
const COUNT = String.raw`(?<![\p{L}\p{N}.,\-/])(\d+(?:[.,]0+)?|mot|hai|ba|bon|tu|nam|sau|bay|i{1,3}|iv|vi{0,3}|ix|x)`
/** A count said to be stars: "3 sao", "ba sao", "3*", "3 ★". */
const STAR_PHRASE = new RegExp(String.raw`${COUNT}\s*(?:sao(?!\p{L})|\*+|★+)`, 'gu')
/** Stars drawn alone: "★★★", "***" (not "★★★☆☆", which shows a rating out of five). */
const STAR_RUN = /(?<![\p{N}*★☆])(?:\*+|★+)(?![*★☆])/gu
/** What may not stay beside a star count: another number, more stars, or "or" (hoặc, hay). */
const ANOTHER_COUNT = /(?<![\p{N}.,])\d(?![\p{N}])|[*★☆]|(?<!\p{L})(?:hoac|hay)(?!\p{L})/u

/**
 * Stars written among words, as national and provincial lists write them: "Đạt 3 sao",
 * "4 sao (cấp tỉnh)", "5 sao - cấp Quốc gia", "Hạng 4 sao năm 2023". Remarks in brackets are left
 * out; the rest must name exactly one count ("3 sao hoặc 4 sao" and "3-4 sao" name none for sure).
 * Null when the text names no stars this way.
 */
function starsAmongWords(key: string): ValueResult<number> | null {
  const counts = new Set<number>()
  const rest = key
    .replace(/\([^()]*\)|\[[^[\]]*\]/gu, ' ')
    .replace(STAR_PHRASE, (_, count: string) => {
      counts.add(countOf(count))
      return ' '
    })
    .replace(STAR_RUN, (run) => {
      counts.add(run.length)
      return ' '
    })
  if (counts.size === 0) return null
  const [count] = counts
  if (counts.size > 1 || ANOTHER_COUNT.test(rest) || count === undefined) {
    return fail('stars.unreadable')
  }
  return starsInRange(count)
}

/**
 * Stars 1-5 from 3, "3", "3 sao", "3*", "★★★", "III", "Ba sao", "Hạng 3 sao", "3,0", and from
 * sentences that name one count: "Đạt 3 sao", "4 sao (cấp tỉnh)", "5 sao - cấp Quốc gia".
 */
export function parseStars(value: unknown): ValueResult<number> {
  const v = cellValue(value)
  if (typeof v === 'number') {
    if (!Number.isFinite(v) || !Number.isInteger(v)) return fail('stars.unreadable')
    return starsInRange(v)
  }
  if (typeof v !== 'string')
    return v === null || v === undefined ? fail('stars.empty') : fail('stars.unreadable')
  const text = cleanText(v)
  if (!text) return fail('stars.empty')
  const worded = starsAmongWords(searchKey(text))
  if (worded !== null) return worded
  const key = searchKey(text)
    .replace(/^hang\s*/u, '')
    .replace(/\s*sao$/u, '')
    .trim()
  const digits = /^(-?\d+)(?:[.,]0+)?$/u.exec(key)
  if (digits) return starsInRange(Number(digits[1]))
  const word = STAR_WORDS[key] ?? ROMAN[key]
  return word === undefined ? fail('stars.unreadable') : starsInRange(word)
}

/** A score 0-100 from a number or text with a comma or dot decimal ("72,5", "72,5 điểm"); not rounded. */
export function parseScore(value: unknown): ValueResult<number> {
  const v = cellValue(value)
  let n: number
  if (typeof v === 'number') {
    n = v
  } else if (typeof v === 'string') {
    const key = searchKey(cleanText(v)).replace(/\s*(?:diem|d)$/u, '')
    if (!key) return fail('score.empty')
    if (!/^[+-]?\d+(?:[.,]\d+)?$/u.test(key)) return fail('score.unreadable')
    n = Number(key.replace(',', '.'))
  } else {
    return v === null || v === undefined ? fail('score.empty') : fail('score.unreadable')
  }
  if (!Number.isFinite(n)) return fail('score.unreadable')
  return n >= 0 && n <= 100 ? ok(n) : fail('score.out-of-range')
}

/** The years a year cell may hold. */
export interface YearRange {
  min: number
  max: number
}

/** A four-digit year from 2020, 2020.0, "2020", "Năm 2020" or a date cell; outside the range → error. */
export function parseYear(
  value: unknown,
  range: YearRange = { min: 2010, max: 2100 },
): ValueResult<number> {
  const v = cellValue(value)
  let n: number
  if (v instanceof Date) {
    if (Number.isNaN(v.getTime())) return fail('year.unreadable')
    n = v.getUTCFullYear()
  } else if (typeof v === 'number') {
    if (!Number.isInteger(v)) return fail('year.unreadable')
    n = v
  } else if (typeof v === 'string') {
    const key = searchKey(cleanText(v)).replace(/^nam\s*/u, '')
    if (!key) return fail('year.empty')
    const m = /^(-?\d+)(?:[.,]0+)?$/u.exec(key)
    if (!m) return fail('year.unreadable')
    n = Number(m[1])
  } else {
    return v === null || v === undefined ? fail('year.empty') : fail('year.unreadable')
  }
  return n >= range.min && n <= range.max ? ok(n) : fail('year.out-of-range')
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0')
}

function isoFromUtc(date: Date): IsoDate {
  return `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`
}

function isoFromParts(y: number, m: number, d: number): ValueResult<IsoDate> {
  const iso = `${pad(y, 4)}-${pad(m)}-${pad(d)}`
  return isIsoDate(iso) ? ok(iso) : fail('date.invalid')
}

const DAY_MS = 86_400_000
const EXCEL_EPOCH = Date.UTC(1899, 11, 30)
const EXCEL_MAX_SERIAL = 2_958_465 // 31/12/9999

/** An Excel serial (1900 date system) as YYYY-MM-DD; serial 60 is Excel's fake 29/02/1900. */
export function excelSerialToIso(serial: number): ValueResult<IsoDate> {
  if (!Number.isFinite(serial) || serial < 1 || serial >= EXCEL_MAX_SERIAL + 1) {
    return fail('date.unreadable')
  }
  const day = Math.floor(serial) // a time of day does not change the date
  if (day === 60) return fail('date.invalid')
  // Excel counts 29/02/1900, which never existed: serials before it are one day later than
  // the 1899-12-30 epoch gives.
  const ms = EXCEL_EPOCH + (day < 60 ? day + 1 : day) * DAY_MS
  return ok(isoFromUtc(new Date(ms)))
}

/** A date as YYYY-MM-DD from a Date cell, an Excel serial or dd/mm/yyyy-style text. */
export function parseDate(value: unknown): ValueResult<IsoDate> {
  const v = cellValue(value)
  if (v instanceof Date)
    return Number.isNaN(v.getTime()) ? fail('date.unreadable') : ok(isoFromUtc(v))
  if (typeof v === 'number') return excelSerialToIso(v)
  if (typeof v !== 'string') {
    return v === null || v === undefined ? fail('date.empty') : fail('date.unreadable')
  }
  const key = searchKey(cleanText(v))
  if (!key) return fail('date.empty')
  const dmy = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d{4})$/u.exec(key)
  if (dmy) return isoFromParts(Number(dmy[4]), Number(dmy[3]), Number(dmy[1]))
  const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?z?)?$/u.exec(key)
  if (ymd) return isoFromParts(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]))
  const words = /^(?:ngay\s*)?(\d{1,2})\s*thang\s*(\d{1,2})\s*(?:,\s*)?nam\s*(\d{4})$/u.exec(key)
  if (words) return isoFromParts(Number(words[3]), Number(words[2]), Number(words[1]))
  return fail('date.unreadable')
}

// Diacritic-free, dot-free keys; a cell matches when it is one of these or starts with one
// followed by a space ("Công ty TNHH …", "Hộ kinh doanh cá thể").
const PRODUCER_TYPE_KEYS: readonly (readonly [string, ProducerType])[] = [
  ['htx', 'htx'],
  ['hop tac xa', 'htx'],
  ['lien hiep htx', 'htx'],
  ['lien hiep hop tac xa', 'htx'],
  ['dn', 'doanh-nghiep'],
  ['dntn', 'doanh-nghiep'],
  ['doanh nghiep', 'doanh-nghiep'],
  ['cong ty', 'doanh-nghiep'],
  ['cty', 'doanh-nghiep'],
  ['ctcp', 'doanh-nghiep'],
  ['tnhh', 'doanh-nghiep'],
  ['tht', 'to-hop-tac'],
  ['to hop tac', 'to-hop-tac'],
  ['hkd', 'ho-kinh-doanh'],
  ['ho kd', 'ho-kinh-doanh'],
  ['ho kinh doanh', 'ho-kinh-doanh'],
  ['ho sxkd', 'ho-kinh-doanh'],
  ['ho sx kd', 'ho-kinh-doanh'],
  ['ho san xuat kinh doanh', 'ho-kinh-doanh'],
  ['ho san xuat', 'ho-kinh-doanh'],
]

/** The producer type from "Hợp tác xã"/"HTX", "Doanh nghiệp"/"DN"/"Công ty", "THT", "HKD"/"Hộ KD" …. */
export function parseProducerType(value: unknown): ValueResult<ProducerType> {
  const text = cleanText(value)
  if (!text) return fail('producer-type.empty')
  const key = searchKey(text.replace(/[.]/gu, ' ').replace(/[-–,;:()]/gu, ' '))
  let best: { length: number; type: ProducerType } | undefined
  for (const [prefix, type] of PRODUCER_TYPE_KEYS) {
    if (
      (key === prefix || key.startsWith(`${prefix} `)) &&
      (!best || prefix.length > best.length)
    ) {
      best = { length: prefix.length, type }
    }
  }
  return best ? ok(best.type) : fail('producer-type.unknown')
}
