// One round-results measurement in a fresh Node process, so its peak RSS is its own:
//   node round-child.mjs <bundle.cjs> <products> <members> <results|sheets> [out]
// results: every member scores every product (QĐ 148's parts, varied points) and the results of
// the whole round are computed as the round's screen and the command line compute them.
// sheets: each member's score workbook (one sheet per product) is written; `out`, when given,
// receives the first member's. Prints one JSON line { ms, MiB }.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { peakMiB } from './peak-rss.mjs'

const require = createRequire(import.meta.url)
const [bundle, productsArg, membersArg, what, out] = process.argv.slice(2)
const { DEFAULT_COUNCIL_RULES, productResult, partLevelSheet, writeMemberWorkbook } = require(
  bundle,
)
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

async function sheets() {
  const scoring = partLevelSheet({ id: 'qd-148', name: 'QĐ 148/QĐ-TTg', parts: set.parts })
  const round = { id: 'r', name: 'Đợt 1 năm 2024', criteriaSetName: 'QĐ 148/QĐ-TTg' }
  const entries = Array.from({ length: products }, (_, p) => ({
    id: `e${p}`,
    name: `Sản phẩm thử số ${p + 1}`,
    producer: `Hợp tác xã thử ${p % 40}`,
    unit: 'Phường Dị Sử',
    group: 'Thực phẩm',
  }))
  for (const [m, member] of members.entries()) {
    const bytes = await writeMemberWorkbook({
      round,
      member: { id: member.id, name: `Thành viên ${m + 1}`, role: 'Ủy viên' },
      sheet: scoring,
      products: entries,
    })
    if (m === 0 && out) writeFileSync(out, bytes)
  }
}

const start = performance.now()
if (what === 'sheets') {
  await sheets()
} else {
  const results = sheetsByProduct.map((sheets) =>
    productResult(set, members, sheets, DEFAULT_COUNCIL_RULES),
  )
  if (results.length !== products) throw new Error('a product has no result')
}
const ms = performance.now() - start
console.log(JSON.stringify({ ms, MiB: peakMiB() }))
