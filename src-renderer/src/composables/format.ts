/** Display formats of the Vietnamese UI: dd/mm/yyyy dates, Vietnamese digit grouping. */
const dateTime = new Intl.DateTimeFormat('vi-VN', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
})
const number = new Intl.NumberFormat('vi-VN')

export function formatDateTime(iso: string): string {
  return dateTime.format(new Date(iso))
}

export function formatNumber(value: number): string {
  return number.format(value)
}

/** File sizes in the units a clerk knows (KB, MB), with a Vietnamese decimal comma. */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`
  if (bytes < 1024 * 1024)
    return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024)} KB`
  return `${new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 }).format(bytes / 1024 / 1024)} MB`
}

const score = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 })

/** A score the Vietnamese way: 72,5 (decimals kept, no rounding to whole points). */
export function formatScore(value: number | null): string {
  return value === null ? '' : score.format(value)
}

/** A number as the clerk typed it: its value (null when empty), or why the text is not one. */
export type TypedNumber =
  { ok: true; value: number | null } | { ok: false; problem: 'notNumber' | 'notWholeNumber' }

/**
 * Reads a typed number, with a comma or a dot as the decimal mark ("72,5" and "72.5" are 72.5).
 * A sign is read too: "-5" is -5, for the form's checks to refuse with their own reason.
 */
export function readTypedNumber(text: string, decimals: boolean): TypedNumber {
  const cleaned = text.trim()
  if (cleaned === '') return { ok: true, value: null }
  const pattern = decimals ? /^[+-]?\d+(?:[.,]\d+)?$/ : /^[+-]?\d+$/
  if (!pattern.test(cleaned))
    return { ok: false, problem: decimals ? 'notNumber' : 'notWholeNumber' }
  return { ok: true, value: Number(cleaned.replace(',', '.')) }
}
