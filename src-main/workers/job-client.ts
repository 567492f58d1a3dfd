/**
 * The part of a JobRunner that does not depend on where the worker runs; the Electron
 * (utilityProcess) and plain-Node (worker_threads) runners only adapt their worker to a
 * WorkerChannel. Plain Node: no electron here.
 *
 * One long-lived worker, started by the first job (and again after it ended), runs one job at a
 * time; the others wait here in main, in the order they were asked for. The jobs are CPU-bound on
 * the worker's single thread, so running two at once would finish neither sooner, would add their
 * memory peaks together, and would leave main unable to tell which job a stuck or dead worker was
 * running. Replies are matched to the running job by id and its progress is passed on.
 *
 * When the worker ends, only the job it was running is lost, and that job is not run again:
 * - past its deadline (JOB_DEADLINES_MS; code running in the worker cannot be interrupted from
 *   inside, so main keeps the clock), main ends the worker and answers the job `job.timeout`;
 * - when the worker dies (an uncaught error, out of memory, a lost reply, killed from outside), the
 *   job gets `job.worker-stopped`: it most likely caused the death, and a hostile file would only
 *   cause it again. The clerk may try again.
 * The jobs still waiting then go to a fresh worker, so none is lost or stuck behind a dead one.
 * close() cancels the running and the waiting jobs alike.
 */
