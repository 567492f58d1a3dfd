/**
 * Rules applied to every web contents the app ever creates (`web-contents-created`), so a window
 * or frame added later cannot forget them. The renderer shows only our own pages: it may not
 * navigate away, open windows, embed webviews, load remote content or be granted permissions.
 */
import type { App, Session, WebContents } from 'electron'
import { originOf } from './protocol'

export interface SecurityOptions {
  /** Origins our own pages are served from: APP_ORIGIN, plus the dev server in development. */
  trustedOrigins: readonly string[]
  /** The https allow-list shared with the `app.openExternal` service. */
  isAllowedExternalUrl(url: string): boolean
  openExternal(url: string): Promise<void>
}

export function isTrustedOrigin(url: string, trustedOrigins: readonly string[]): boolean {
  const origin = originOf(url)
  return origin !== null && trustedOrigins.includes(origin)
}

/**
 * Whether the session may load a URL at all. Only web schemes are filtered: the app's own scheme,
 * data:, blob: and devtools: never leave the machine. In development the Vite server's http and
 * HMR websocket are the only network peers; in production there are none.
 */
export function isAllowedRequest(url: string, trustedOrigins: readonly string[]): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) return true
  const asHttp = parsed.protocol.startsWith('ws')
    ? `${parsed.protocol === 'wss:' ? 'https:' : 'http:'}//${parsed.host}`
    : parsed.origin
  return trustedOrigins.includes(asHttp)
}

/**
 * The only permission granted: durable storage for our own origin, so Chromium never evicts the
 * clerk's IndexedDB register when the disk runs low. Everything else (camera, notifications,
 * clipboard reads, geolocation, HID…) is refused; the app needs none of it.
 */
export function isPermissionGranted(
  permission: string,
  requestingUrl: string | undefined,
  trustedOrigins: readonly string[],
): boolean {
  if (permission !== 'persistent-storage' || !requestingUrl) return false
  return isTrustedOrigin(requestingUrl, trustedOrigins)
}

const hardenedSessions = new WeakSet<Session>()

export function hardenSession(session: Session, trustedOrigins: readonly string[]): void {
  if (hardenedSessions.has(session)) return
  hardenedSessions.add(session)
  session.setPermissionRequestHandler((_contents, permission, callback, details) => {
    callback(isPermissionGranted(permission, details.requestingUrl, trustedOrigins))
  })
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) =>
    isPermissionGranted(permission, requestingOrigin, trustedOrigins),
  )
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequest(details.url, trustedOrigins)
    if (!allowed) console.warn(`[security] blocked request to ${details.url}`)
    callback({ cancel: !allowed })
  })
}

export function applyWebContentsRules(contents: WebContents, options: SecurityOptions): void {
  hardenSession(contents.session, options.trustedOrigins)

  // A navigation away from our origin would hand the privileged window (and its preload API) to
  // someone else's page. Allow-listed https links are opened in the system browser instead.
  const guardNavigation = (event: { url: string; preventDefault(): void }): void => {
    if (isTrustedOrigin(event.url, options.trustedOrigins)) return
    event.preventDefault()
    openIfAllowed(event.url, options)
  }
  contents.on('will-navigate', guardNavigation)
  contents.on('will-frame-navigate', guardNavigation)
  contents.on('will-redirect', guardNavigation)

  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, options)
    return { action: 'deny' }
  })

  contents.on('will-attach-webview', (event) => {
    event.preventDefault()
  })
}

function openIfAllowed(url: string, options: SecurityOptions): void {
  if (!options.isAllowedExternalUrl(url)) {
    console.warn(`[security] refused to open ${url}`)
    return
  }
  options.openExternal(url).catch((error: unknown) => {
    console.error(`[security] cannot open ${url} externally:`, error)
  })
}

/** Installs the rules for every web contents, including ones created before a window exists. */
export function installSecurityRules(app: Pick<App, 'on'>, options: SecurityOptions): void {
  app.on('web-contents-created', (_event, contents) => applyWebContentsRules(contents, options))
}
