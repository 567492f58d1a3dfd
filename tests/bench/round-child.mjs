// One round-results measurement in a fresh Node process, so its peak RSS is its own:
//   node round-child.mjs <bundle.cjs> <products> <members>
// Every member scores every product (QĐ 148's parts, varied points); the results of the whole
// round are computed as the round's screen and the command line compute them. Prints one JSON
// line { ms, MiB }.
import { createRequire } from 'node:module'
import { peakMiB } from './peak-rss.mjs'

const require = createRequire(import.meta.url)
const [bundle, productsArg, membersArg] = process.argv.slice(2)
const { DEFAULT_COUNCIL_RULES, productResult } = require(bundle)
const products = Number(productsArg)
const set = {
  parts: [
    { code: 'A', name: 'A', max: 40 },
    { code: 'B', name: 'B', max: 25 },
    { code: 'C', name: 'C', max: 35 },
  ],
  starThresholds: [30, 50, 70, 90],
}
const members = Array.from({ length: Number(membersArg) }, (_, i) => ({
  id: `m${i}`,
  role: i === 0 ? 'chu-tich' : 'uy-vien',
}))
const sheetsByProduct = Array.from({ length: products }, (_, p) =>
  members.map((member, m) => ({
    memberId: member.id,
    pass: 1,
    parts: { A: 20 + ((p + m) % 20), B: 10 + ((p * 3 + m) % 15) + 0.5, C: 15 + ((p + m * 7) % 20) },
  })),
)

const start = performance.now()
const results = sheetsByProduct.map((sheets) =>
  productResult(set, members, sheets, DEFAULT_COUNCIL_RULES),
)
const ms = performance.now() - start
if (results.length !== products) throw new Error('a product has no result')
console.log(JSON.stringify({ ms, MiB: peakMiB() }))
