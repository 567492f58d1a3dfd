// Report benchmark: the products report of 10,000 products written as .xlsx by
// writeReportXlsx, each run in a fresh Node process for its peak RSS. Target: < 2 s, < 300 MiB.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { bundleForNode } from './node-bundle.mjs'

const child = join(import.meta.dirname, 'report-child.mjs')

export async function benchReport({ runs, report, median }) {
  const bundle = await bundleForNode('report-entry.mjs', 'bench-report', 'report-xlsx')
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
