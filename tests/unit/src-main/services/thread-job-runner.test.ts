import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { checkBackupToWrite, serializeBackup, type BackupTables } from '@shared/db/backup-format'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '@shared/db/schema'
import type { BackupKind } from '@shared/ipc/contract'
import { createThreadJobRunner } from '../../../../src-main/services/thread-job-runner'
import type { JobClientOptions } from '../../../../src-main/workers/job-client'
import type {
  JobInput,
  JobName,
  JobProgressReport,
  JobRunner,
} from '../../../../src-main/workers/protocol'
import { builtFile } from './built-files'
import { thrown } from '../thrown'

const runners: JobRunner[] = []
function runner(workerFile: string, options?: JobClientOptions): JobRunner {
  const created = createThreadJobRunner(workerFile, options)
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

  it('checks backup content in the worker, refusing bad content as the restore parser does', async () => {
    const tables = Object.fromEntries(
      TABLE_NAMES.map((name) => [name, []]),
    ) as unknown as BackupTables
    const backupOf = (kind: BackupKind) =>
      serializeBackup({
        schemaVersion: CURRENT_SCHEMA_VERSION,
        appVersion: 'test',
        kind,
        createdAt: '2024-01-05T02:00:00.000Z',
        tables: { ...tables, settings: [{ key: 'note', value: 'Tương Bần – Nhân Hòa' }] },
      })
    const manual = await backupOf('manual')
    const cutShort = manual.slice(0, -40)

    expect(await shared.run('backup-check', { content: manual, kind: 'manual' })).toBeNull()
    for (const [content, kind] of [
      [manual, 'auto'],
      [cutShort, 'manual'],
    ] as const) {
      const inThisThread = await thrown(checkBackupToWrite(content, kind))
      const inTheWorker = await thrown(shared.run('backup-check', { content, kind }))
      expect(inTheWorker.toData()).toEqual(inThisThread.toData())
      expect(inTheWorker.message).toMatch(/^Bản sao lưu (tự động hằng ngày|thủ công) /u)
    }
  })

  it('passes the worker’s AppError on for a job it does not know', async () => {
    const error = await thrown(shared.run('export-everything' as JobName, {}))

    expect(error.code).toBe('job.unknown')
    expect(error.message).toContain('không có trong phiên bản này')
  })
})

describe('thread job runner failures', () => {
  const SCRIPTED_WORKER = join(import.meta.dirname, 'scripted-worker.mjs')

  function scripted(options?: JobClientOptions): JobRunner {
    return runner(SCRIPTED_WORKER, options)
  }
  function run(
    jobs: JobRunner,
    input: Record<string, boolean>,
    onProgress?: (progress: JobProgressReport) => void,
  ) {
    return jobs.run(
      'import-template',
      input as JobInput<'import-template'>,
      onProgress,
    ) as Promise<unknown>
  }

  it('ends a stuck worker at the deadline, answers "quá thời gian" and runs the next job', async () => {
    const terminate = vi.spyOn(Worker.prototype, 'terminate')
    const jobs = scripted({ deadlinesMs: { 'import-check': 300 } })
    const first = (await run(jobs, {})) as { threadId: number }
    const stuck = thrown(
      jobs.run('import-check', { spin: true } as unknown as JobInput<'import-check'>),
    )
    const progress: JobProgressReport[] = []
    const queued = run(jobs, {}, (p) => progress.push(p))

    const error = await stuck

    expect(error.code).toBe('job.timeout')
    expect(error.message).toContain('quá thời gian')
    expect(error.message).toContain('Dữ liệu không bị thay đổi')
    // The stuck thread really ended: terminate() settles only once it has.
    expect(terminate).toHaveBeenCalledOnce()
    await terminate.mock.results[0]!.value
    const next = (await queued) as { threadId: number }
    expect(next.threadId).not.toBe(first.threadId)
    expect(progress).toEqual([{ stage: 'work', done: 1, total: 1 }])
  })

  it('rejects the running job with an AppError when the worker exits, then starts a new one', async () => {
    const jobs = scripted()
    const first = (await run(jobs, {})) as { threadId: number }

    const error = await thrown(run(jobs, { exit: true }))

    expect(error.code).toBe('job.worker-stopped')
    expect(error.message).toContain('dừng đột ngột')
    expect(error.technicalCause).toContain('exited with code 3')
    const after = (await run(jobs, {})) as { threadId: number }
    expect(after.threadId).not.toBe(first.threadId)
  })

  it('rejects the job that made the worker throw, and runs the one waiting behind it', async () => {
    const jobs = scripted()
    const crashed = thrown(run(jobs, { throw: true }))
    const waiting = run(jobs, {})

    const error = await crashed

    expect(error.code).toBe('job.worker-stopped')
    expect(error.technicalCause).toContain('boom in worker')
    await expect(waiting).resolves.toMatchObject({ threadId: expect.any(Number) })
  })

  it('lets an idle worker go, so it does not keep the process alive', async () => {
    const unref = vi.spyOn(Worker.prototype, 'unref')
    const ref = vi.spyOn(Worker.prototype, 'ref')
    const jobs = scripted()

    await run(jobs, {})

    // Referenced while the job ran (Node also refs on its own), let go once it was answered.
    expect(ref).toHaveBeenCalled()
    expect(unref).toHaveBeenCalled()
    expect(Math.max(...unref.mock.invocationCallOrder)).toBeGreaterThan(
      Math.max(...ref.mock.invocationCallOrder),
    )
  })

  it('cancels the running and the waiting jobs and ends the thread on close', async () => {
    const jobs = scripted()
    const hanging = thrown(run(jobs, { hang: true }))
    const waiting = thrown(run(jobs, {}))
    const terminate = vi.spyOn(Worker.prototype, 'terminate')

    await jobs.close()

    expect(terminate).toHaveBeenCalled()
    expect((await hanging).code).toBe('job.cancelled')
    expect((await waiting).code).toBe('job.cancelled')
  })

  it('explains a missing worker file', async () => {
    const jobs = runner(join(import.meta.dirname, 'no-such-worker.js'))

    const error = await thrown(run(jobs, {}))

    expect(error.code).toBe('job.worker-missing')
    expect(error.message).toContain('npm run build')
  })
})
