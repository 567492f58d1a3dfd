import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { request as httpRequest } from 'node:http'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebHost, type WebHost } from '../../../../src-main/web/web-host'

let host: WebHost
let port: number
let dataDir: string

beforeAll(async () => {
  const rendererDir = mkdtempSync(join(tmpdir(), 'ocop-renderer-'))
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>OCOP Desk</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  dataDir = mkdtempSync(join(tmpdir(), 'ocop-web-data-'))
  host = await startWebHost({ port: 0, dataDir, rendererDir, version: '9.9.9' })
  port = Number(new URL(host.url).port)
})
afterAll(() => host.close())

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}
function send(
  path: string,
  options: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const body = options.body === undefined ? undefined : JSON.stringify(options.body)
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port,
        path,
        method: options.method ?? (body ? 'POST' : 'GET'),
        headers: { 'Content-Type': 'application/json', ...options.headers },
      },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (text += chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: text }),
        )
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}
const call = (channel: string, payload: unknown, headers?: Record<string, string>) =>
  send(`/api/call/${channel}`, { method: 'POST', body: payload, ...(headers ? { headers } : {}) })

describe('web host', () => {
  it('answers a call from its own pages through the service table', async () => {
    const reply = await call('app.info', null, { Origin: `http://127.0.0.1:${port}` })
    expect(reply.status).toBe(200)
    expect(JSON.parse(reply.body)).toEqual({
      ok: true,
      value: { version: '9.9.9', host: 'web', dataDir, backupDir: join(dataDir, 'backups') },
    })
  })

  it('refuses calls from another origin without running them', async () => {
    const reply = await call(
      'backup.write',
      { kind: 'manual', content: '{}' },
      { Origin: 'http://evil.example' },
    )
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.body).error).toMatchObject({ code: 'ipc.foreign-origin' })
    const list = JSON.parse((await call('backup.list', null)).body)
    expect(list).toEqual({ ok: true, value: [] })
  })

  it('refuses a request whose Host header names another site (DNS rebinding)', async () => {
    const reply = await call('app.info', null, { Host: `attacker.example:${port}` })
    expect(reply.status).toBe(403)
  })

  it('refuses bad payloads and unknown channels with a Vietnamese message', async () => {
    const bad = JSON.parse((await call('backup.read', { name: '../../etc/passwd' })).body)
    expect(bad.ok).toBe(false)
    expect(bad.error.code).toBe('ipc.invalid-payload')
    expect(bad.error.message).toContain('bị từ chối')
    const unknown = JSON.parse((await call('shell.exec', { cmd: 'rm' })).body)
    expect(unknown.error.code).toBe('ipc.unknown-channel')
    // Dialog channels are the browser's job in the web host, never the server's.
    const dialog = JSON.parse((await call('file.open', { title: 'x', filters: [] })).body)
    expect(dialog.error.code).toBe('ipc.unknown-channel')
  })

  it('serves the renderer with the content security policy and nothing outside it', async () => {
    const index = await send('/')
    expect(index.status).toBe(200)
    expect(index.headers['content-security-policy']).toContain("script-src 'self'")
    expect((await send('/assets/app.js')).headers['content-type']).toContain('text/javascript')
    expect((await send('/../package.json')).status).toBe(404)
    expect((await send('/%2e%2e/%2e%2e/etc/passwd')).status).toBe(404)
  })
})
