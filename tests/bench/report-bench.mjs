// Report benchmarks, each run in a fresh Node process for its peak RSS (targets: < 2 s, < 300 MiB):
// - the products report of 10,000 products as .xlsx, and as .docx with the list in its annex,
//   inside one process (build + write), and as the whole `ocop report` process a clerk runs
//   (reading the backup file, the worker thread, writing the file);
// - a .docx whose annex table has 1,000 rows.
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from './import-cli.mjs'
import { bundleForNode } from './node-bundle.mjs'

const child = join(import.meta.dirname, 'report-child.mjs')

export async function benchReport({ runs, report, median, cli = true }) {
  const bundle = await bundleForNode('report-entry.mjs', 'bench-report', 'report-xlsx')
  const inner = (size, format) => {
    const results = []
    for (let i = 0; i < runs; i++) {
      const out = execFileSync(process.execPath, [child, bundle, String(size), format], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      })
      results.push(JSON.parse(out.trim().split('\n').pop()))
    }
    report(
      `report-products-${format}`,
      size,
      median(results.map((r) => r.ms)),
      median(results.map((r) => r.MiB)),
    )
  }
  inner(10_000, 'xlsx')
  inner(10_000, 'docx')
  inner(1_000, 'docx')
  if (!cli) return

  const folder = mkdtempSync(join(tmpdir(), 'ocop-bench-report-'))
  try {
    for (const size of [10_000, 1_000]) {
      const backup = join(folder, `register-${size}.json`)
      execFileSync(process.execPath, [child, bundle, String(size), 'backup', backup])
      for (const format of size === 10_000 ? ['xlsx', 'docx'] : ['docx']) {
        const results = []
        for (let i = 0; i < runs; i++) {
          const out = join(folder, `report.${format}`)
          const args = ['report', 'products', '--data', backup, '--out', out, '--force']
          const run = runCli([...args, '--date', '31/12/2020', '--signed', '05/01/2021'])
          if (run.code !== 0) throw new Error(`ocop report failed: ${run.stderr}`)
          results.push(run)
        }
        report(
          `cli-report-products-${format}`,
          size,
          median(results.map((r) => r.ms)),
          median(results.map((r) => r.MiB)),
        )
      }
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

// Alone: node tests/bench/report-bench.mjs (after `npm run build`, for the CLI runs).
if (process.argv[1] === import.meta.filename) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  await benchReport({
    runs: Number(process.env.BENCH_IMPORT_RUNS ?? 3),
    median,
    report: (name, size, ms, MiB) =>
      console.log(JSON.stringify({ name, size, ms: Math.round(ms), MiB })),
  })
}
