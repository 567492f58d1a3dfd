/**
 * JSON encoding for the web host's HTTP transport, where Electron's structured clone is not
 * available: byte arrays travel as base64 inside `{ $bytes: "…" }`.
 */

/** Replaces every Uint8Array in a value with `{ $bytes: base64 }`, for JSON.stringify. */
export function toWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { $bytes: bytesToBase64(value) }
  if (Array.isArray(value)) return value.map(toWire)
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toWire(v)]))
  }
  return value
}

/** Turns `{ $bytes: base64 }` back into Uint8Array after JSON.parse. */
export function fromWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(fromWire)
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>
    const keys = Object.keys(record)
    if (keys.length === 1 && typeof record.$bytes === 'string') return base64ToBytes(record.$bytes)
    return Object.fromEntries(keys.map((k) => [k, fromWire(record[k])]))
  }
  return value
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = ''
  const chunk = 0x8000
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk))
  }
  return btoa(binary)
}

function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64)
  const bytes = new Uint8Array(binary.length)
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i)
  return bytes
}
