// A whole `ocop check` process, as a clerk's script would run it: the built CLI with its Excel
// worker thread, timed from spawn to exit. Its peak resident memory is read inside the process
// at exit (peak-at-exit.mjs), so the worker's memory is counted and the bench's is not.
import { spawnSync } from 'node:child_process'
import { closeSync, openSync, readFileSync, rmSync } from 'node:fs'
import { devNull, tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'

const root = resolve(import.meta.dirname, '../..')
const CLI = join(root, 'out/main/cli.js')
const PEAK_AT_EXIT = pathToFileURL(join(import.meta.dirname, 'peak-at-exit.mjs')).href
let runs = 0

/** Runs `ocop check ARGS…` once (see runCli). */
export function runCheck(args, options = {}) {
  return runCli(['check', ...args], options)
}

/**
 * Runs `ocop ARGS…` once; stdout goes to `stdoutFile` (or nowhere). Returns the wall time,
 * the process's peak RSS in MiB, its exit code and what it wrote to stderr.
 */
export function runCli(args, { stdoutFile } = {}) {
  const peakFile = join(tmpdir(), `ocop-bench-peak-${process.pid}-${runs++}`)
  const stdout = openSync(stdoutFile ?? devNull, 'w')
  try {
    const start = performance.now()
    const result = spawnSync(process.execPath, ['--import', PEAK_AT_EXIT, CLI, ...args], {
      stdio: ['ignore', stdout, 'pipe'],
      env: { ...process.env, OCOP_BENCH_PEAK_FILE: peakFile },
      maxBuffer: 1 << 20,
    })
    const ms = performance.now() - start
    if (result.error) throw result.error
    const MiB = Number(readFileSync(peakFile, 'utf8'))
    return { ms, MiB, code: result.status, stderr: result.stderr.toString('utf8') }
  } finally {
    closeSync(stdout)
    rmSync(peakFile, { force: true })
  }
}
