// Report benchmark (issue 6 target): the products report of 10,000 products written as .xlsx by
// writeReportXlsx, each run in a fresh Node process for its peak RSS. Target: < 2 s, < 300 MiB.
import { execFileSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { build } from 'vite'

const root = resolve(import.meta.dirname, '../..')
const child = join(import.meta.dirname, 'report-child.mjs')

/** Bundles writeReportXlsx and what it imports from src-main/src-shared into one CommonJS file. */
export async function buildReportBundle() {
  // Inside the repo, so the bundle's require() of exceljs finds node_modules.
  const outDir = join(root, 'out/bench-report')
  await build({
    configFile: false,
    logLevel: 'error',
    resolve: { alias: { '@shared': join(root, 'src-shared') } },
    build: {
      outDir,
      emptyOutDir: true,
      ssr: join(import.meta.dirname, 'report-entry.mjs'),
      rollupOptions: { output: { format: 'cjs', entryFileNames: 'report-xlsx.cjs' } },
    },
  })
  return join(outDir, 'report-xlsx.cjs')
}

export async function benchReport({ runs, report, median }) {
  const bundle = await buildReportBundle()
  const size = 10_000
  const results = []
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [child, bundle, String(size)], {
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    })
    results.push(JSON.parse(out.trim().split('\n').pop()))
  }
  report(
    'report-products-xlsx',
    size,
    median(results.map((r) => r.ms)),
    median(results.map((r) => r.MiB)),
  )
}

// Alone: node tests/bench/report-bench.mjs (it bundles itself; no build needed).
if (process.argv[1] === import.meta.filename) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  await benchReport({
    runs: Number(process.env.BENCH_IMPORT_RUNS ?? 3),
    median,
    report: (name, size, ms, MiB) =>
      console.log(JSON.stringify({ name, size, ms: Math.round(ms), MiB })),
  })
}
