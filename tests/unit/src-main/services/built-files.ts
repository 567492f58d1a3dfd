/**
 * Paths of the built entry points that end-to-end tests run; Vitest's global setup builds them
 * first when a source changed.
 */
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const OUT_MAIN = resolve(import.meta.dirname, '../../../../out/main')

/** The built file `name` in out/main; fails the test with a hint when it was not built. */
export function builtFile(name: string): string {
  const file = join(OUT_MAIN, name)
  if (!existsSync(file)) throw new Error(`${file} does not exist: run npm run build first`)
  return file
}
