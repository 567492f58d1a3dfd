/** Date-only values are stored as 'YYYY-MM-DD' strings: Excel dates are zoneless, so are ours. */
export type IsoDate = string

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/

/** True when `value` is a real calendar date written as YYYY-MM-DD. */
export function isIsoDate(value: string): boolean {
  const m = ISO_DATE.exec(value)
  if (!m) return false
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])]
  const date = new Date(Date.UTC(y, mo - 1, d))
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d
}

/** Formats an ISO date the Vietnamese way, dd/mm/yyyy; empty for null. */
export function formatViDate(value: IsoDate | null | undefined): string {
  if (!value) return ''
  const m = ISO_DATE.exec(value)
  return m ? `${m[3]}/${m[2]}/${m[1]}` : value
}

/** Today's date in the local calendar as YYYY-MM-DD. */
export function todayIso(now: Date = new Date()): IsoDate {
  const y = now.getFullYear()
  const m = String(now.getMonth() + 1).padStart(2, '0')
  const d = String(now.getDate()).padStart(2, '0')
  return `${y}-${m}-${d}`
}

/** The day before an ISO date (used for "valid until the day before the successor starts"). */
export function dayBefore(value: IsoDate): IsoDate {
  const m = ISO_DATE.exec(value)
  if (!m) throw new RangeError(`not an ISO date: ${value}`)
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) - 1))
  return date.toISOString().slice(0, 10)
}
