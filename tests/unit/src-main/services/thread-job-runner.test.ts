import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { createThreadJobRunner } from '../../../../src-main/services/thread-job-runner'
import type {
  JobInput,
  JobName,
  JobProgressReport,
  JobRunner,
} from '../../../../src-main/workers/protocol'
import { builtFile } from './built-files'
import { thrown } from '../thrown'

const runners: JobRunner[] = []
function runner(workerFile: string): JobRunner {
  const created = createThreadJobRunner(workerFile)
  runners.push(created)
  return created
}
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.close()))
  vi.restoreAllMocks()
})

describe('thread job runner with the built worker', () => {
  // One runner for these tests, as a host keeps one: the worker starts once (loading ExcelJS).
  let shared: JobRunner
  beforeAll(() => {
    shared = createThreadJobRunner(builtFile('excel-worker.js'))
  })
  afterAll(async () => {
    await shared.close()
  })

  it('writes the template on a worker thread, reporting progress', async () => {
    const progress: JobProgressReport[] = []

    const output = await shared.run('import-template', {}, (p) => progress.push(p))

    expect(output.fileName).toBe('mau-nhap-san-pham-ocop.xlsx')
    expect(output.bytes).toBeInstanceOf(Uint8Array)
    expect([...output.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
    // Transferred, not shared: the bytes own their whole buffer.
    expect(output.bytes.byteLength).toBe(output.bytes.buffer.byteLength)
    expect(progress.length).toBeGreaterThanOrEqual(3)
    expect(progress.at(-1)).toMatchObject({ done: progress.at(-1)!.total })
  })

  it('runs several jobs on the one worker and answers each', async () => {
    const outputs = await Promise.all([
      shared.run('import-template', {}),
      shared.run('import-template', {}),
      shared.run('import-template', {}),
    ])

    for (const output of outputs) expect(output.bytes.byteLength).toBeGreaterThan(1000)
  })

  it('passes the worker’s AppError on for a job it does not know', async () => {
    const error = await thrown(
      shared.run('export-everything' as JobName, {} as JobInput<'import-template'>),
    )

    expect(error.code).toBe('job.unknown')
    expect(error.message).toContain('không có trong phiên bản này')
  })
})

describe('thread job runner failures', () => {
  let fixtures: string

  beforeAll(async () => {
    fixtures = await mkdtemp(join(tmpdir(), 'ocop-workers-'))
    // A worker that speaks the protocol and answers with its thread id, or dies when asked to.
    await writeFile(
      join(fixtures, 'flaky-worker.cjs'),
      `const { parentPort, threadId } = require('node:worker_threads')
parentPort.on('message', (message) => {
  if (message.input.exit) process.exit(3)
  if (message.input.throw) throw new Error('boom in worker')
  if (message.input.hang) return
  parentPort.postMessage({ type: 'progress', id: message.id, stage: 'work', done: 1, total: 1 })
  parentPort.postMessage({ type: 'done', id: message.id, output: { threadId } })
})
`,
    )
  })
  afterAll(async () => {
    await rm(fixtures, { recursive: true, force: true })
  })

  function flaky(): JobRunner {
    return runner(join(fixtures, 'flaky-worker.cjs'))
  }
  function run(jobs: JobRunner, input: Record<string, boolean>) {
    return jobs.run('import-template', input as JobInput<'import-template'>) as Promise<unknown>
  }

  it('rejects the running job with an AppError when the worker exits, then starts a new one', async () => {
    const jobs = flaky()
    const first = (await run(jobs, {})) as { threadId: number }

    const error = await thrown(run(jobs, { exit: true }))

    expect(error.code).toBe('job.worker-stopped')
    expect(error.message).toContain('dừng đột ngột')
    expect(error.technicalCause).toContain('exited with code 3')
    const after = (await run(jobs, {})) as { threadId: number }
    expect(after.threadId).not.toBe(first.threadId)
  })

  it('rejects every pending job when the worker throws', async () => {
    const jobs = flaky()
    const hanging = thrown(run(jobs, { hang: true }))

    const crashed = await thrown(run(jobs, { throw: true }))

    expect(crashed.code).toBe('job.worker-stopped')
    expect(crashed.technicalCause).toContain('boom in worker')
    expect((await hanging).code).toBe('job.worker-stopped')
  })

  it('lets an idle worker go, so it does not keep the process alive', async () => {
    const unref = vi.spyOn(Worker.prototype, 'unref')
    const ref = vi.spyOn(Worker.prototype, 'ref')
    const jobs = flaky()

    await run(jobs, {})

    // Referenced while the job ran (Node also refs on its own), let go once it was answered.
    expect(ref).toHaveBeenCalled()
    expect(unref).toHaveBeenCalled()
    expect(Math.max(...unref.mock.invocationCallOrder)).toBeGreaterThan(
      Math.max(...ref.mock.invocationCallOrder),
    )
  })

  it('cancels pending jobs and ends the thread on close', async () => {
    const jobs = flaky()
    const hanging = thrown(run(jobs, { hang: true }))
    const terminate = vi.spyOn(Worker.prototype, 'terminate')

    await jobs.close()

    expect(terminate).toHaveBeenCalled()
    expect((await hanging).code).toBe('job.cancelled')
  })

  it('explains a missing worker file', async () => {
    const jobs = runner(join(fixtures, 'no-such-worker.js'))

    const error = await thrown(run(jobs, {}))

    expect(error.code).toBe('job.worker-missing')
    expect(error.message).toContain('npm run build')
  })
})
