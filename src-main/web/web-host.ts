/**
 * The web host: serves the built renderer and the main-side service table on 127.0.0.1, so the whole
 * app runs in plain Chromium where Electron cannot (build machines, tests). Dialogs are the
 * browser's own; everything else is the same code Electron runs. Only a browser that opened the
 * address with this run's token gets in (access-token.ts).
 *
 *   node out/main/web-host.js [--port 5178] [--data FOLDER]      (npm run web -- --help)
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import { AppError, toAppErrorData, type AppErrorData } from '@shared/errors'
import type { EventName, EventPayloads } from '@shared/ipc/contract'
import { BACKUP_LIMIT } from '@shared/ipc/payload-limits'
import { fromWire, toWire } from '@shared/ipc/wire'
import { describeParseError, EXIT_ERROR, EXIT_OK, EXIT_USAGE, UsageError } from '../cli/usage'
import { dispatch } from '../ipc/dispatch'
import { createServiceHandlers } from '../services/services'
import { createThreadJobRunner, defaultWorkerFile } from '../services/thread-job-runner'
import {
  accessCookie,
  addressWithToken,
  hasAccessCookie,
  newAccessToken,
  NO_ACCESS_ERROR,
  NO_ACCESS_PAGE,
  tokensMatch,
} from './access-token'
import { CONTENT_SECURITY_POLICY, serveStatic } from './static-files'
import { checkRequestOrigin } from './origin-check'
import { parseWebHostArgs, WEB_HOST_USAGE } from './web-host-args'

// The largest call is a backup's content, which JSON escaping at most doubles.
const MAX_BODY = 2 * BACKUP_LIMIT.maxBytes

export interface WebHostOptions {
  port: number
  dataDir: string
  rendererDir: string
  version: string
  /** This run's access token; a random one when not given. */
  token?: string
}

export interface WebHost {
  /** The address to open, with the access token: `http://127.0.0.1:PORT/?token=…`. */
  url: string
  close(): Promise<void>
}

const NOT_FOUND: AppErrorData = new AppError({ code: 'ipc.unknown-channel', params: {} }).toData()

/** The refusal of a call whose body is over MAX_BODY or is not JSON. */
function unreadableBody(tooLarge: boolean, cause: string): AppErrorData {
  const error = tooLarge
    ? new AppError({
        code: 'ipc.too-large',
        params: { payload: 'request', maxBytes: MAX_BODY },
        cause,
      })
    : new AppError({ code: 'ipc.bad-json', params: {}, cause })
  return error.toData()
}

class BodyTooLarge extends Error {}

