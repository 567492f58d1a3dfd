import { afterEach, describe, expect, it, vi } from 'vitest'
import { AppError } from '@shared/errors'
import { createJobClient, type WorkerChannel } from '../../../../src-main/workers/job-client'
import type { JobInput, JobRunner, ToWorker } from '../../../../src-main/workers/protocol'
import { thrown } from '../thrown'

/** A worker the test drives by hand: it records what it is sent and says what it is told to. */
class FakeChannel implements WorkerChannel {
  sent: ToWorker[] = []
  private messageListeners: ((message: unknown) => void)[] = []
  private exitListeners: ((cause: string) => void)[] = []
  postMessage = vi.fn((message: ToWorker) => {
    this.sent.push(message)
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

function setup() {
  const channels: FakeChannel[] = []
  const spawn = vi.fn(() => {
    const channel = new FakeChannel()
    channels.push(channel)
    return channel
  })
  const jobs = createJobClient(spawn)
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

afterEach(() => vi.restoreAllMocks())

describe('job client', () => {
  it('starts the worker with the first job and reuses it', () => {
    const { jobs, spawn, last } = setup()
    expect(spawn).not.toHaveBeenCalled()

    void run(jobs)
    void run(jobs)

    expect(spawn).toHaveBeenCalledOnce()
    expect(last().sent).toEqual([
      { type: 'run', id: expect.any(String), job: 'import-template', input: {} },
      { type: 'run', id: expect.any(String), job: 'import-template', input: {} },
    ])
    expect(last().sent[0]?.id).not.toBe(last().sent[1]?.id)
  })

  it('answers each job by its id and forwards its progress', async () => {
    const { jobs, last } = setup()
    const progress = vi.fn()
    const first = run(jobs, progress)
    const firstId = last().lastId()
    const second = run(jobs)
    const secondId = last().lastId()

    last().reply({ type: 'progress', id: firstId, stage: 'write', done: 1, total: 2 })
    last().reply({ type: 'done', id: secondId, output: 'b' })
    last().reply({ type: 'done', id: firstId, output: 'a' })

    expect(progress).toHaveBeenCalledExactlyOnceWith({ stage: 'write', done: 1, total: 2 })
    await expect(first).resolves.toBe('a')
    await expect(second).resolves.toBe('b')
  })

  it('rejects with the AppError the worker reports', async () => {
    const { jobs, last } = setup()
    const job = run(jobs)
    const error = { code: 'excel.broken', message: 'Tệp hỏng.', cause: 'bad zip' }

    last().reply({ type: 'failed', id: last().lastId(), error })

    const rejected = await thrown(job)
    expect(rejected.toData()).toEqual(error)
  })

  it('ignores malformed messages and replies to unknown jobs', async () => {
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

  it('rejects every pending job when the worker stops, then starts a new one', async () => {
    const { jobs, spawn, channels, last } = setup()
    const first = thrown(run(jobs))
    const second = thrown(run(jobs))

    last().exit('worker exited with code 3')
    last().exit('worker error: boom')

    for (const error of [await first, await second]) {
      expect(error.code).toBe('job.worker-stopped')
      expect(error.message).toContain('dừng đột ngột')
      expect(error.technicalCause).toBe('import-template: worker exited with code 3')
    }
    const next = run(jobs)
    expect(spawn).toHaveBeenCalledTimes(2)
    // The old worker is no longer current: its late news changes nothing.
    channels[0]!.exit('late exit')
    last().reply({ type: 'done', id: last().lastId(), output: 'ok' })
    await expect(next).resolves.toBe('ok')
  })

  it('cancels pending jobs on close, ends the worker and refuses new jobs', async () => {
    const { jobs, spawn, last } = setup()
    const pending = thrown(run(jobs))
    const channel = last()

    await jobs.close()

    expect(channel.terminate).toHaveBeenCalledOnce()
    const cancelled = await pending
    expect(cancelled.code).toBe('job.cancelled')
    expect(cancelled.message).toContain('ứng dụng đang đóng')
    // The exit that follows the close does not reject anything a second time.
    channel.exit('worker exited with code 0')
    const refused = await thrown(run(jobs))
    expect(refused.code).toBe('job.runner-closed')
    expect(spawn).toHaveBeenCalledOnce()
  })

  it('closes at once when no worker was started', async () => {
    const { jobs, spawn } = setup()

    await expect(jobs.close()).resolves.toBeUndefined()
    await expect(jobs.close()).resolves.toBeUndefined()

    expect(spawn).not.toHaveBeenCalled()
  })

  it('passes on the AppError of a worker that cannot start, and tries again next time', async () => {
    const missing = new AppError({ code: 'job.worker-missing', message: 'Không tìm thấy.' })
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

  it('rejects a job whose input cannot be sent, keeping the worker', async () => {
    const { jobs, spawn, last } = setup()
    void run(jobs)
    last().postMessage.mockImplementationOnce(() => {
      throw new DOMException('function could not be cloned', 'DataCloneError')
    })

    const error = await thrown(
      jobs.run('import-template', { f: () => 1 } as unknown as JobInput<'import-template'>),
    )

    expect(error.code).toBe('job.bad-input')
    expect(error.technicalCause).toContain('DataCloneError')
    void run(jobs)
    expect(spawn).toHaveBeenCalledOnce()
  })

  it('keeps the worker referenced only while it has jobs', async () => {
    const { jobs, last } = setup()
    const first = run(jobs)
    const channel = last()
    const second = run(jobs)
    const [firstId, secondId] = channel.sent.map((message) => message.id)
    expect(channel.ref).toHaveBeenCalledTimes(2)

    channel.reply({ type: 'done', id: firstId, output: 1 })
    expect(channel.unref).not.toHaveBeenCalled()
    channel.reply({ type: 'failed', id: secondId, error: { code: 'x', message: 'y' } })
    expect(channel.unref).toHaveBeenCalledOnce()

    await first
    await thrown(second)
  })
})
