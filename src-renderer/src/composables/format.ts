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

/** Reads a score typed with a comma or a dot as the decimal mark ("72,5" and "72.5" are 72.5). */
export function parseScore(text: string): number | null {
  const cleaned = text.trim().replace(',', '.')
  if (cleaned === '') return null
  const value = Number(cleaned)
  return Number.isFinite(value) ? value : null
}
