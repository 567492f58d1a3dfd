/**
 * Runs Excel jobs in an Electron utilityProcess, so reading a 100k-row workbook never freezes the
 * window. The process starts with the first job and is restarted by the next job if it dies.
 */
import { randomUUID } from 'node:crypto'
import { utilityProcess, type UtilityProcess } from 'electron'
import { AppError } from '@shared/errors'
import type {
  FromWorker,
  JobInput,
  JobName,
  JobOutput,
  JobProgressReport,
  JobRunner,
  ToWorker,
} from './workers/protocol'

interface PendingJob {
  job: JobName
  resolve(output: unknown): void
  reject(error: AppError): void
  onProgress?: (progress: JobProgressReport) => void
}

export type WorkerProcess = Pick<UtilityProcess, 'on' | 'postMessage' | 'kill'>

function forkExcelWorker(modulePath: string): WorkerProcess {
  return utilityProcess.fork(modulePath, [], {
    serviceName: 'OCOP Desk Excel',
    stdio: 'inherit',
  })
}

function cancelled(job: JobName, cause: string): AppError {
  return new AppError({
    code: 'job.cancelled',
    message: 'Công việc đã dừng vì ứng dụng đang đóng. Dữ liệu không bị thay đổi.',
    cause: `${job}: ${cause}`,
  })
}

function isWorkerMessage(message: unknown): message is FromWorker {
  if (typeof message !== 'object' || message === null) return false
  const { type, id } = message as Record<string, unknown>
  return typeof id === 'string' && (type === 'progress' || type === 'done' || type === 'failed')
}

export function createElectronJobRunner(
  modulePath: string,
  fork: (modulePath: string) => WorkerProcess = forkExcelWorker,
): JobRunner {
  let child: WorkerProcess | null = null
  let closing = false
  const pending = new Map<string, PendingJob>()
  const exitWaiters: (() => void)[] = []

  const rejectAll = (error: (job: JobName) => AppError): void => {
    for (const [id, job] of pending) {
      pending.delete(id)
      job.reject(error(job.job))
    }
  }

  const start = (): WorkerProcess => {
    const worker = fork(modulePath)
    worker.on('message', (message: unknown) => {
      if (!isWorkerMessage(message)) {
        console.warn('[jobs] ignored a malformed message from the Excel worker')
        return
      }
      const job = pending.get(message.id)
      if (!job) return
      if (message.type === 'progress') {
        const { stage, done, total } = message
        job.onProgress?.({ stage, done, total })
        return
      }
      pending.delete(message.id)
      if (message.type === 'done') job.resolve(message.output)
      else job.reject(new AppError(message.error))
    })
    worker.on('exit', (code: number) => {
      if (child === worker) child = null
      rejectAll((job) =>
        closing
          ? cancelled(job, 'worker closed')
          : new AppError({
              code: 'job.worker-exited',
              message:
                'Bộ xử lý tệp Excel đã dừng đột ngột nên công việc chưa hoàn thành. Dữ liệu không bị thay đổi. Hãy thử lại; nếu lỗi lặp lại, hãy gửi nhật ký cho bộ phận kỹ thuật.',
              cause: `${job}: excel worker exited with code ${code}`,
            }),
      )
      for (const waiter of exitWaiters.splice(0)) waiter()
    })
    return worker
  }

  return {
    run<J extends JobName>(
      job: J,
      input: JobInput<J>,
      onProgress?: (progress: JobProgressReport) => void,
    ): Promise<JobOutput<J>> {
      if (closing) {
        return Promise.reject(cancelled(job, 'runner closed'))
      }
      child ??= start()
      const worker = child
      const id = randomUUID()
      return new Promise<JobOutput<J>>((resolve, reject) => {
        const entry: PendingJob = {
          job,
          resolve: (output) => resolve(output as JobOutput<J>),
          reject,
        }
        if (onProgress) entry.onProgress = onProgress
        pending.set(id, entry)
        const message: ToWorker = { type: 'run', id, job, input }
        worker.postMessage(message)
      })
    },

    close(): Promise<void> {
      closing = true
      const worker = child
      if (!worker) return Promise.resolve()
      return new Promise<void>((resolve) => {
        exitWaiters.push(resolve)
        if (!worker.kill()) {
          // Already gone: no exit event will come, so settle everything here.
          child = null
          rejectAll((job) => cancelled(job, 'worker already gone'))
          for (const waiter of exitWaiters.splice(0)) waiter()
        }
      })
    },
  }
}
