import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs'
import { readdir } from 'node:fs/promises'
import { request as httpRequest, createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startWebHost, type WebHost } from '../../../../src-main/web/web-host'
import { builtFile, runBuilt } from '../services/built-files'
import { thrown } from '../thrown'

let host: WebHost
let port: number
let token: string
let cookie: string
let dataDir: string
let rendererDir: string

beforeAll(async () => {
  rendererDir = mkdtempSync(join(tmpdir(), 'ocop-renderer-'))
  mkdirSync(join(rendererDir, 'assets'))
  writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>OCOP Desk</title>')
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)')
  dataDir = mkdtempSync(join(tmpdir(), 'ocop-web-data-'))
  host = await startWebHost({ port: 0, dataDir, rendererDir, version: '9.9.9' })
  const address = new URL(host.url)
  port = Number(address.port)
  token = address.searchParams.get('token') ?? ''
  const opened = await send(`${address.pathname}${address.search}`)
  cookie = String(opened.headers['set-cookie']).split(';')[0]!
})
afterAll(() => host.close())

interface Reply {
  status: number
  headers: Record<string, string | string[] | undefined>
  body: string
}
function send(
  path: string,
  options: { method?: string; body?: string; headers?: Record<string, string> } = {},
  toPort = port,
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      {
        host: '127.0.0.1',
        port: toPort,
        path,
        method: options.method ?? (options.body === undefined ? 'GET' : 'POST'),
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
    req.end(options.body)
  })
}
/** A call as the page makes it: with the cookie, unless the test says otherwise. */
const call = (channel: string, payload: unknown, headers: Record<string, string> = { cookie }) =>
  send(`/api/call/${channel}`, { method: 'POST', body: JSON.stringify(payload), headers })

describe('the address the host prints', () => {
  it('carries a random token of this run', async () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[A-Za-z0-9_-]{43}$/)
    const other = await startWebHost({ port: 0, dataDir, rendererDir, version: '9.9.9' })
    try {
      expect(new URL(other.url).searchParams.get('token')).not.toBe(token)
    } finally {
      await other.close()
    }
  })

  it('swaps the token for an HttpOnly, SameSite=Strict cookie and reloads without it', async () => {
    const opened = await send(`/?token=${token}`)

    expect(opened.status).toBe(302)
    expect(opened.headers.location).toBe('/')
    expect(opened.headers['set-cookie']).toEqual([
      `ocop-desk-${port}=${token}; HttpOnly; SameSite=Strict; Path=/`,
    ])
  })

  it('opens the page and its files, and answers calls, for a browser holding the cookie', async () => {
    // As a browser does: follow the redirect, sending the cookie it was given.
    const page = await send('/', { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(page.body).toContain('<title>OCOP Desk</title>')
    expect(page.headers['content-security-policy']).toContain("script-src 'self'")
    expect((await send('/assets/app.js', { headers: { cookie } })).status).toBe(200)

    const info = await call('app.info', null, { cookie, Origin: `http://127.0.0.1:${port}` })
    expect(info.status).toBe(200)
    expect(JSON.parse(info.body)).toEqual({
      ok: true,
      value: {
        version: '9.9.9',
        host: 'web',
        dataDir,
        backupDir: join(dataDir, 'backups'),
        issuedDir: join(dataDir, 'van-ban-da-phat-hanh'),
        user: expect.any(String),
      },
    })
  })
})

describe('a caller without the token', () => {
  it('gets a page saying how to get in, which reveals no token', async () => {
    for (const path of ['/', '/index.html', '/assets/app.js', `/?token=${'x'.repeat(43)}`]) {
      const reply = await send(path)
      expect(reply.status, path).toBe(401)
      expect(reply.headers['set-cookie'], path).toBeUndefined()
      expect(reply.body, path).not.toContain(token)
      expect(reply.body, path).toContain('mã truy cập')
      expect(reply.body, path).not.toContain('console.log')
    }
  })

  it('cannot call the API, read a backup or listen to events', async () => {
    const wrongCookie = { cookie: `ocop-desk-${port}=${'x'.repeat(43)}` }
    for (const headers of [{}, wrongCookie] as Record<string, string>[]) {
      const reply = await call('backup.list', null, headers)
      expect(reply.status).toBe(401)
      expect(JSON.parse(reply.body)).toMatchObject({ ok: false, error: { code: 'ipc.no-access' } })
      expect(JSON.parse(reply.body).error.message).toContain('npm run web')
    }
    expect((await send('/api/events')).status).toBe(401)
  })

  it("is not let in by another host's cookie on the same machine", async () => {
    const other = await startWebHost({ port: 0, dataDir, rendererDir, version: '9.9.9' })
    try {
      const otherPort = Number(new URL(other.url).port)
      expect((await send('/', { headers: { cookie } }, otherPort)).status).toBe(401)
    } finally {
      await other.close()
    }
  })
})

