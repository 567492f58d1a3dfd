// Evaluation round benchmarks (target: the results of 300 products × 9 members under 300 ms),
// each run in a fresh Node process for its peak RSS.
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { bundleForNode } from './node-bundle.mjs'

const child = join(import.meta.dirname, 'round-child.mjs')

export async function benchRound({ runs, report, median }) {
  const bundle = await bundleForNode('round-entry.mjs', 'bench-round', 'round')
  const [products, members] = [300, 9]
  const results = []
  for (let i = 0; i < runs; i++) {
    const out = execFileSync(process.execPath, [child, bundle, String(products), String(members)], {
      encoding: 'utf8',
    })
    results.push(JSON.parse(out.trim()))
  }
  report(
    'round-results',
    products * members,
    median(results.map((r) => r.ms)),
    median(results.map((r) => r.MiB)),
  )
}
