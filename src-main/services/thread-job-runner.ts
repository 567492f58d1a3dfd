/**
 * A JobRunner on a Node worker thread, for hosts without Electron (the web host, the CLI, tests).
 * The job bookkeeping is the shared job client's; this file only adapts a worker thread to it.
 */
import { existsSync } from 'node:fs'
import { basename, dirname, join } from 'node:path'
import { Worker } from 'node:worker_threads'
import {
  createJobClient,
  describeError,
  jobErrors,
  type JobClientOptions,
  type WorkerChannel,
} from '../workers/job-client'
import type { JobRunner } from '../workers/protocol'

/** The built worker, out/main/excel-worker.js: every entry point lands in out/main/. */
export function defaultWorkerFile(): string {
  // Code shared by several entries is bundled into out/main/chunks/, so this module's __dirname
  // may be that folder rather than out/main/ itself.
  const mainDir = basename(__dirname) === 'chunks' ? dirname(__dirname) : __dirname
  return join(mainDir, 'excel-worker.js')
}

/** Creates a runner whose jobs run in `workerFile` on a worker thread. */
export function createThreadJobRunner(
  workerFile: string,
  options: JobClientOptions = {},
): JobRunner {
  return createJobClient(() => startThread(workerFile), options)
}

function startThread(workerFile: string): WorkerChannel {
  if (!existsSync(workerFile)) throw jobErrors.workerMissing(workerFile)
  const worker = new Worker(workerFile)
  return {
    postMessage: (message) => worker.postMessage(message),
    onMessage: (listener) => worker.on('message', listener),
    onExit: (listener) => {
      const gone = (cause: string): void => {
        void worker.terminate()
        listener(cause)
      }
      // 'error' is an uncaught exception in the worker; 'exit' follows it, or comes alone when the
      // worker ends itself; after 'messageerror' the worker is alive but a reply was lost.
      worker.on('error', (error) => gone(`worker error: ${describeError(error)}`))
      worker.on('exit', (code) => gone(`worker exited with code ${code}`))
      worker.on('messageerror', (error) => gone(`message error: ${describeError(error)}`))
    },
    terminate: async () => {
      await worker.terminate()
    },
    ref: () => worker.ref(),
    unref: () => worker.unref(),
  }
}
