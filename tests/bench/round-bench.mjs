// Evaluation round benchmarks for 300 products × 9 members (targets: the results under 300 ms,
// the members' score workbooks under 5 s), each run in a fresh Node process for its peak RSS.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { bundleForNode } from './node-bundle.mjs'

const child = join(import.meta.dirname, 'round-child.mjs')

export async function benchRound({ runs, report, median }) {
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
}
