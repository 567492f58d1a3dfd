/**
 * Runs Excel jobs in an Electron utilityProcess, so reading a 100k-row workbook never freezes the
 * window. The job bookkeeping is the shared job client's; this file only adapts the process to it.
 */
import { utilityProcess, type UtilityProcess } from 'electron'
import { createJobClient, type JobClientOptions, type WorkerChannel } from './workers/job-client'
import type { JobRunner } from './workers/protocol'

type WorkerProcess = Pick<UtilityProcess, 'on' | 'postMessage' | 'kill'>

function forkExcelWorker(modulePath: string): WorkerProcess {
  return utilityProcess.fork(modulePath, [], {
    serviceName: 'OCOP Desk Excel',
    stdio: 'inherit',
  })
}

function processChannel(child: WorkerProcess): WorkerChannel {
  return {
    postMessage: (message) => child.postMessage(message),
    onMessage: (listener) => child.on('message', listener),
    onExit: (listener) =>
      child.on('exit', (code: number) => listener(`excel worker exited with code ${code}`)),
    terminate: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve())
        // false: the process is already gone, so no exit event will come.
        if (!child.kill()) resolve()
      }),
  }
}

export function createElectronJobRunner(
  modulePath: string,
  options: JobClientOptions = {},
): JobRunner {
  return createJobClient(() => processChannel(forkExcelWorker(modulePath)), options)
}
