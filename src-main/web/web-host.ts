/**
 * The web host: serves the built renderer and the main-side service table on 127.0.0.1, so the whole
 * app runs in plain Chromium where Electron cannot (build machines, tests). Dialogs are the
 * browser's own; everything else is the same code Electron runs.
 *
 *   node out/main/web-host.js [--port 5178] [--data FOLDER]
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import { readFileSync } from 'node:fs'
import { homedir } from 'node:os'
import { join } from 'node:path'
import { parseArgs } from 'node:util'
import type { AddressInfo } from 'node:net'
import type { EventName, EventPayloads } from '@shared/ipc/contract'
import { fromWire, toWire } from '@shared/ipc/wire'
import { dispatch } from '../ipc/dispatch'
import { createServiceHandlers } from '../services/services'
import { createThreadJobRunner, defaultWorkerFile } from '../services/thread-job-runner'
import { serveStatic } from './static-files'
import { checkRequestOrigin } from './origin-check'

const MAX_BODY = 512 * 1024 * 1024

export interface WebHostOptions {
  port: number
  dataDir: string
  rendererDir: string
  version: string
}

export interface WebHost {
  url: string
  close(): Promise<void>
}

/** Starts the web host; resolves once it listens. */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
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
      if (!response.headersSent) response.writeHead(500)
      response.end()
    })
  })

  async function handle(request: IncomingMessage, response: ServerResponse) {
    const url = new URL(request.url ?? '/', `http://127.0.0.1:${port}`)
    if (url.pathname.startsWith('/api/')) {
      const refusal = checkRequestOrigin(request, port)
      if (refusal) {
        response.writeHead(403, { 'Content-Type': 'application/json; charset=utf-8' })
        response.end(JSON.stringify({ ok: false, error: refusal }))
        return
      }
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
      if (channel && request.method === 'POST') {
        const body = await readBody(request)
        const envelope = await dispatch(
          handlers,
          channel,
          fromWire(body === '' ? null : JSON.parse(body)) ?? undefined,
        )
        response.writeHead(200, {
          'Content-Type': 'application/json; charset=utf-8',
          'Cache-Control': 'no-store',
        })
        response.end(JSON.stringify(toWire(envelope)))
        return
      }
      response.writeHead(404)
      response.end()
      return
    }
    serveStatic(options.rendererDir, url.pathname, request, response)
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port, '127.0.0.1', () => resolve())
  })
  port = (server.address() as AddressInfo).port
  return {
    url: `http://127.0.0.1:${port}/`,
    async close() {
      for (const stream of eventStreams) stream.end()
      await new Promise<void>((resolve) => server.close(() => resolve()))
      await jobs.close()
    },
  }
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    request.on('data', (chunk: Buffer) => {
      size += chunk.length
      if (size > MAX_BODY) {
        request.destroy()
        reject(new Error('request body too large'))
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

async function main() {
  const { values } = parseArgs({
    options: { port: { type: 'string', default: '5178' }, data: { type: 'string' } },
  })
  const dataDir = values.data ?? process.env.OCOP_WEB_DATA ?? join(homedir(), '.ocop-desk-web')
  const host = await startWebHost({
    port: Number(values.port),
    dataDir,
    rendererDir: join(__dirname, '../renderer'),
    version: appVersion(),
  })
  console.log(`OCOP Desk (web) đang chạy tại ${host.url}`)
  console.log(`Thư mục dữ liệu (bản sao lưu): ${dataDir}`)
  const stop = () => void host.close().then(() => process.exit(0))
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error('Không khởi động được OCOP Desk (web):', error)
    process.exit(1)
  })
}