import { AppError, type AppErrorData } from '@shared/errors'
import {
  JOB_DEADLINES_MS,
  type FromWorker,
  type JobInput,
  type JobName,
  type JobOutput,
  type JobProgressReport,
  type JobRunner,
  type ToWorker,
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

/** The errors of running jobs, one wording for every runner. */
export const jobErrors = {
  workerStopped: (job: JobName, cause: string): AppError =>
    new AppError({ code: 'job.worker-stopped', params: {}, cause: `${job}: ${cause}` }),
  timedOut: (job: JobName, deadlineMs: number): AppError =>
    new AppError({
      code: 'job.timeout',
      // A name this build does not know (cast by a caller) is worded as Excel work in general.
      params: {
        job: Object.hasOwn(JOB_DEADLINES_MS, job) ? job : null,
        seconds: Math.ceil(deadlineMs / 1000),
      },
      cause: `${job}: no answer within ${deadlineMs} ms, the worker was ended`,
    }),
  cancelled: (job: JobName, cause: string): AppError =>
    new AppError({ code: 'job.cancelled', params: {}, cause: `${job}: ${cause}` }),
  runnerClosed: (job: JobName): AppError =>
    new AppError({ code: 'job.runner-closed', params: {}, cause: `run(${job}) after close()` }),
  workerMissing: (workerFile: string): AppError =>
    new AppError({
      code: 'job.worker-missing',
      params: { workerFile },
      cause: `worker file ${workerFile} does not exist`,
    }),
  badInput: (job: JobName, cause: string): AppError =>
    new AppError({ code: 'job.bad-input', params: {}, cause: `${job}: ${cause}` }),
}

const LONGEST_DEADLINE_MS = Math.max(...Object.values(JOB_DEADLINES_MS))

export interface JobClientOptions {
  /** Replaces the deadlines of JOB_DEADLINES_MS, for tests. */
  deadlinesMs?: Partial<Record<JobName, number>>
}

interface JobRequest {
  id: string
  job: JobName
  input: unknown
  resolve(output: unknown): void
  reject(error: AppError): void
  onProgress?: (progress: JobProgressReport) => void
}

/** The one job the worker is running, and the timer that ends it. */
interface Turn {
  request: JobRequest
  channel: WorkerChannel
  deadline: ReturnType<typeof setTimeout>
}

/** Creates a runner whose jobs go, one at a time, to the worker that `spawn` starts. */
export function createJobClient(
  spawn: () => WorkerChannel,
  options: JobClientOptions = {},
): JobRunner {
  const deadlinesMs = new Map<string, number | undefined>(
    Object.entries({ ...JOB_DEADLINES_MS, ...options.deadlinesMs }),
  )
  // A name this build does not know (cast by a caller) gets the most lenient deadline; the worker
  // will refuse it at once anyway.
  const deadlineOf = (job: JobName): number => deadlinesMs.get(job) ?? LONGEST_DEADLINE_MS
  const waiting: JobRequest[] = []
  let running: Turn | null = null
  let current: WorkerChannel | null = null
  let nextId = 1
  let closed = false

  function start(): WorkerChannel {
    const channel = spawn()
    channel.onMessage((message) => receive(channel, message))
    channel.onExit((cause) => {
      // A worker that main already let go (timed out, closed) is no news.
      if (channel !== current) return
      current = null
      if (running) finish(running, jobErrors.workerStopped(running.request.job, cause))
    })
    return channel
  }

  function receive(channel: WorkerChannel, message: unknown): void {
    if (!isWorkerMessage(message)) {
      console.warn('[jobs] ignored a malformed message from the Excel worker')
      return
    }
    const turn = running
    // A late reply from a worker main let go, or for a job no longer running, changes nothing.
    if (turn?.channel !== channel || turn.request.id !== message.id) return
    if (message.type === 'progress') {
      turn.request.onProgress?.({ stage: message.stage, done: message.done, total: message.total })
      return
    }
    finish(
      turn,
      message.type === 'done' ? { output: message.output } : AppError.fromData(message.error),
    )
  }

  /** Answers the running job and gives the worker the next one. */
  function finish(turn: Turn, outcome: { output: unknown } | AppError): void {
    clearTimeout(turn.deadline)
    running = null
    if (outcome instanceof AppError) turn.request.reject(outcome)
    else turn.request.resolve(outcome.output)
    sendNext()
  }

  function timeOut(turn: Turn): void {
    if (running !== turn) return
    // The worker is stuck in code that cannot be interrupted from inside: end it, let the next job
    // start a fresh one.
    current = null
    turn.channel.terminate().catch((error: unknown) => {
      console.warn(`[jobs] could not end the stuck Excel worker: ${describeError(error)}`)
    })
    const { job } = turn.request
    finish(turn, jobErrors.timedOut(job, deadlineOf(job)))
  }

  function sendNext(): void {
    while (!running) {
      const request = waiting.shift()
      if (!request) {
        // An idle worker must not keep a CLI or a test process alive.
        current?.unref?.()
        return
      }
      send(request)
    }
  }

  /** Starts `request` in the worker, or rejects it when it cannot be sent. */
  function send(request: JobRequest): void {
    const { id, job, input } = request
    let channel: WorkerChannel
    try {
      channel = current ??= start()
    } catch (error) {
      request.reject(
        error instanceof AppError
          ? error
          : jobErrors.workerStopped(job, `could not start the worker: ${describeError(error)}`),
      )
      return
    }
    try {
      channel.postMessage({ type: 'run', id, job, input })
    } catch (error) {
      // The input could not be copied to the worker (a function, a class instance …): a bug.
      request.reject(jobErrors.badInput(job, describeError(error)))
      return
    }
    const turn: Turn = {
      request,
      channel,
      deadline: setTimeout(() => timeOut(turn), deadlineOf(job)),
    }
    // The worker holds the process while it runs a job; its clock alone must not.
    turn.deadline.unref()
    running = turn
    channel.ref?.()
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
      waiting.push({
        id: `job-${nextId++}`,
        job,
        input,
        resolve: resolve,
        reject,
        ...(onProgress ? { onProgress } : {}),
      })
      sendNext()
    })
  }

  async function close(): Promise<void> {
    closed = true
    const channel = current
    current = null
    const turn = running
    running = null
    if (turn) clearTimeout(turn.deadline)
    // Reject what is still running or waiting now, with the "closing" message, not when the
    // worker is gone.
    for (const request of [...(turn ? [turn.request] : []), ...waiting.splice(0)]) {
      request.reject(jobErrors.cancelled(request.job, 'runner closed'))
    }
    await channel?.terminate()
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
