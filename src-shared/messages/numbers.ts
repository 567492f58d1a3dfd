/** Numbers in the catalogue's sentences, written as each language writes them. */
import type { Locale } from './catalogue'

const MIB = 1024 * 1024

const TAGS: Readonly<Record<Locale, string>> = { vi: 'vi-VN', en: 'en-GB' }

/** 200000 → '200.000' in Vietnamese, '200,000' in English. */
export function count(n: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale]).format(n)
}

/** A size in MiB, to one decimal at most: 52428800 → '50'; 52953088 → '50,5' ('50.5'). */
export function megabytes(bytes: number, locale: Locale): string {
  return new Intl.NumberFormat(TAGS[locale], { maximumFractionDigits: 1 }).format(bytes / MIB)
}
