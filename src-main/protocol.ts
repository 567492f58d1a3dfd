/**
 * The `app://ocop-desk` origin the production renderer is served from, and the handler that serves
 * out/renderer under it.
 *
 * Chromium keys IndexedDB (the clerk's whole register) by origin, so APP_ORIGIN is the database's
 * identity: changing the scheme, host or port would open an empty database. It is fixed here once.
 */
import { readFile } from 'node:fs/promises'
import { extname, isAbsolute, relative, resolve, sep } from 'node:path'
import { protocol } from 'electron'

export const APP_SCHEME = 'app'
export const APP_HOST = 'ocop-desk'
export const APP_ORIGIN = 'app://ocop-desk'

/**
 * Sent with every response of the app scheme. Naive UI injects <style> elements at run time, hence
 * 'unsafe-inline' for styles only; scripts stay 'self' so injected markup can never run code.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ')

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.wasm': 'application/wasm',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
}

export function mimeTypeOf(file: string): string {
  return MIME_TYPES[extname(file).toLowerCase()] ?? 'application/octet-stream'
}

/**
 * The origin of a URL as Chromium sees it. Node's URL reports `null` as the origin of any
 * non-special scheme such as `app:`, so it is rebuilt from scheme and host here; comparing
 * `url.origin` directly would either match nothing or, worse, match every custom-scheme URL.
 */
export function originOf(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return null
  }
  if (parsed.origin !== 'null') return parsed.origin
  if (parsed.host === '') return null
  return `${parsed.protocol}//${parsed.host}`
}

/**
 * The Vite dev server's origin while developing, or null. It is honoured only in an unpackaged
 * app and only on loopback: in a shipped app an environment variable must never be able to point
 * the privileged window (and its IPC) at another page.
 */
export function devServerOrigin(
  rendererUrl: string | undefined,
  isPackaged: boolean,
): string | null {
  if (isPackaged || !rendererUrl) return null
  let parsed: URL
  try {
    parsed = new URL(rendererUrl)
  } catch {
    return null
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(parsed.hostname)
  return parsed.protocol === 'http:' && loopback ? parsed.origin : null
}

/** The origins whose pages may navigate the window and call IPC: the app, plus Vite in dev. */
export function trustedOrigins(devOrigin: string | null): string[] {
  return devOrigin ? [APP_ORIGIN, devOrigin] : [APP_ORIGIN]
}

/**
 * Maps an `app://ocop-desk/…` URL to a file inside the renderer folder, or null when the URL is
 * for another host or would leave the folder. Chromium already folds `../` in standard URLs, but
 * percent-encoded separators (`%2e%2e%2f`, `%5c`) and absolute Windows paths survive that, so the
 * decoded path is resolved and checked against the folder.
 */
export function resolveRendererFile(rendererDir: string, requestUrl: string): string | null {
  let url: URL
  try {
    url = new URL(requestUrl)
  } catch {
    return null
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null
  let pathname: string
  try {
    pathname = decodeURIComponent(url.pathname)
  } catch {
    return null
  }
  if (pathname.includes('\0')) return null
  if (pathname === '' || pathname === '/') pathname = '/index.html'
  const root = resolve(rendererDir)
  const file = resolve(root, `.${pathname}`)
  const inside = relative(root, file)
  if (inside === '' || inside === '..' || inside.startsWith(`..${sep}`) || isAbsolute(inside)) {
    return null
  }
  return file
}

function securityHeaders(contentType: string): Record<string, string> {
  return {
    'Content-Type': contentType,
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  }
}

function plainResponse(status: number, text: string): Response {
  return new Response(text, { status, headers: securityHeaders('text/plain; charset=utf-8') })
}

/** The request handler for the app scheme, serving files of `rendererDir` and nothing else. */
export function createRendererHandler(
  rendererDir: string,
  read: (file: string) => Promise<Uint8Array> = readFile,
): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return plainResponse(405, 'Method Not Allowed')
    }
    const file = resolveRendererFile(rendererDir, request.url)
    if (!file) return plainResponse(404, 'Not Found')
    let body: Uint8Array
    try {
      body = await read(file)
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code
      if (code === 'ENOENT' || code === 'EISDIR' || code === 'ENOTDIR') {
        return plainResponse(404, 'Not Found')
      }
      console.error(`[protocol] cannot read ${file}:`, error)
      return plainResponse(500, 'Internal Error')
    }
    const payload = request.method === 'HEAD' ? null : new Uint8Array(body)
    return new Response(payload, { status: 200, headers: securityHeaders(mimeTypeOf(file)) })
  }
}

/**
 * Must run before `app` is ready. `standard` gives the scheme real origins (so IndexedDB and
 * relative URLs work), `secure` makes it a secure context; CORS stays off because the renderer
 * never needs cross-origin requests.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    {
      scheme: APP_SCHEME,
      privileges: {
        standard: true,
        secure: true,
        supportFetchAPI: true,
        corsEnabled: false,
        stream: true,
      },
    },
  ])
}

/** Serves the built renderer on the default session's app scheme; call once `app` is ready. */
export function registerAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createRendererHandler(rendererDir))
}
