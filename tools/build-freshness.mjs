// Whether out/ is missing or older than a source file, and a build when it is, so `npm run web`,
// `npm run ocop`, `npm run bench`, the Playwright web server and the Vitest tests that run the
// built worker and CLI always run the code as it is now (tools/ensure-built.mjs runs it from npm
// scripts, tests/unit/global-setup.mjs before Vitest).
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const ROOT = join(import.meta.dirname, '..')

/** What the build reads, relative to the project folder. */
export const BUILD_SOURCES = [
  'src-main',
  'src-preload',
  'src-renderer',
  'src-shared',
  'resources',
  'electron.vite.config.ts',
  'package.json',
]

/** Every entry point the build writes, relative to the project folder. */
export const BUILD_OUTPUTS = [
  'out/main/index.js',
  'out/main/excel-worker.js',
  'out/main/web-host.js',
  'out/main/cli.js',
  'out/preload/index.js',
  'out/renderer/index.html',
]

/** The latest change under `path`; a folder's own time counts, so a deleted file counts too. */
function newestChange(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestChange(join(path, name))),
    stat.mtimeMs,
  )
}

/** True when an output of the build in `root` is missing or older than a source. */
export function buildIsStale(root = ROOT) {
  const outputs = BUILD_OUTPUTS.map((file) => join(root, file))
  if (outputs.some((file) => !existsSync(file))) return true
  const sources = BUILD_SOURCES.map((source) => join(root, source)).filter((path) =>
    existsSync(path),
  )
  const newestSource = Math.max(...sources.map(newestChange))
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs))
  return newestSource > oldestOutput
}

/** Builds the project when buildIsStale says so; `quiet` hides even the line saying it builds. */
export function ensureBuilt({ quiet = false } = {}) {
  if (!buildIsStale()) return
  if (!quiet) console.error('Đang dựng lại ứng dụng (electron-vite build)…')
  execSync('npx electron-vite build', {
    cwd: ROOT,
    stdio: quiet ? 'ignore' : ['ignore', 'ignore', 'inherit'],
  })
}