describe('a caller with the cookie but from elsewhere', () => {
  it('is refused when the call comes from another origin, and nothing is written', async () => {
    const reply = await call(
      'backup.writeManual',
      { content: '{}' },
      { cookie, Origin: 'http://evil.example' },
    )
    expect(reply.status).toBe(403)
    expect(JSON.parse(reply.body).error).toMatchObject({ code: 'ipc.foreign-origin' })
    await expect(readdir(join(dataDir, 'backups'))).rejects.toMatchObject({ code: 'ENOENT' })
  })

  it('is refused when the Host header names another site (DNS rebinding)', async () => {
    expect(
      (await call('app.info', null, { cookie, Host: `attacker.example:${port}` })).status,
    ).toBe(403)
    expect(
      (await send('/', { headers: { cookie, Host: `attacker.example:${port}` } })).status,
    ).toBe(403)
  })
})

describe('calls the host cannot use', () => {
  it('answers malformed JSON with the error envelope in Vietnamese, not an empty 500', async () => {
    const reply = await send('/api/call/app.info', {
      method: 'POST',
      body: '{"khong-dong":',
      headers: { cookie },
    })
    expect(reply.status).toBe(400)
    const envelope = JSON.parse(reply.body)
    expect(envelope).toMatchObject({ ok: false, error: { code: 'ipc.bad-json' } })
    expect(envelope.error.message).toContain('không phải JSON hợp lệ')
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
    const path = await send('/api/khong-co', { headers: { cookie } })
    expect(path.status).toBe(404)
    expect(JSON.parse(path.body).error.message).toContain('bị từ chối')
  })

  it('serves nothing outside the renderer folder', async () => {
    expect((await send('/../package.json', { headers: { cookie } })).status).toBe(404)
    expect((await send('/%2e%2e/%2e%2e/etc/passwd', { headers: { cookie } })).status).toBe(404)
  })
})

describe('a port already in use', () => {
  it('is refused in Vietnamese, naming the port and how to choose another', async () => {
    const error = await thrown(startWebHost({ port, dataDir, rendererDir, version: '9.9.9' }))
    expect(error.code).toBe('web.port-unavailable')
    expect(error.message).toContain(`Cổng ${port} đang được một chương trình khác dùng`)
    expect(error.message).toContain('--port')
  })
})

describe('npm run web (built)', () => {
  const webHost = (args: string[]) =>
    runBuilt('web-host.js', args, { env: { ...process.env, OCOP_WEB_DATA: dataDir } })

  it('--help prints Vietnamese usage naming its options, exit 0', async () => {
    const run = await webHost(['--help'])
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Cách dùng')
    for (const text of ['--port CỔNG', '--data THƯ-MỤC', '?token=', 'OCOP_WEB_TOKEN']) {
      expect(run.stdout).toContain(text)
    }
  })

  it.each([
    [['--bogus'], 'không có tuỳ chọn "--bogus"'],
    [['--port', 'abc'], '--port cần một số cổng'],
    [['--port'], 'tuỳ chọn "--port" cần một giá trị'],
    [['extra'], 'không hiểu "extra"'],
  ])('%j is a usage error in Vietnamese with the help, exit 2', async (args, says) => {
    const run = await webHost(args)
    expect(run.code).toBe(2)
    expect(run.stderr).toContain(says)
    expect(run.stderr).toContain('Cách dùng')
  })

  it('a busy port says so and how to choose another, exit 1, without a stack trace', async () => {
    const busy: Server = createServer()
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve))
    const busyPort = (busy.address() as AddressInfo).port
    try {
      const run = await webHost(['--port', String(busyPort)])
      expect(run.code).toBe(1)
      expect(run.stderr).toContain(`Cổng ${busyPort} đang được một chương trình khác dùng`)
      expect(run.stderr).toContain(`--port ${busyPort + 1}`)
      expect(run.stderr).not.toMatch(/\n\s+at /)
    } finally {
      busy.close()
    }
  })

  it('prints the address with the token it was given, and that address opens the app', async () => {
    const given = 'T'.repeat(40)
    const child: ChildProcess = spawn(process.execPath, [builtFile('web-host.js'), '--port', '0'], {
      env: { ...process.env, OCOP_WEB_DATA: dataDir, OCOP_WEB_TOKEN: given },
    })
    try {
      const printed = await new Promise<string>((resolve, reject) => {
        let out = ''
        child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
          out += chunk
          const address = /http:\/\/127\.0\.0\.1:\d+\/\?token=\S+/.exec(out)?.[0]
          if (address) resolve(address)
        })
        child.on('exit', (code) => reject(new Error(`exited ${code}`)))
      })
      expect(printed).toMatch(new RegExp(`/\\?token=${given}$`))
      const url = new URL(printed)
      const opened = await send(`/?token=${given}`, {}, Number(url.port))
      expect(opened.status).toBe(302)
    } finally {
      child.kill()
    }
  })
})
