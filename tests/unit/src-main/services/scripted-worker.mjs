// A stand-in for the Excel worker in the job runner's tests: it speaks the job protocol and does
// what each job's input asks, so a test can make a worker fail in each way a real one might.
import { parentPort, threadId } from 'node:worker_threads'

parentPort.on('message', ({ id, input }) => {
  if (input.exit) process.exit(3)
  if (input.throw) throw new Error('boom in worker')
  // Never answers, but the thread stays free.
  if (input.hang) return
  if (input.spin) {
    for (;;) {
      // Stuck in running code: only ending the thread stops it.
    }
  }
  parentPort.postMessage({ type: 'progress', id, stage: 'work', done: 1, total: 1 })
  parentPort.postMessage({ type: 'done', id, output: { threadId } })
})
