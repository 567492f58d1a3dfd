/**
 * Which web pages the app may open in the system browser. `shell.openExternal` hands a URL to the
 * operating system, which would happily run `file:`, `ms-settings:` or a lookalike host, so only
 * these exact https origins pass: official OCOP and legal-text sites a clerk needs.
 */

/** Origins (scheme + host, default port) the app may open; compared exactly, never by suffix. */
export const ALLOWED_EXTERNAL_ORIGINS: readonly string[] = [
  'https://ocop.gov.vn',
  'https://thuvienphapluat.vn',
  'https://vanban.chinhphu.vn',
]

const allowedHosts = new Set(ALLOWED_EXTERNAL_ORIGINS.map((origin) => new URL(origin).host))

/** True when `url` is an https URL without credentials on an allow-listed host. */
export function isAllowedExternalUrl(url: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  // `host` includes a non-default port, so https://ocop.gov.vn:8443 does not match ocop.gov.vn.
  // Credentials are refused: a URL like https://user:secret@ocop.gov.vn would hand a password
  // to the browser, and nothing the app links to needs one.
  return (
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    allowedHosts.has(parsed.host)
  )
}
