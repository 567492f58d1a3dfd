// Builds with electron-vite when out/ is missing or older than any source file, so `npm run web`,
// `npm run ocop` and `npm run bench` always run the code as it is now.
import { execSync } from 'node:child_process'
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

const root = join(import.meta.dirname, '..')
const quiet = process.argv.includes('--quiet')
const sources = [
  'src-main',
  'src-preload',
  'src-renderer',
  'src-shared',
  'resources',
  'electron.vite.config.ts',
  'package.json',
]
const outputs = [
  'out/main/index.js',
  'out/main/web-host.js',
  'out/main/cli.js',
  'out/preload/index.js',
  'out/renderer/index.html',
]

function newest(path) {
  const stat = statSync(path)
  if (!stat.isDirectory()) return stat.mtimeMs
  return readdirSync(path).reduce(
    (max, name) => Math.max(max, newest(join(path, name))),
    stat.mtimeMs,
  )
}

const built = outputs.map((file) => join(root, file))
const stale =
  built.some((file) => !existsSync(file)) ||
  Math.max(...sources.map((s) => newest(join(root, s)))) >
    Math.min(...built.map((file) => statSync(file).mtimeMs))

if (stale) {
  if (!quiet) console.error('Đang dựng lại ứng dụng (electron-vite build)…')
  execSync('npx electron-vite build', {
    cwd: root,
    stdio: quiet ? 'ignore' : ['ignore', 'ignore', 'inherit'],
  })
}
