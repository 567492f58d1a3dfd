import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { protocol } from './electron-mock'

vi.mock('electron', () => import('./electron-mock'))

const {
  APP_ORIGIN,
  CONTENT_SECURITY_POLICY,
  createRendererHandler,
  devServerOrigin,
  originOf,
  registerAppScheme,
  resolveRendererFile,
} = await import('../../../../src-main/protocol')

let base: string
let rendererDir: string

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'ocop-protocol-'))
  rendererDir = join(base, 'renderer')
  mkdirSync(join(rendererDir, 'assets'), { recursive: true })
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>OCOP Desk</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  writeFileSync(join(rendererDir, 'assets', 'font.woff2'), 'w')
  // A secret beside the renderer folder, which traversal attempts aim at.
  writeFileSync(join(base, 'secret.txt'), 'secret')
})

afterAll(() => rmSync(base, { recursive: true, force: true }))

beforeEach(() => vi.clearAllMocks())

const get = (url: string, method = 'GET') =>
  createRendererHandler(rendererDir)(new Request(url, { method }))

describe('app origin', () => {
  it('is fixed, because IndexedDB data is keyed by it', () => {
    expect(APP_ORIGIN).toBe('app://ocop-desk')
  })

  it('derives the origin of custom-scheme URLs, which Node reports as "null"', () => {
    expect(originOf('app://ocop-desk/index.html#/cai-dat')).toBe('app://ocop-desk')
    expect(originOf('app://other/index.html')).toBe('app://other')
    expect(originOf('https://ocop.gov.vn/a?b')).toBe('https://ocop.gov.vn')
    expect(originOf('not a url')).toBeNull()
    expect(originOf('file:///C:/Windows/system.ini')).toBeNull()
  })

  it('trusts a dev server only when unpackaged and on loopback', () => {
    expect(devServerOrigin('http://localhost:5173/', false)).toBe('http://localhost:5173')
    expect(devServerOrigin('http://localhost:5173/', true)).toBeNull()
    expect(devServerOrigin('http://evil.example:5173/', false)).toBeNull()
    expect(devServerOrigin('https://127.0.0.1/', false)).toBeNull()
    expect(devServerOrigin(undefined, false)).toBeNull()
  })

  it('registers the scheme as standard and secure, with CORS off', () => {
    registerAppScheme()
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: {
          standard: true,
          secure: true,
          supportFetchAPI: true,
          corsEnabled: false,
          stream: true,
        },
      },
    ])
  })
})

describe('renderer handler', () => {
  it('serves index.html with the CSP header', async () => {
    const response = await get('app://ocop-desk/')
    expect(response.status).toBe(200)
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8')
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY)
    expect(await response.text()).toContain('<title>OCOP Desk</title>')
  })

  it('has the agreed CSP: self-only scripts, inline styles for Naive UI, nothing embeddable', () => {
    expect(CONTENT_SECURITY_POLICY).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; object-src 'none'; " +
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    )
  })

  it('serves assets with their MIME types', async () => {
    const script = await get('app://ocop-desk/assets/app.js')
    expect(script.status).toBe(200)
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(script.headers.get('x-content-type-options')).toBe('nosniff')
    const font = await get('app://ocop-desk/assets/font.woff2')
    expect(font.headers.get('content-type')).toBe('font/woff2')
  })

  it.each([
    'app://ocop-desk/%2e%2e/secret.txt',
    'app://ocop-desk/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://ocop-desk/..%2fsecret.txt',
    'app://ocop-desk/%2e%2e%5csecret.txt',
    'app://ocop-desk/%00index.html',
    'app://ocop-desk/%E0%A4%A',
    'app://other-host/index.html',
  ])('refuses %s', async (url) => {
    const response = await get(url)
    expect(response.status).toBe(404)
    expect(await response.text()).not.toContain('secret')
  })

  it('never resolves a path outside the renderer folder', () => {
    // An encoded separator survives URL parsing and only becomes `../` once decoded.
    expect(resolveRendererFile(rendererDir, 'app://ocop-desk/..%2fsecret.txt')).toBeNull()
    expect(
      resolveRendererFile(rendererDir, 'app://ocop-desk/a/..%2f..%2f..%2fsecret.txt'),
    ).toBeNull()
    // Dot segments written as %2e are folded by the URL parser itself, so they stay inside.
    expect(resolveRendererFile(rendererDir, 'app://ocop-desk/%2e%2e/secret.txt')).toBe(
      join(rendererDir, 'secret.txt'),
    )
    expect(resolveRendererFile(rendererDir, 'app://ocop-desk/assets/app.js')).toBe(
      join(rendererDir, 'assets', 'app.js'),
    )
  })

  it('answers 404 for a missing file and 405 for writes', async () => {
    expect((await get('app://ocop-desk/nope.js')).status).toBe(404)
    expect((await get('app://ocop-desk/assets')).status).toBe(404)
    expect((await get('app://ocop-desk/index.html', 'POST')).status).toBe(405)
  })
})
