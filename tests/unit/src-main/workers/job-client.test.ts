import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@shared/errors'
import {
  createJobClient,
  type JobClientOptions,
  type WorkerChannel,
} from '../../../../src-main/workers/job-client'
import {
  JOB_DEADLINES_MS,
  type JobInput,
  type JobName,
  type JobRunner,
  type ToWorker,
} from '../../../../src-main/workers/protocol'
import { thrown } from '../thrown'

/**
 * A worker the test drives by hand: it records what it is sent (copied as a real port would, so an
 * uncloneable input throws) and says what it is told to.
 */
class FakeChannel implements WorkerChannel {
  sent: ToWorker[] = []
  private messageListeners: ((message: unknown) => void)[] = []
  private exitListeners: ((cause: string) => void)[] = []
  postMessage = vi.fn((message: ToWorker) => {
    this.sent.push(structuredClone(message))
  })
  terminate = vi.fn(() => Promise.resolve())
  ref = vi.fn()
  unref = vi.fn()
  onMessage(listener: (message: unknown) => void): void {
    this.messageListeners.push(listener)
  }
  onExit(listener: (cause: string) => void): void {
    this.exitListeners.push(listener)
  }
  reply(message: unknown): void {
    for (const listener of this.messageListeners) listener(message)
  }
  exit(cause: string): void {
    for (const listener of this.exitListeners) listener(cause)
  }
  lastId(): string {
    const last = this.sent.at(-1)
    if (!last) throw new Error('nothing was sent')
    return last.id
  }
}

function setup(options?: JobClientOptions) {
  const channels: FakeChannel[] = []
  const spawn = vi.fn(() => {
    const channel = new FakeChannel()
    channels.push(channel)
    return channel
  })
  const jobs = createJobClient(spawn, options)
  const last = (): FakeChannel => {
    const channel = channels.at(-1)
    if (!channel) throw new Error('no worker was started')
    return channel
  }
  return { jobs, spawn, channels, last }
}

function run(jobs: JobRunner, onProgress?: Parameters<JobRunner['run']>[2]) {
  return jobs.run('import-template', {}, onProgress) as Promise<unknown>
}

afterEach(() => {
  vi.restoreAllMocks()
  vi.useRealTimers()
})

