/**
 * OCOP certificates (giấy chứng nhận): how long they last and what state they are in on a day.
 * All arithmetic is on calendar days in UTC: an IsoDate has no time zone, and local-time Date
 * math shifts a day across midnight in UTC+7.
 */
import type { IsoDate } from '../dates'
import type { Evaluation } from '../db/records'

/** A certificate is valid 36 months from its decision date (QĐ 1048 and QĐ 148). */
export const CERTIFICATE_MONTHS = 36
/** Under QĐ 148 the owner must be told at least this many days before the certificate expires. */
export const NOTICE_DAYS = 30
/** The two warning windows before expiry, in days, each inclusive. */
export const EXPIRING_SOON_DAYS = 30
export const EXPIRING_DAYS = 90

export type CertificateStatus = 'valid' | 'expiring-90' | 'expiring-30' | 'expired' | 'none'

const DAY_MS = 86_400_000

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31
}

// The ranking views call this twice per product: it checks the date without building Date objects.
function utcParts(date: IsoDate): [number, number, number] {
  const [y, m, d] = [Number(date.slice(0, 4)), Number(date.slice(5, 7)), Number(date.slice(8, 10))]
  if (!ISO_DATE.test(date) || m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) {
    throw new RangeError(`not an ISO date: ${date}`)
  }
  return [y, m, d]
}

// A view asks every product's certificate state on its date: the register's few thousand distinct
// dates are each turned into a day number once (and the memory is bounded).
const epochDays = new Map<IsoDate, number>()
const KEPT_EPOCH_DAYS = 10_000

function epochDay(date: IsoDate): number {
  let day = epochDays.get(date)
  if (day === undefined) {
    const [y, m, d] = utcParts(date)
    day = Date.UTC(y, m - 1, d) / DAY_MS
    if (epochDays.size >= KEPT_EPOCH_DAYS) epochDays.clear()
    epochDays.set(date, day)
  }
  return day
}

function fromEpochDay(day: number): IsoDate {
  return new Date(day * DAY_MS).toISOString().slice(0, 10)
}

/** The date `days` calendar days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return fromEpochDay(epochDay(date) + days)
}

/** Whole calendar days from `date` to `other`: positive when `other` is later. */
export function daysUntil(date: IsoDate, other: IsoDate): number {
  return epochDay(other) - epochDay(date)
}

/**
 * The same day-of-month `months` months later; when that month is shorter, its last day
 * (2020-02-29 + 36 months → 2023-02-28).
 */
export function addMonthsClamped(date: IsoDate, months: number): IsoDate {
  const [y, m, d] = utcParts(date)
  const monthIndex = m - 1 + months
  // Day 0 of the following month is the last day of the target month.
  const lastDay = new Date(Date.UTC(y, monthIndex + 1, 0)).getUTCDate()
  return new Date(Date.UTC(y, monthIndex, Math.min(d, lastDay))).toISOString().slice(0, 10)
}

const twoDigits = (n: number) => (n < 10 ? `0${n}` : String(n))

/**
 * The last day of a span of `months` months that starts on `from` (counted as its first day):
 * the same day-of-month `months` later, clamped to that month's last day, minus one day.
 */
export function lastDayOfMonths(from: IsoDate, months: number): IsoDate {
  // Every 1★-2★ rank asks for this on every view date: plain arithmetic, no Date objects.
  const [y, m, d] = utcParts(from)
  const monthIndex = y * 12 + (m - 1) + months
  let year = Math.floor(monthIndex / 12)
  let month = (monthIndex % 12) + 1
  let day = Math.min(d, daysInMonth(year, month)) - 1
  if (day === 0) {
    month -= 1
    if (month === 0) {
      month = 12
      year -= 1
    }
    day = daysInMonth(year, month)
  }
  return `${year}-${twoDigits(month)}-${twoDigits(day)}`
}

/**
 * The last day a certificate is valid: the decision date + 36 months (same day-of-month,
 * clamped to the month's last day), minus one day. 2020-01-31 → 2023-01-30;
 * 2020-02-29 → 2023-02-27 (the anniversary clamps to 2023-02-28).
 */
export function certificateExpiry(decisionDate: IsoDate): IsoDate {
  return lastDayOfMonths(decisionDate, CERTIFICATE_MONTHS)
}

/**
 * The last valid day of the certificate an evaluation gave: the stored expiry date, or, for a 3★+
 * recognition stored without one, the one computed from its decision date. Null when there is no
 * certificate (1★-2★, or no decision yet).
 */
export function evaluationExpiry(
  evaluation: Pick<Evaluation, 'expiryDate' | 'decisionDate' | 'recognisedStars'>,
): IsoDate | null {
  if (evaluation.expiryDate) return evaluation.expiryDate
  if (evaluation.decisionDate && (evaluation.recognisedStars ?? 0) >= 3) {
    return certificateExpiry(evaluation.decisionDate)
  }
  return null
}

/**
 * A certificate's state on `date`: 'expired' from the day after its expiry date; 'expiring-30'
 * when 0-30 days are left, 'expiring-90' when 31-90 are left; 'none' without an expiry date.
 */
export function certificateStatusOn(expiryDate: IsoDate | null, date: IsoDate): CertificateStatus {
  if (!expiryDate) return 'none'
  const left = daysUntil(date, expiryDate)
  if (left < 0) return 'expired'
  if (left <= EXPIRING_SOON_DAYS) return 'expiring-30'
  if (left <= EXPIRING_DAYS) return 'expiring-90'
  return 'valid'
}

/** The last day to tell the owner that the certificate expires (30 days before, QĐ 148). */
export function noticeDueDate(expiryDate: IsoDate): IsoDate {
  return addDays(expiryDate, -NOTICE_DAYS)
}
