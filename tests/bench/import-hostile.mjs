// Hostile files (tests/fixtures/hostile): each through a whole `ocop check --json` process.
// Target: every file ends in under 10 s and 512 MiB, with a correct read (exit 0) or a Vietnamese
// message naming the file (exit 1); anything else is a crash.
import { readdirSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { runCheck } from './import-cli.mjs'

const HOSTILE = resolve(import.meta.dirname, '../fixtures/hostile')
const WITHIN_MS = 10_000
const WITHIN_MIB = 512

export function benchHostile({ runs, report, median }) {
  const files = readdirSync(HOSTILE).filter((f) => /\.(xlsx|xls|ods|csv)$/.test(f))
  const over = []
  for (const file of files.sort()) {
    const path = join(HOSTILE, file)
    const results = Array.from({ length: runs }, () => runCheck([path, '--json']))
    const crash = results.find((r) => r.code !== 0 && !(r.code === 1 && r.stderr.includes(file)))
    if (crash) throw new Error(`${file}: exit ${crash.code}, ${crash.stderr.slice(0, 500)}`)
    const ms = median(results.map((r) => r.ms))
    const MiB = median(results.map((r) => r.MiB))
    const withinTarget = ms < WITHIN_MS && MiB < WITHIN_MIB
    if (!withinTarget) over.push(file)
    report(`import-hostile:${file}`, statSync(path).size, ms, MiB, {
      exit: results[0].code,
      withinTarget,
    })
  }
  if (over.length > 0) console.error(`hostile files over 10 s or 512 MiB: ${over.join(', ')}`)
}
