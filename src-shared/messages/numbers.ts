/** Numbers and times in the catalogue's sentences, written as each language writes them. */
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

/** A moment (ISO timestamp) in the local time zone: '14:05 12/03/2025' ('14:05, 12/03/2025'). */
export function moment(iso: string, locale: Locale): string {
  const date = new Date(iso)
  const time = new Intl.DateTimeFormat(TAGS[locale], { hour: '2-digit', minute: '2-digit' })
  const day = new Intl.DateTimeFormat(TAGS[locale], {
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
  })
  return `${time.format(date)}${locale === 'en' ? ',' : ''} ${day.format(date)}`
}
