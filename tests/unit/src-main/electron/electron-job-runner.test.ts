import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeUtilityProcess, utilityProcess } from './electron-mock'

vi.mock('electron', () => import('./electron-mock'))

const { createElectronJobRunner } = await import('../../../../src-main/electron-job-runner')

const WORKER = '/app/out/main/excel-worker.js'

function lastChild(): FakeUtilityProcess {
  const result = utilityProcess.fork.mock.results.at(-1)
  if (!result) throw new Error('no worker was forked')
  return result.value as FakeUtilityProcess
}

function lastRunMessage(child: FakeUtilityProcess): { type: string; id: string; job: string } {
  return child.postMessage.mock.calls.at(-1)?.[0] as { type: string; id: string; job: string }
}

/** A job whose outcome the test does not await; its later cancellation is expected. */
function startAndForget(promise: Promise<unknown>): void {
  promise.catch(() => undefined)
}

beforeEach(() => vi.clearAllMocks())

describe('electron job runner', () => {
  it('starts the worker only when the first job runs', async () => {
    const runner = createElectronJobRunner(WORKER)
    expect(utilityProcess.fork).not.toHaveBeenCalled()
    startAndForget(runner.run('import-template', {}))
    expect(utilityProcess.fork).toHaveBeenCalledOnce()
    expect(utilityProcess.fork.mock.calls[0]?.[0]).toBe(WORKER)
    startAndForget(runner.run('import-template', {}))
    expect(utilityProcess.fork).toHaveBeenCalledOnce()
    await runner.close()
  })

  it('resolves each job by its request id and forwards progress', async () => {
    const runner = createElectronJobRunner(WORKER)
    const progress = vi.fn()
    const first = runner.run('import-template', {}, progress)
    const child = lastChild()
    const firstId = lastRunMessage(child).id
    const second = runner.run('import-template', {})
    const secondId = lastRunMessage(child).id
    expect(firstId).not.toBe(secondId)
    expect(lastRunMessage(child)).toMatchObject({ type: 'run', job: 'import-template' })

    child.emit('message', { type: 'progress', id: firstId, stage: 'write', done: 1, total: 2 })
    expect(progress).toHaveBeenCalledWith({ stage: 'write', done: 1, total: 2 })

    const bytes = Uint8Array.from([1])
    child.emit('message', { type: 'done', id: secondId, output: { fileName: 'b.xlsx', bytes } })
    child.emit('message', { type: 'done', id: firstId, output: { fileName: 'a.xlsx', bytes } })
    await expect(first).resolves.toEqual({ fileName: 'a.xlsx', bytes })
    await expect(second).resolves.toEqual({ fileName: 'b.xlsx', bytes })
  })

  it('rejects with the AppError the worker reports', async () => {
    const runner = createElectronJobRunner(WORKER)
    const job = runner.run('import-template', {})
    const child = lastChild()
    const error = { code: 'excel.broken', message: 'Tệp hỏng.' }
    child.emit('message', { type: 'failed', id: lastRunMessage(child).id, error })
    await expect(job).rejects.toMatchObject({ name: 'AppError', ...error })
  })

  it('rejects pending jobs with a Vietnamese AppError if the worker dies, then restarts', async () => {
    const runner = createElectronJobRunner(WORKER)
    const job = runner.run('import-template', {})
    lastChild().emit('exit', 3)
    await expect(job).rejects.toMatchObject({
      code: 'job.worker-exited',
      message: expect.stringContaining('Bộ xử lý tệp Excel đã dừng'),
    })
    startAndForget(runner.run('import-template', {}))
    expect(utilityProcess.fork).toHaveBeenCalledTimes(2)
  })

  it('ignores malformed and unknown messages', async () => {
    const runner = createElectronJobRunner(WORKER)
    vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const job = runner.run('import-template', {})
    const child = lastChild()
    child.emit('message', null)
    child.emit('message', { type: 'done', id: 'someone-else', output: 1 })
    child.emit('message', { type: 'done', id: lastRunMessage(child).id, output: 2 })
    await expect(job).resolves.toBe(2)
  })

  it('kills the worker on close, cancelling pending jobs, and refuses new ones', async () => {
    const runner = createElectronJobRunner(WORKER)
    const job = runner.run('import-template', {})
    const child = lastChild()
    await runner.close()
    expect(child.kill).toHaveBeenCalledOnce()
    await expect(job).rejects.toMatchObject({ code: 'job.cancelled' })
    await expect(runner.run('import-template', {})).rejects.toMatchObject({
      code: 'job.cancelled',
    })
    expect(utilityProcess.fork).toHaveBeenCalledOnce()
  })

  it('closes at once when no worker was started', async () => {
    await expect(createElectronJobRunner(WORKER).close()).resolves.toBeUndefined()
    expect(utilityProcess.fork).not.toHaveBeenCalled()
  })
})
