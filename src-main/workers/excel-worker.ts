/**
 * Entry point of the Excel worker (built to out/main/excel-worker.js). Electron starts it as a
 * utilityProcess, the web host and the CLI as a worker thread; it detects which at start and then
 * speaks the same protocol over either port, so the jobs never know where they run.
 */
import { parentPort as threadPort } from 'node:worker_threads'
import { toAppErrorData } from '@shared/errors'
import { runJob } from '../services/excel/jobs'
import type { FromWorker, ToWorker } from './protocol'

/** The part of Electron's `process.parentPort` we use (its types come only with electron). */
interface ElectronParentPort {
  on(event: 'message', listener: (event: { data: unknown }) => void): void
  postMessage(message: unknown): void
}

interface Port {
  onMessage(listener: (message: unknown) => void): void
  send(message: FromWorker): void
}

function connect(): Port | null {
  const electronPort = (process as NodeJS.Process & { parentPort?: ElectronParentPort }).parentPort
  if (electronPort) {
    return {
      onMessage: (listener) => electronPort.on('message', (event) => listener(event.data)),
      // Electron's parent port can only transfer MessagePorts: the bytes are copied once.
      send: (message) => electronPort.postMessage(message),
    }
  }
  if (threadPort) {
    const port = threadPort
    return {
      onMessage: (listener) => port.on('message', listener),
      // Between threads the output bytes move instead of being copied.
      send: (message) => port.postMessage(message, transferablesOf(message)),
    }
  }
  return null
}

/** ArrayBuffers of the byte arrays at the top of a job's output that may be moved, not copied. */
function transferablesOf(message: FromWorker): ArrayBuffer[] {
  if (message.type !== 'done' || typeof message.output !== 'object' || message.output === null) {
    return []
  }
  const buffers: ArrayBuffer[] = []
  for (const value of Object.values(message.output)) {
    // Only an array that owns its whole buffer may be moved: moving a slice would detach memory
    // that other values in this thread still use.
    if (
      value instanceof Uint8Array &&
      value.buffer instanceof ArrayBuffer &&
      value.byteOffset === 0 &&
      value.byteLength === value.buffer.byteLength &&
      !buffers.includes(value.buffer)
    ) {
      buffers.push(value.buffer)
    }
  }
  return buffers
}

function isRunRequest(message: unknown): message is ToWorker {
  const candidate = message as Partial<ToWorker> | null
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    candidate.type === 'run' &&
    typeof candidate.id === 'string' &&
    typeof candidate.job === 'string'
  )
}

async function handle(port: Port, message: unknown): Promise<void> {
  if (!isRunRequest(message)) {
    console.error('[excel-worker] ignored a message that is not a run request:', message)
    return
  }
  const { id, job, input } = message
  try {
    const output = await runJob(job, input, (progress) =>
      port.send({ type: 'progress', id, ...progress }),
    )
    port.send({ type: 'done', id, output })
  } catch (error) {
    port.send({ type: 'failed', id, error: toAppErrorData(error) })
  }
}

const port = connect()
if (port) {
  port.onMessage((message) => void handle(port, message))
} else {
  console.error(
    'excel-worker.js chỉ chạy bên trong OCOP Desk (utilityProcess hoặc worker thread). Hãy dùng "npm run ocop -- --help".',
  )
  process.exitCode = 1
}
