/**
 * A JobRunner on a Node worker thread, for hosts without Electron (the web host, the CLI, tests).
 * One long-lived worker is started on the first job and reused; if it dies, the jobs it held fail
 * with a Vietnamese message and the next job starts a fresh one.
 */
import { existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { AppError, type AppErrorData } from '@shared/errors'
import type {
  FromWorker,
  JobInput,
  JobName,
  JobOutput,
  JobProgressReport,
  JobRunner,
  ToWorker,
} from '../workers/protocol'

interface PendingJob {
  job: JobName
  resolve(output: unknown): void
  reject(error: AppError): void
  onProgress?: (progress: JobProgressReport) => void
}

/** The built worker, out/main/excel-worker.js: every entry point lands in out/main/. */
export function defaultWorkerFile(): string {
  // Code shared by several entries is bundled into out/main/chunks/, so this module's __dirname
  // may be that folder rather than out/main/ itself.
  const mainDir = basename(__dirname) === 'chunks' ? dirname(__dirname) : __dirname
  return join(mainDir, 'excel-worker.js')
}

/** Creates a runner whose jobs run in `workerFile` on a worker thread. */
export function createThreadJobRunner(workerFile: string): JobRunner {
  const pending = new Map<string, PendingJob>()
  let worker: Worker | null = null
  let nextId = 1
  let closed = false

  function start(): Worker {
    if (!existsSync(workerFile)) {
      throw new AppError({
        code: 'job.worker-missing',
        message: `Không tìm thấy phần xử lý Excel của ứng dụng (${workerFile}). Hãy cài lại OCOP Desk; nếu đang chạy từ mã nguồn, hãy chạy "npm run build".`,
        cause: `worker file ${workerFile} does not exist`,
      })
    }
    const started = new Worker(workerFile)
    started.on('message', (message: FromWorker) => receive(message))
    // 'error' is an uncaught exception in the worker; 'exit' follows it, or comes alone when the
    // worker ends itself. Either way its jobs will never be answered.
    started.on('error', (error) => stopped(started, `worker error: ${describe(error)}`))
    started.on('exit', (code) => stopped(started, `worker exited with code ${code}`))
    started.on('messageerror', (error) => stopped(started, `message error: ${describe(error)}`))
    return started
  }

  function receive(message: FromWorker): void {
    const job = pending.get(message.id)
    if (!job) return
    if (message.type === 'progress') {
      job.onProgress?.({ stage: message.stage, done: message.done, total: message.total })
      return
    }
    settle(message.id)
    if (message.type === 'done') job.resolve(message.output)
    else job.reject(new AppError(message.error satisfies AppErrorData))
  }

  function stopped(which: Worker, cause: string): void {
    if (which !== worker) return
    worker = null
    void which.terminate()
    const jobs = [...pending.values()]
    pending.clear()
    for (const job of jobs) {
      job.reject(
        new AppError({
          code: 'job.worker-stopped',
          message: closed
            ? 'Việc xử lý Excel đã bị huỷ vì ứng dụng đang đóng. Hãy mở lại ứng dụng và làm lại.'
            : 'Phần xử lý Excel dừng đột ngột nên việc đang làm chưa xong. Dữ liệu không bị thay đổi. Hãy thử lại; nếu lỗi lặp lại, hãy gửi nhật ký cho bộ phận kỹ thuật.',
          cause: `${job.job}: ${cause}`,
        }),
      )
    }
  }

  function settle(id: string): void {
    pending.delete(id)
    // An idle worker must not keep a CLI or a test process alive.
    if (pending.size === 0) worker?.unref()
  }

  function run<J extends JobName>(
    job: J,
    input: JobInput<J>,
    onProgress?: (progress: JobProgressReport) => void,
  ): Promise<JobOutput<J>> {
    return new Promise<JobOutput<J>>((resolve, reject) => {
      if (closed) {
        reject(
          new AppError({
            code: 'job.runner-closed',
            message: 'Ứng dụng đang đóng nên không bắt đầu việc xử lý Excel mới.',
            cause: `run(${job}) after close()`,
          }),
        )
        return
      }
      try {
        worker ??= start()
      } catch (error) {
        reject(error)
        return
      }
      const id = `job-${nextId++}`
      pending.set(id, {
        job,
        resolve: resolve as (output: unknown) => void,
        reject,
        ...(onProgress ? { onProgress } : {}),
      })
      const request: ToWorker = { type: 'run', id, job, input }
      try {
        worker.postMessage(request)
      } catch (error) {
        // The input could not be copied to the thread (a function, a class instance …): a bug.
        settle(id)
        reject(
          new AppError({
            code: 'job.bad-input',
            message:
              'Không gửi được dữ liệu cho phần xử lý Excel nên việc này chưa được làm. Hãy thử lại; nếu lỗi lặp lại, hãy gửi nhật ký cho bộ phận kỹ thuật.',
            cause: `${job}: ${describe(error)}`,
          }),
        )
        return
      }
      worker.ref()
    })
  }

  async function close(): Promise<void> {
    closed = true
    const current = worker
    if (!current) return
    // Reject what is still running now, before the exit event, with the "closing" message.
    stopped(current, 'runner closed')
    await current.terminate()
  }

  return { run, close }
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}