/** Starts the web host; resolves once it listens. A busy port is an AppError in Vietnamese. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? newAccessToken()
  const eventStreams = new Set<ServerResponse>()
  const jobs = createThreadJobRunner(defaultWorkerFile())
  const handlers = createServiceHandlers({
    version: options.version,
    host: 'web',
    dataDir: options.dataDir,
    backupDir: join(options.dataDir, 'backups'),
    jobs,
    emit<E extends EventName>(event: E, payload: EventPayloads[E]) {
      const frame = `event: ${event}\ndata: ${JSON.stringify(toWire(payload))}\n\n`
      for (const stream of eventStreams) stream.write(frame)
    },
    // A browser tab opens links itself; the host never launches programs.
    openExternal: async () => false,
  })

  let port = options.port
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      console.error('[web-host]', error)
      if (response.headersSent) response.end()
      else sendJson(response, 500, { ok: false, error: toAppErrorData(error) })
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    const isApi = url.pathname.startsWith('/api/')
    const refusal = checkRequestOrigin(request, port)
    if (refusal) {
      if (isApi) sendJson(response, 403, { ok: false, error: refusal })
      else sendText(response, 403, refusal.message)
      return
    }
    const offered = url.searchParams.get('token')
    if (offered !== null && !isApi && tokensMatch(offered, token)) {
      // The token becomes a cookie, and the page loads again without it in its address.
      url.searchParams.delete('token')
      response.writeHead(302, {
        Location: `${url.pathname}${url.search}`,
        'Set-Cookie': accessCookie(port, token),
        'Cache-Control': 'no-store',
      })
      response.end()
      return
    }
    if (!hasAccessCookie(request, port, token)) {
      if (isApi) sendJson(response, 401, { ok: false, error: NO_ACCESS_ERROR })
      else sendPage(response, 401, NO_ACCESS_PAGE)
      return
    }
    if (isApi) await handleApi(url, request, response)
    else serveStatic(options.rendererDir, url.pathname, request, response)
  }

  async function handleApi(url: URL, request: IncomingMessage, response: ServerResponse) {
    if (url.pathname === '/api/events' && request.method === 'GET') {
      response.writeHead(200, {
        'Content-Type': 'text/event-stream',
        'Cache-Control': 'no-store',
        Connection: 'keep-alive',
      })
      response.write(': connected\n\n')
      eventStreams.add(response)
      request.on('close', () => eventStreams.delete(response))
      return
    }
    const channel = /^\/api\/call\/([a-zA-Z.]+)$/.exec(url.pathname)?.[1]
    if (!channel || request.method !== 'POST') {
      sendJson(response, 404, { ok: false, error: NOT_FOUND })
      return
    }
    let payload: unknown
    try {
      const body = await readBody(request)
      payload = fromWire(body === '' ? null : JSON.parse(body)) ?? undefined
    } catch (error) {
      const tooLarge = error instanceof BodyTooLarge
      sendJson(response, tooLarge ? 413 : 400, {
        ok: false,
        error: unreadableBody(tooLarge, String(error)),
      })
      // The rest of an oversized body is not worth reading.
      if (tooLarge) response.on('finish', () => request.destroy())
      return
    }
    sendJson(response, 200, await dispatch(handlers, channel, payload))
  }

  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject)
      server.listen(options.port, '127.0.0.1', () => resolve())
    })
  } catch (error) {
    await jobs.close()
    throw listenFailed(options.port, error)
  }
  port = (server.address() as AddressInfo).port
  return {
    url: addressWithToken(`http://127.0.0.1:${port}`, token),
    async close() {
      for (const stream of eventStreams) stream.end()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await jobs.close()
    },
  }
}

function listenFailed(port: number, error: unknown): AppError {
  const code = (error as { code?: unknown }).code
  return new AppError({
    code: 'web.port-unavailable',
    params: { port, busy: code === 'EADDRINUSE', suggestedPort: port < 65535 ? port + 1 : 5179 },
    cause: error instanceof Error ? error.message : String(error),
  })
}

function sendJson(response: ServerResponse, status: number, value: unknown) {
  response.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'Cache-Control': 'no-store',
  })
  response.end(JSON.stringify(toWire(value)))
}

function sendText(response: ServerResponse, status: number, text: string) {
  response.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' })
  response.end(text)
}

function sendPage(response: ServerResponse, status: number, html: string) {
  response.writeHead(status, {
    'Content-Type': 'text/html; charset=utf-8',
    'Content-Security-Policy': CONTENT_SECURITY_POLICY,
    'Cache-Control': 'no-store',
  })
  response.end(html)
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    let refused = false
    request.on('data', (chunk: Buffer) => {
      if (refused) return
      size += chunk.length
      if (size > MAX_BODY) {
        refused = true
        chunks.length = 0
        reject(new BodyTooLarge(`request body over ${MAX_BODY} bytes`))
      } else chunks.push(chunk)
    })
    request.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')))
    request.on('error', reject)
  })
}

function appVersion(): string {
  const pkg = JSON.parse(readFileSync(join(__dirname, '../../package.json'), 'utf8')) as {
    version: string
  }
  return pkg.version
}

/** Runs `npm run web`; resolves to an exit code, or to null while the host is serving. */
async function main(argv: string[]): Promise<number | null> {
  let command: ReturnType<typeof parseWebHostArgs>
  try {
    command = parseWebHostArgs(argv, process.env)
  } catch (error) {
    const reason = error instanceof UsageError ? error.message : describeParseError(error)
    process.stderr.write(`Lỗi: ${reason}\n\n${WEB_HOST_USAGE}`)
    return EXIT_USAGE
  }
  if (command.help) {
    process.stdout.write(WEB_HOST_USAGE)
    return EXIT_OK
  }
  let host: WebHost
  try {
    host = await startWebHost({
      port: command.port,
      dataDir: command.dataDir,
      rendererDir: join(__dirname, '../renderer'),
      version: appVersion(),
      ...(command.token ? { token: command.token } : {}),
    })
  } catch (error) {
    const data = toAppErrorData(error)
    process.stderr.write(`Lỗi: ${data.message}\n`)
    if (data.code === 'internal' && data.cause) {
      process.stderr.write(`Chi tiết kỹ thuật: ${data.cause}\n`)
    }
    return EXIT_ERROR
  }
  process.stdout.write(
    `OCOP Desk (web) đang chạy. Mở địa chỉ này trong trình duyệt (mã truy cập chỉ dùng cho lần chạy này):\n  ${host.url}\n` +
      `Thư mục dữ liệu (bản sao lưu): ${command.dataDir}\nDừng: Ctrl+C.\n`,
  )
  const stop = () => void host.close().then(() => process.exit(EXIT_OK))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
  return null
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    (code) => {
      if (code !== null) process.exitCode = code
    },
    (error: unknown) => {
      process.stderr.write(`Lỗi: ${toAppErrorData(error).message}\n`)
      console.error(error)
      process.exitCode = EXIT_ERROR
    },
  )
}
