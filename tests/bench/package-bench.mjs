// Data package benchmarks (targets: the merge under 5 s and 500 MiB): office A's register of
// 10,000 products with 50,000 evaluations sent as a package and merged into office B's register of
// the same size, each run in a fresh Node process for its peak RSS:
// - inside one process: reading the package file as the worker does, and the merge itself (links,
//   plan, change batch, applied to B's tables);
// - as the whole `ocop package export` and `ocop package merge --json` processes a clerk runs
//   (reading the backup files, writing the package or the merged backup).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from './import-cli.mjs'
import { bundleForNode } from './node-bundle.mjs'

const child = join(import.meta.dirname, 'package-child.mjs')
const [PRODUCTS, PER_PRODUCT] = [10_000, 5]

export async function benchPackage({ runs, report, median, cli = true }) {
  const bundle = await bundleForNode('package-entry.mjs', 'bench-package', 'package')
  const childArgs = [child, bundle, String(PRODUCTS), String(PER_PRODUCT)]
  const results = []
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [...childArgs, 'merge'], { encoding: 'utf8' })
    results.push(JSON.parse(out.trim()))
  }
  const MiB = median(results.map((r) => r.MiB))
  const packageBytes = results[0].packageBytes
  report('package-read', PRODUCTS, median(results.map((r) => r.readMs)), MiB, { packageBytes })
  report('package-merge', PRODUCTS, median(results.map((r) => r.ms)), MiB)
  if (!cli) return

  const folder = mkdtempSync(join(tmpdir(), 'ocop-bench-package-'))
  try {
    execFileSync(process.execPath, [...childArgs, 'backups', folder])
    const commands = {
      export: [
        'package',
        'export',
        '--data',
        join(folder, 'a.json'),
        '--out',
        join(folder, 'a.ocop'),
      ],
      merge: [
        'package',
        'merge',
        '--data',
        join(folder, 'b.json'),
        '--package',
        join(folder, 'a.ocop'),
        '--out',
        join(folder, 'merged.json'),
        '--json',
      ],
    }
    for (const [what, args] of Object.entries(commands)) {
      const runsOf = []
      for (let i = 0; i < runs; i++) {
        const run = runCli([...args, '--force'], { stdoutFile: join(folder, 'stdout') })
        if (run.code !== 0) throw new Error(`ocop package ${what} failed: ${run.stderr}`)
        runsOf.push(run)
      }
      report(
        `cli-package-${what}`,
        PRODUCTS,
        median(runsOf.map((r) => r.ms)),
        median(runsOf.map((r) => r.MiB)),
      )
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

// Alone: node tests/bench/package-bench.mjs (after `npm run build`, for the CLI runs).
if (process.argv[1] === import.meta.filename) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  await benchPackage({
    runs: Number(process.env.BENCH_RUNS ?? 5),
    median,
    report: (name, size, ms, MiB, extra = {}) =>
      console.log(JSON.stringify({ name, size, ms: Math.round(ms), MiB, ...extra })),
  })
}
