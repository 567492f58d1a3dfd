import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { JobInput } from '../../../../src-main/workers/protocol'
import { thrown } from '../thrown'
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
afterEach(() => vi.useRealTimers())

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

  it('forks the worker as a named utility process', () => {
    const runner = createElectronJobRunner(WORKER)
    startAndForget(runner.run('import-template', {}))
    expect(utilityProcess.fork).toHaveBeenCalledWith(WORKER, [], {
      serviceName: 'OCOP Desk Excel',
      stdio: 'inherit',
    })
  })

  it('sends jobs to the process and takes its replies and progress', async () => {
    const runner = createElectronJobRunner(WORKER)
    const progress = vi.fn()
    const job = runner.run('import-template', {}, progress)
    const child = lastChild()
    const request = lastRunMessage(child)
    expect(request).toMatchObject({ type: 'run', job: 'import-template' })

    child.emit('message', { type: 'progress', id: request.id, stage: 'write', done: 1, total: 2 })
    const bytes = Uint8Array.from([1])
    child.emit('message', { type: 'done', id: request.id, output: { fileName: 'a.xlsx', bytes } })

    expect(progress).toHaveBeenCalledWith({ stage: 'write', done: 1, total: 2 })
    await expect(job).resolves.toEqual({ fileName: 'a.xlsx', bytes })
  })

  it('rejects pending jobs with a Vietnamese AppError if the worker dies, then restarts', async () => {
    const runner = createElectronJobRunner(WORKER)
    const job = runner.run('import-template', {})
    lastChild().emit('exit', 3)
    await expect(job).rejects.toMatchObject({
      code: 'job.worker-stopped',
      message: expect.stringContaining('Phần xử lý Excel dừng đột ngột'),
      technicalCause: expect.stringContaining('exited with code 3'),
    })
    startAndForget(runner.run('import-template', {}))
    expect(utilityProcess.fork).toHaveBeenCalledTimes(2)
  })

  it('kills a worker whose job passes its deadline and runs the waiting job in a new one', async () => {
    vi.useFakeTimers()
    const runner = createElectronJobRunner(WORKER, { deadlinesMs: { 'import-check': 300 } })
    const stuck = thrown(runner.run('import-check', {} as JobInput<'import-check'>))
    const progress = vi.fn()
    const waiting = runner.run('import-template', {}, progress)
    const stuckChild = lastChild()

    await vi.advanceTimersByTimeAsync(300)

    expect(stuckChild.kill).toHaveBeenCalledOnce()
    const error = await stuck
    expect(error.code).toBe('job.timeout')
    expect(error.message).toContain('quá thời gian')
    expect(utilityProcess.fork).toHaveBeenCalledTimes(2)
    const child = lastChild()
    const request = lastRunMessage(child)
    expect(request).toMatchObject({ type: 'run', job: 'import-template' })
    child.emit('message', { type: 'progress', id: request.id, stage: 'write', done: 1, total: 1 })
    const bytes = Uint8Array.from([1])
    child.emit('message', { type: 'done', id: request.id, output: { fileName: 'a.xlsx', bytes } })
    await expect(waiting).resolves.toEqual({ fileName: 'a.xlsx', bytes })
    expect(progress).toHaveBeenCalledOnce()
  })

  it('kills the worker on close, cancelling pending jobs, and refuses new ones', async () => {
    const runner = createElectronJobRunner(WORKER)
    const job = runner.run('import-template', {})
    const child = lastChild()
    await runner.close()
    expect(child.kill).toHaveBeenCalledOnce()
    await expect(job).rejects.toMatchObject({ code: 'job.cancelled' })
    await expect(runner.run('import-template', {})).rejects.toMatchObject({
      code: 'job.runner-closed',
    })
    expect(utilityProcess.fork).toHaveBeenCalledOnce()
  })

  it('closes at once when the worker is already gone', async () => {
    const runner = createElectronJobRunner(WORKER)
    const job = runner.run('import-template', {})
    const child = lastChild()
    child.kill.mockReturnValueOnce(false)
    await runner.close()
    await expect(job).rejects.toMatchObject({ code: 'job.cancelled' })
  })

  it('closes at once when no worker was started', async () => {
    await expect(createElectronJobRunner(WORKER).close()).resolves.toBeUndefined()
    expect(utilityProcess.fork).not.toHaveBeenCalled()
  })
})
