/**
 * The part of a JobRunner that does not depend on where the worker runs: one long-lived worker,
 * started by the first job (and by the first job after it died); replies matched to their job by
 * id; progress passed on; and every job still waiting rejected with a Vietnamese AppError when the
 * worker dies or the runner closes. The Electron (utilityProcess) and plain-Node (worker_threads)
 * runners only adapt their worker to a WorkerChannel. Plain Node: no electron here.
 */
import { AppError, type AppErrorData } from '@shared/errors'
import type {
  FromWorker,
  JobInput,
  JobName,
  JobOutput,
  JobProgressReport,
  JobRunner,
  ToWorker,
} from './protocol'

/** A started worker, as the job client sees it. */
export interface WorkerChannel {
  /** Throws when the message cannot be copied to the worker. */
  postMessage(message: ToWorker): void
  /** Every message from the worker, unchecked: the client validates it. */
  onMessage(listener: (message: unknown) => void): void
  /**
   * The worker is gone, or unusable and being ended by the adapter: it will answer no more jobs.
   * `cause` is for the log. May fire more than once; only the first counts.
   */
  onExit(listener: (cause: string) => void): void
  /** Ends the worker; resolves once it is gone. */
  terminate(): Promise<void>
  /** Whether the worker keeps the process alive (worker threads): only while it has jobs. */
  ref?(): void
  unref?(): void
}

const TRY_AGAIN = 'Hãy thử lại; nếu lỗi lặp lại, hãy gửi nhật ký cho bộ phận kỹ thuật.'

/** The errors of running jobs, one wording for every runner. */
export const jobErrors = {
  workerStopped: (job: JobName, cause: string): AppError =>
    new AppError({
      code: 'job.worker-stopped',
      message: `Phần xử lý Excel dừng đột ngột nên việc đang làm chưa xong. Dữ liệu không bị thay đổi. ${TRY_AGAIN}`,
      cause: `${job}: ${cause}`,
    }),
  cancelled: (job: JobName, cause: string): AppError =>
    new AppError({
      code: 'job.cancelled',
      message:
        'Việc xử lý Excel đã bị huỷ vì ứng dụng đang đóng. Dữ liệu không bị thay đổi; hãy mở lại ứng dụng và làm lại.',
      cause: `${job}: ${cause}`,
    }),
  runnerClosed: (job: JobName): AppError =>
    new AppError({
      code: 'job.runner-closed',
      message: 'Ứng dụng đang đóng nên không bắt đầu việc xử lý Excel mới.',
      cause: `run(${job}) after close()`,
    }),
  workerMissing: (workerFile: string): AppError =>
    new AppError({
      code: 'job.worker-missing',
      message: `Không tìm thấy phần xử lý Excel của ứng dụng (${workerFile}). Hãy cài lại OCOP Desk; nếu đang chạy từ mã nguồn, hãy chạy "npm run build".`,
      cause: `worker file ${workerFile} does not exist`,
    }),
  badInput: (job: JobName, cause: string): AppError =>
    new AppError({
      code: 'job.bad-input',
      message: `Không gửi được dữ liệu cho phần xử lý Excel nên việc này chưa được làm. ${TRY_AGAIN}`,
      cause: `${job}: ${cause}`,
    }),
}

interface PendingJob {
  job: JobName
  resolve(output: unknown): void
  reject(error: AppError): void
  onProgress?: (progress: JobProgressReport) => void
}

/** Creates a runner whose jobs go to the worker that `spawn` starts (again after it dies). */
export function createJobClient(spawn: () => WorkerChannel): JobRunner {
  const pending = new Map<string, PendingJob>()
  let current: WorkerChannel | null = null
  let nextId = 1
  let closed = false

  function start(): WorkerChannel {
    const channel = spawn()
    channel.onMessage(receive)
    channel.onExit((cause) => {
      if (channel !== current) return
      current = null
      rejectAll((job) => jobErrors.workerStopped(job, cause))
    })
    return channel
  }

  function receive(message: unknown): void {
    if (!isWorkerMessage(message)) {
      console.warn('[jobs] ignored a malformed message from the Excel worker')
      return
    }
    const job = pending.get(message.id)
    if (!job) return
    if (message.type === 'progress') {
      job.onProgress?.({ stage: message.stage, done: message.done, total: message.total })
      return
    }
    settle(message.id)
    if (message.type === 'done') job.resolve(message.output)
    else job.reject(new AppError(message.error))
  }

  function settle(id: string): void {
    pending.delete(id)
    // An idle worker must not keep a CLI or a test process alive.
    if (pending.size === 0) current?.unref?.()
  }

  function rejectAll(error: (job: JobName) => AppError): void {
    const jobs = [...pending.values()]
    pending.clear()
    for (const job of jobs) job.reject(error(job.job))
  }

  function run<J extends JobName>(
    job: J,
    input: JobInput<J>,
    onProgress?: (progress: JobProgressReport) => void,
  ): Promise<JobOutput<J>> {
    return new Promise<JobOutput<J>>((resolve, reject) => {
      if (closed) {
        reject(jobErrors.runnerClosed(job))
        return
      }
      let channel: WorkerChannel
      try {
        channel = current ??= start()
      } catch (error) {
        reject(
          error instanceof AppError
            ? error
            : jobErrors.workerStopped(job, `could not start the worker: ${describeError(error)}`),
        )
        return
      }
      const id = `job-${nextId++}`
      pending.set(id, {
        job,
        resolve: resolve as (output: unknown) => void,
        reject,
        ...(onProgress ? { onProgress } : {}),
      })
      try {
        channel.postMessage({ type: 'run', id, job, input })
      } catch (error) {
        // The input could not be copied to the worker (a function, a class instance …): a bug.
        settle(id)
        reject(jobErrors.badInput(job, describeError(error)))
        return
      }
      channel.ref?.()
    })
  }

  async function close(): Promise<void> {
    closed = true
    const channel = current
    if (!channel) return
    current = null
    // Reject what is still running now, with the "closing" message, not when the worker is gone.
    rejectAll((job) => jobErrors.cancelled(job, 'runner closed'))
    await channel.terminate()
  }

  return { run, close }
}

function isWorkerMessage(message: unknown): message is FromWorker {
  if (typeof message !== 'object' || message === null) return false
  const { type, id } = message as Record<string, unknown>
  if (typeof id !== 'string') return false
  if (type === 'progress' || type === 'done') return true
  if (type !== 'failed') return false
  const { error } = message as { error?: Partial<AppErrorData> | null }
  return typeof error?.code === 'string' && typeof error.message === 'string'
}

export function describeError(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