describe('job client', () => {
  it('starts the worker with the first job and reuses it', async () => {
    const { jobs, spawn, last } = setup()
    expect(spawn).not.toHaveBeenCalled()

    const first = run(jobs)
    const second = run(jobs)
    last().reply({ type: 'done', id: last().lastId(), output: 1 })
    await first

    expect(spawn).toHaveBeenCalledOnce()
    expect(last().sent).toEqual([
      { type: 'run', id: expect.any(String), job: 'import-template', input: {} },
      { type: 'run', id: expect.any(String), job: 'import-template', input: {} },
    ])
    expect(last().sent[0]?.id).not.toBe(last().sent[1]?.id)
    last().reply({ type: 'done', id: last().lastId(), output: 2 })
    await expect(second).resolves.toBe(2)
  })

  it('sends one job at a time, the next when the worker answers', async () => {
    const { jobs, last } = setup()
    const progress = vi.fn()
    const first = run(jobs, progress)
    const second = run(jobs)
    const third = run(jobs)
    expect(last().sent).toHaveLength(1)
    const firstId = last().lastId()

    last().reply({ type: 'progress', id: firstId, stage: 'write', done: 1, total: 2 })
    last().reply({ type: 'done', id: firstId, output: 'a' })
    expect(last().sent).toHaveLength(2)
    last().reply({ type: 'failed', id: last().lastId(), error: { code: 'x', message: 'Hỏng.' } })
    expect(last().sent).toHaveLength(3)
    last().reply({ type: 'done', id: last().lastId(), output: 'c' })

    expect(progress).toHaveBeenCalledExactlyOnceWith({ stage: 'write', done: 1, total: 2 })
    await expect(first).resolves.toBe('a')
    expect((await thrown(second)).message).toBe('Hỏng.')
    await expect(third).resolves.toBe('c')
  })

  it('rejects with the AppError the worker reports', async () => {
    const { jobs, last } = setup()
    const job = run(jobs)
    const error = { code: 'excel.broken', message: 'Tệp hỏng.', cause: 'bad zip' }

    last().reply({ type: 'failed', id: last().lastId(), error })

    const rejected = await thrown(job)
    expect(rejected.toData()).toEqual(error)
  })

  it('ignores malformed messages and replies to other jobs', async () => {
    const { jobs, last } = setup()
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const job = run(jobs)
    const id = last().lastId()

    last().reply(null)
    last().reply('done')
    last().reply({ type: 'done', id: 7, output: 1 })
    last().reply({ type: 'finished', id, output: 1 })
    last().reply({ type: 'failed', id, error: 'not an error' })
    last().reply({ type: 'done', id: 'someone-else', output: 1 })
    last().reply({ type: 'done', id, output: 2 })

    await expect(job).resolves.toBe(2)
    expect(warn).toHaveBeenCalledTimes(5)
  })

  it('rejects the running job when the worker stops, and runs the waiting ones in a new worker', async () => {
    const { jobs, spawn, channels, last } = setup()
    const running = thrown(run(jobs))
    const progress = vi.fn()
    const waiting = run(jobs, progress)
    const dead = last()

    dead.exit('worker exited with code 3')
    dead.exit('worker error: boom')

    const error = await running
    expect(error.code).toBe('job.worker-stopped')
    expect(error.message).toContain('dừng đột ngột')
    expect(error.technicalCause).toBe('import-template: worker exited with code 3')
    expect(spawn).toHaveBeenCalledTimes(2)
    const id = last().lastId()
    // The old worker is no longer current: its late news changes nothing.
    channels[0]!.exit('late exit')
    channels[0]!.reply({ type: 'done', id, output: 'from the dead worker' })
    last().reply({ type: 'progress', id, stage: 'write', done: 1, total: 1 })
    last().reply({ type: 'done', id, output: 'ok' })
    await expect(waiting).resolves.toBe('ok')
    expect(progress).toHaveBeenCalledExactlyOnceWith({ stage: 'write', done: 1, total: 1 })
  })

  it('ends a worker whose job passes its deadline, and runs the waiting job in a new one', async () => {
    vi.useFakeTimers()
    const { jobs, spawn, channels, last } = setup({ deadlinesMs: { 'import-check': 1_000 } })
    const stuck = thrown(jobs.run('import-check', {} as JobInput<'import-check'>))
    const progress = vi.fn()
    const waiting = run(jobs, progress)
    const stuckWorker = last()

    await vi.advanceTimersByTimeAsync(999)
    expect(stuckWorker.terminate).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)

    expect(stuckWorker.terminate).toHaveBeenCalledOnce()
    const error = await stuck
    expect(error.code).toBe('job.timeout')
    expect(error.message).toMatch(/^Việc đọc tệp cần nhập quá thời gian \(hơn 1 giây\)/)
    expect(error.message).toContain('Dữ liệu không bị thay đổi')
    expect(error.message).toContain('lưu lại dưới dạng .xlsx')
    expect(error.technicalCause).toContain('import-check: no answer within 1000 ms')
    expect(spawn).toHaveBeenCalledTimes(2)
    const id = last().lastId()
    // The ended worker's exit and late replies change nothing.
    stuckWorker.exit('worker exited with code 1')
    stuckWorker.reply({ type: 'done', id: channels[0]!.lastId(), output: 'too late' })
    last().reply({ type: 'progress', id, stage: 'write', done: 1, total: 1 })
    last().reply({ type: 'done', id, output: 'template' })
    await expect(waiting).resolves.toBe('template')
    expect(progress).toHaveBeenCalledOnce()
  })

  it('times each job from when it is sent, by the deadline of its kind', async () => {
    vi.useFakeTimers()
    const { jobs, last } = setup()
    const report = jobs.run('report-xlsx', {} as JobInput<'report-xlsx'>) as Promise<unknown>
    const template = thrown(run(jobs))

    await vi.advanceTimersByTimeAsync(JOB_DEADLINES_MS['report-xlsx'] - 1)
    last().reply({ type: 'done', id: last().lastId(), output: 'report' })
    await expect(report).resolves.toBe('report')
    // The template waited almost two minutes, yet its own 30 s start now.
    await vi.advanceTimersByTimeAsync(JOB_DEADLINES_MS['import-template'] - 1)
    expect(last().terminate).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)

    const error = await template
    expect(error.code).toBe('job.timeout')
    expect(error.message).toContain('Việc tạo tệp mẫu nhập liệu quá thời gian (hơn 30 giây)')
  })

  it('gives a job whose name this build does not know the longest deadline', async () => {
    vi.useFakeTimers()
    const { jobs, last } = setup()
    const unknown = thrown(jobs.run('export-everything' as JobName, {}))
    const longest = Math.max(...Object.values(JOB_DEADLINES_MS))

    await vi.advanceTimersByTimeAsync(longest - 1)
    expect(last().terminate).not.toHaveBeenCalled()
    await vi.advanceTimersByTimeAsync(1)

    expect(last().terminate).toHaveBeenCalledOnce()
    const error = await unknown
    expect(error.code).toBe('job.timeout')
    expect(error.message).toMatch(`Việc xử lý Excel quá thời gian (hơn ${longest / 1000} giây)`)
  })

  it('forgets the deadline of a job that was answered', async () => {
    vi.useFakeTimers()
    const { jobs, spawn, last } = setup({ deadlinesMs: { 'import-template': 1_000 } })
    const job = run(jobs)
    last().reply({ type: 'done', id: last().lastId(), output: 'ok' })

    await vi.advanceTimersByTimeAsync(5_000)

    await expect(job).resolves.toBe('ok')
    expect(last().terminate).not.toHaveBeenCalled()
    expect(vi.getTimerCount()).toBe(0)
    void run(jobs)
    expect(spawn).toHaveBeenCalledOnce()
  })

  it('cancels the running and the waiting jobs on close, ends the worker and refuses new jobs', async () => {
    vi.useFakeTimers()
    const { jobs, spawn, last } = setup()
    const running = thrown(run(jobs))
    const waiting = thrown(run(jobs))
    const channel = last()

    await jobs.close()

    expect(channel.terminate).toHaveBeenCalledOnce()
    for (const cancelled of [await running, await waiting]) {
      expect(cancelled.code).toBe('job.cancelled')
      expect(cancelled.message).toContain('ứng dụng đang đóng')
    }
    expect(vi.getTimerCount()).toBe(0)
    // The exit that follows the close does not reject anything a second time.
    channel.exit('worker exited with code 0')
    const refused = await thrown(run(jobs))
    expect(refused.code).toBe('job.runner-closed')
    expect(spawn).toHaveBeenCalledOnce()
    expect(channel.sent).toHaveLength(1)
  })

  it('closes at once when no worker was started', async () => {
    const { jobs, spawn } = setup()

    await expect(jobs.close()).resolves.toBeUndefined()
    await expect(jobs.close()).resolves.toBeUndefined()

    expect(spawn).not.toHaveBeenCalled()
  })

  it('passes on the AppError of a worker that cannot start, and tries again next time', async () => {
    const missing = new AppError({
      code: 'job.worker-missing',
      params: { workerFile: 'excel-worker.js' },
    })
    const spawn = vi
      .fn<() => WorkerChannel>()
      .mockImplementationOnce(() => {
        throw missing
      })
      .mockImplementationOnce(() => {
        throw new Error('EMFILE')
      })
    const jobs = createJobClient(spawn)

    expect(await thrown(run(jobs))).toBe(missing)
    const failed = await thrown(run(jobs))

    expect(failed.code).toBe('job.worker-stopped')
    expect(failed.technicalCause).toContain('Error: EMFILE')
    expect(spawn).toHaveBeenCalledTimes(2)
  })

  it('rejects a job whose input cannot be sent, keeping the worker for the next', async () => {
    const { jobs, spawn, last } = setup()
    const uncloneable = thrown(
      jobs.run('import-template', { f: () => 1 } as unknown as JobInput<'import-template'>),
    )
    const next = run(jobs)

    const error = await uncloneable

    expect(error.code).toBe('job.bad-input')
    expect(error.technicalCause).toContain('DataCloneError')
    last().reply({ type: 'done', id: last().lastId(), output: 'ok' })
    await expect(next).resolves.toBe('ok')
    expect(spawn).toHaveBeenCalledOnce()
  })

  it('keeps the worker referenced only while it has jobs', async () => {
    const { jobs, last } = setup()
    const first = run(jobs)
    const channel = last()
    const second = run(jobs)
    expect(channel.ref).toHaveBeenCalledOnce()

    channel.reply({ type: 'done', id: channel.lastId(), output: 1 })
    expect(channel.ref).toHaveBeenCalledTimes(2)
    expect(channel.unref).not.toHaveBeenCalled()
    channel.reply({ type: 'failed', id: channel.lastId(), error: { code: 'x', message: 'y' } })
    expect(channel.unref).toHaveBeenCalledOnce()

    await first
    await thrown(second)
  })
})
