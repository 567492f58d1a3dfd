// Import benchmarks: the whole checkFile on generated commune workbooks of 10,000 and 100,000
// rows, each run in a fresh Node process for its peak RSS, next to a bare unzip-and-scan of the
// same sheet (the floor for any reader) and the ratio of the two; `import-read` is readTable
// alone, the reader's share of the check; `cli-check-json` is `ocop check --json` of the 100,000
// rows as a whole process (output written to a file); then the hostile files (import-hostile.mjs).
// Targets: 10k < 1.5 s; 100k < 6 s and < 400 MiB; cli-check-json < 300 MiB.
import { execFileSync } from 'node:child_process'
import { readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { runCheck } from './import-cli.mjs'
import { benchHostile } from './import-hostile.mjs'
import { bundleForNode } from './node-bundle.mjs'
import { UNITS_CSV, importWorkbook } from './import-workbook.mjs'

const child = join(import.meta.dirname, 'import-child.mjs')

function runChild(args) {
  const out = execFileSync(process.execPath, [child, ...args], {
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  })
  return JSON.parse(out.trim().split('\n').pop())
}

export async function benchImport({ runs, report, median }) {
  const bundle = await bundleForNode('import-entry.mjs', 'bench', 'import-check')
  for (const size of [10_000, 100_000]) {
    const file = await importWorkbook(size)
    const checks = []
    const reads = []
    const scans = []
    for (let i = 0; i < runs; i++) {
      const check = runChild(['check', bundle, file, UNITS_CSV])
      if (check.rows !== size || check.errors !== 0) {
        throw new Error(`import bench: ${check.rows} rows, ${check.errors} with errors`)
      }
      checks.push(check)
      reads.push(runChild(['read', bundle, file]))
      scans.push(runChild(['scan', file]))
    }
    const checkMs = median(checks.map((c) => c.ms))
    const scanMs = median(scans.map((s) => s.ms))
    const label = `${size / 1000}k`
    report('import-check', size, checkMs, median(checks.map((c) => c.MiB)))
    report('import-read', size, median(reads.map((r) => r.ms)), median(reads.map((r) => r.MiB)))
    report('import-bare-scan', size, scanMs, median(scans.map((s) => s.MiB)))
    report(`import-check-ratio-${label}`, size, checkMs, median(checks.map((c) => c.MiB)), {
      ratio: Math.round((checkMs / scanMs) * 10) / 10,
    })
    if (size === 100_000) benchCliJson({ file, size, runs, report, median })
  }
  benchHostile({ runs, report, median })
}

/** `ocop check FILE --units UNITS --json > out.json`, whole process; the output must hold every row. */
function benchCliJson({ file, size, runs, report, median }) {
  const out = join(tmpdir(), `ocop-bench-check-${process.pid}.json`)
  const results = []
  try {
    for (let i = 0; i < runs; i++) {
      const run = runCheck([file, '--units', UNITS_CSV, '--json'], { stdoutFile: out })
      const rows = run.code === 0 ? JSON.parse(readFileSync(out, 'utf8')).rows.length : 0
      if (rows !== size) throw new Error(`cli-check-json: exit ${run.code}, ${rows} rows`)
      results.push(run)
    }
  } finally {
    rmSync(out, { force: true })
  }
  report(
    'cli-check-json',
    size,
    median(results.map((r) => r.ms)),
    median(results.map((r) => r.MiB)),
  )
}
