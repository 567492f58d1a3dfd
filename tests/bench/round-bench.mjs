// Evaluation round benchmarks for 300 products × 9 members (targets: the results under 300 ms,
// the members' score workbooks under 5 s), each run in a fresh Node process for its peak RSS:
// inside one process, and as the whole `ocop round results|sheets` process a clerk runs (reading
// the backup file, computing or writing, printing the JSON or writing the files).
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCli } from './import-cli.mjs'
import { bundleForNode } from './node-bundle.mjs'

const child = join(import.meta.dirname, 'round-child.mjs')

export async function benchRound({ runs, report, median, cli = true }) {
  const bundle = await bundleForNode('round-entry.mjs', 'bench-round', 'round')
  const [products, members] = [300, 9]
  for (const what of ['results', 'sheets']) {
    const results = []
    for (let i = 0; i < runs; i++) {
      const args = [child, bundle, String(products), String(members), what]
      results.push(JSON.parse(execFileSync(process.execPath, args, { encoding: 'utf8' }).trim()))
    }
    report(
      `round-${what}`,
      products * members,
      median(results.map((r) => r.ms)),
      median(results.map((r) => r.MiB)),
    )
  }
  if (!cli) return

  const folder = mkdtempSync(join(tmpdir(), 'ocop-bench-round-'))
  try {
    const backup = join(folder, 'round.json')
    execFileSync(process.execPath, [
      child,
      bundle,
      String(products),
      String(members),
      'backup',
      backup,
    ])
    const commands = {
      results: ['round', 'results', '--data', backup, '--round', 'r', '--json'],
      sheets: [
        'round',
        'sheets',
        '--data',
        backup,
        '--round',
        'r',
        '--out',
        join(folder, 'phieu'),
        '-f',
      ],
    }
    for (const [what, args] of Object.entries(commands)) {
      const results = []
      for (let i = 0; i < runs; i++) {
        const run = runCli(args, { stdoutFile: join(folder, 'stdout') })
        if (run.code !== 0) throw new Error(`ocop round ${what} failed: ${run.stderr}`)
        results.push(run)
      }
      report(
        `cli-round-${what}`,
        products * members,
        median(results.map((r) => r.ms)),
        median(results.map((r) => r.MiB)),
      )
    }
  } finally {
    rmSync(folder, { recursive: true, force: true })
  }
}

// Alone: node tests/bench/round-bench.mjs (after `npm run build`, for the CLI runs).
if (process.argv[1] === import.meta.filename) {
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]
  await benchRound({
    runs: Number(process.env.BENCH_RUNS ?? 5),
    median,
    report: (name, size, ms, MiB) =>
      console.log(JSON.stringify({ name, size, ms: Math.round(ms), MiB })),
  })
}
