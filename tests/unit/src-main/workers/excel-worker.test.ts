import { fork, spawnSync, type ChildProcess } from 'node:child_process'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { FromWorker, ToWorker } from '../../../../src-main/workers/protocol'
import { builtFile } from '../services/built-files'

// The worker thread side is covered by the thread runner's tests. Here the built worker runs as
// Electron would start it, a utilityProcess: a child process whose only channel is
// `process.parentPort`, which a preloaded shim provides over Node's own IPC.
const PARENT_PORT_SHIM = `process.parentPort = {
  on(event, listener) {
    if (event === 'message') process.on('message', (data) => listener({ data }))
  },
  postMessage(message) {
    process.send(message)
  },
}
`

describe('excel worker as an Electron utilityProcess', () => {
  let dir: string
  let child: ChildProcess
  const received: FromWorker[] = []
  const waiters: { id: string; resolve: (message: FromWorker) => void }[] = []

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'ocop-utility-'))
    const shim = join(dir, 'parent-port-shim.cjs')
    await writeFile(shim, PARENT_PORT_SHIM)
    child = fork(builtFile('excel-worker.js'), [], {
      execArgv: ['--require', shim],
      // Structured clone, as Electron's port uses, so Uint8Array arrives as Uint8Array.
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
    })
    child.on('message', (message: FromWorker) => {
      received.push(message)
      if (message.type === 'progress') return
      const index = waiters.findIndex((w) => w.id === message.id)
      if (index >= 0) waiters.splice(index, 1)[0]!.resolve(message)
    })
  })
  afterAll(async () => {
    child.kill()
    await rm(dir, { recursive: true, force: true })
  })

  function send(request: ToWorker): Promise<FromWorker> {
    return new Promise((resolve) => {
      waiters.push({ id: request.id, resolve })
      child.send(request)
    })
  }

  it('runs the template job and answers with progress and bytes', async () => {
    const answer = await send({ type: 'run', id: 'u-1', job: 'import-template', input: {} })

    expect(answer.type).toBe('done')
    const output = (answer as Extract<FromWorker, { type: 'done' }>).output as {
      fileName: string
      bytes: Uint8Array
    }
    expect(output.fileName).toBe('mau-nhap-san-pham-ocop.xlsx')
    expect(output.bytes).toBeInstanceOf(Uint8Array)
    expect([...output.bytes.subarray(0, 2)]).toEqual([0x50, 0x4b])
    const progress = received.filter((m) => m.type === 'progress' && m.id === 'u-1')
    expect(progress.length).toBeGreaterThanOrEqual(3)
  })

  it('answers an unknown job with a failure carrying a Vietnamese AppError', async () => {
    const answer = await send({
      type: 'run',
      id: 'u-2',
      job: 'drop-tables' as ToWorker['job'],
      input: {},
    })

    expect(answer).toMatchObject({ type: 'failed', id: 'u-2', error: { code: 'job.unknown' } })
    const { error } = answer as Extract<FromWorker, { type: 'failed' }>
    expect(error.message).toContain('OCOP Desk')
  })
})

describe('excel worker started by hand', () => {
  it('explains that it runs only inside the app and exits with 1', () => {
    const result = spawnSync(process.execPath, [builtFile('excel-worker.js')], {
      encoding: 'utf8',
    })

    expect(result.status).toBe(1)
    expect(result.stderr).toContain('chỉ chạy bên trong OCOP Desk')
  })
})
