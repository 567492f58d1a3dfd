// npm run bench: prints one JSON line per measurement: { name, size, ms, MiB } (some add a field,
// e.g. `ratio`). Runs the built app (web host) and Debian's Chromium, and the import pipeline in
// child Node processes; medians of several runs. BENCH_ONLY=import (or =renderer, =report,
// =backup, =round, =package, =package-page for its in-page part alone) runs one part.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { readFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { createRequire } from 'node:module'
import { build } from 'vite'
import { chromium } from '@playwright/test'
import { benchRegisterViews } from './register-views.mjs'
import { benchImport } from './import-bench.mjs'
import { benchReport } from './report-bench.mjs'
import { benchBackup } from './backup-bench.mjs'
import { benchRound } from './round-bench.mjs'
import { benchPackage } from './package-bench.mjs'

const root = resolve(import.meta.dirname, '../..')
const require = createRequire(import.meta.url)
const { startWebHost } = require(join(root, 'out/main/web-host.js'))
const RUNS = Number(process.env.BENCH_RUNS ?? 5)
const IMPORT_RUNS = Number(process.env.BENCH_IMPORT_RUNS ?? 3)
const ONLY = process.env.BENCH_ONLY
const launchOptions = {
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: [
    '--headless',
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--enable-precise-memory-info',
  ],
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
const mib = (bytes) => Math.round((bytes / 1024 / 1024) * 10) / 10
function report(name, size, ms, MiB, extra = {}) {
  console.log(JSON.stringify({ name, size, ms: Math.round(ms), MiB, ...extra }))
}
/**
 * A fresh browser profile on disk, as the app's window has (Electron's session and a clerk's own
 * Chromium both keep IndexedDB on disk). An incognito context keeps it in memory, where Chromium
 * writes large transactions several times slower: measuring there would not be what a clerk runs.
 */
async function openProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'ocop-bench-profile-'))
  const context = await chromium.launchPersistentContext(dir, launchOptions)
  return {
    newPage: () => context.newPage(),
    close: async () => {
      await context.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
const heapOf = (page) => page.evaluate(() => performance.memory?.usedJSHeapSize ?? 0)

async function coldStart() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bench-'))
  const host = await startWebHost({
    port: 0,
    dataDir,
    rendererDir: join(root, 'out/renderer'),
    version: 'bench',
  })
  const times = []
  const heaps = []
  try {
    for (let i = 0; i < RUNS; i++) {
      const profile = await openProfile()
      const page = await profile.newPage()
      const start = performance.now()
      await page.goto(host.url)
      await page.getByRole('navigation').getByText('Cài đặt').waitFor()
      times.push(performance.now() - start)
      heaps.push(await heapOf(page))
      await profile.close()
    }
  } finally {
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
  report('renderer-cold-start', 1, median(times), mib(median(heaps)))
}

/** The repository bench (repo-bench.ts) bundled and served on 127.0.0.1, for a page to run. */
async function servedBenchBundle() {
  const outDir = mkdtempSync(join(tmpdir(), 'ocop-bench-bundle-'))
  await build({
    configFile: false,
    logLevel: 'error',
    resolve: {
      alias: { '@shared': join(root, 'src-shared'), '@': join(root, 'src-renderer/src') },
    },
    build: {
      outDir,
      emptyOutDir: true,
      lib: {
        entry: join(root, 'tests/bench/repo-bench.ts'),
        formats: ['iife'],
        name: 'bench',
        fileName: () => 'bench.js',
      },
    },
  })
  writeFileSync(
    join(outDir, 'index.html'),
    '<!doctype html><meta charset="utf-8"><script src="bench.js"></script>',
  )
  const server = createServer(async (req, res) => {
    const file = req.url === '/bench.js' ? 'bench.js' : 'index.html'
    res.writeHead(200, { 'Content-Type': file.endsWith('.js') ? 'text/javascript' : 'text/html' })
    res.end(await readFile(join(outDir, file)))
  })
  await new Promise((r) => server.listen(0, '127.0.0.1', r))
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => {
      server.close()
      rmSync(outDir, { recursive: true, force: true })
    },
  }
}

async function repositories(size) {
  const bundle = await servedBenchBundle()
  const writes = []
  const reads = []
  const heaps = []
  const importMatches = []
  const importCommits = []
  const edits = []
  try {
    for (let i = 0; i < RUNS; i++) {
      const profile = await openProfile()
      const page = await profile.newPage()
      await page.goto(bundle.url)
      const result = await page.evaluate((n) => globalThis.runRepoBench(n), size)
      writes.push(result.writeMs)
      reads.push(result.readMs)
      heaps.push(await heapOf(page))
      const imported = await page.evaluate((n) => globalThis.runImportCommitBench(n), size)
      importMatches.push(imported.matchMs)
      importCommits.push(imported.commitMs)
      const edited = await page.evaluate((n) => globalThis.runEvaluationEditBench(n, 5), size)
      edits.push(edited.editMs)
      await profile.close()
    }
  } finally {
    bundle.close()
  }
  report('products-write-repository', size, median(writes), mib(median(heaps)))
  report('products-read-repository', size, median(reads), mib(median(heaps)))
  // 10,000 new commune rows (producer, product, evaluation each) in one transaction.
  report('import-match', size, median(importMatches), mib(median(heaps)))
  report('import-commit', size, median(importCommits), mib(median(heaps)))
  // One evaluation edited in a register of 10,000 products with 50,000 evaluations.
  report('evaluation-edit-repository', size, median(edits), mib(median(heaps)))
}

/**
 * Nhận dữ liệu in the page: a package of `size` products with five evaluations each previewed
 * against a register of the same size and committed to IndexedDB (and the sender's export).
 */
async function packageMergeInPage(size) {
  const bundle = await servedBenchBundle()
  const runs = { exportMs: [], previewMs: [], commitMs: [] }
  const heaps = []
  try {
    for (let i = 0; i < IMPORT_RUNS; i++) {
      const profile = await openProfile()
      const page = await profile.newPage()
      await page.goto(bundle.url)
      const result = await page.evaluate((n) => globalThis.runPackageMergeBench(n, 5), size)
      for (const key of Object.keys(runs)) runs[key].push(result[key])
      heaps.push(await heapOf(page))
      await profile.close()
    }
  } finally {
    bundle.close()
  }
  report('package-export-page', size, median(runs.exportMs), mib(median(heaps)))
  report('package-preview-page', size, median(runs.previewMs), mib(median(heaps)))
  report('package-commit-page', size, median(runs.commitMs), mib(median(heaps)))
}

async function registerViews() {
  const dataDir = mkdtempSync(join(tmpdir(), 'ocop-bench-'))
  const host = await startWebHost({
    port: 0,
    dataDir,
    rendererDir: join(root, 'out/renderer'),
    version: 'bench',
  })
  try {
    await benchRegisterViews({ openProfile, host, runs: RUNS, report, median, mib, heapOf })
  } finally {
    await host.close()
    rmSync(dataDir, { recursive: true, force: true })
  }
}

if (ONLY === undefined || ONLY === 'renderer') {
  await coldStart()
  await repositories(10_000)
  await registerViews()
}
if (ONLY === undefined || ONLY === 'import') {
  await benchImport({ runs: IMPORT_RUNS, report, median })
}
// The products report of 10,000 products as .xlsx (< 2 s, < 300 MiB).
if (ONLY === undefined || ONLY === 'report') {
  await benchReport({ runs: IMPORT_RUNS, report, median })
}
// Main's event loop while it writes the backup of a large register (~74 MB): stalls under 100 ms.
if (ONLY === undefined || ONLY === 'backup') {
  await benchBackup({ report })
}
// The results of an evaluation round of 300 products × 9 members (< 300 ms).
if (ONLY === undefined || ONLY === 'round') {
  await benchRound({ runs: RUNS, report, median })
}
// A package of 10,000 products with 50,000 evaluations merged into a register of the same size
// (< 5 s, < 500 MiB), inside one process and as the `ocop package merge` process; its export too.
if (ONLY === undefined || ONLY === 'package' || ONLY === 'package-page') {
  if (ONLY !== 'package-page') await benchPackage({ runs: IMPORT_RUNS, report, median })
  await packageMergeInPage(10_000)
}
