/**
 * Paths of the built entry points that end-to-end tests run; Vitest's global setup builds them
 * first when a source changed.
 */
import { spawn, type SpawnOptions } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const OUT_MAIN = resolve(import.meta.dirname, '../../../../out/main')

/** The built file `name` in out/main; fails the test with a hint when it was not built. */
export function builtFile(name: string): string {
  const file = join(OUT_MAIN, name)
  if (!existsSync(file)) throw new Error(`${file} does not exist: run npm run build first`)
  return file
}

/** What a built entry point printed, and how it ended. */
export interface BuiltRun {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the built file `name` with `args` in a child Node process, to its end. */
export function runBuilt(
  name: string,
  args: string[],
  options: SpawnOptions = {},
): Promise<BuiltRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtFile(name), ...args], options)
    let stdout = ''
    let stderr = ''
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
