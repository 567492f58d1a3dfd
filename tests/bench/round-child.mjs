// One round-results measurement in a fresh Node process, so its peak RSS is its own:
//   node round-child.mjs <bundle.cjs> <products> <members> <results|sheets> [out]
// results: every member scores every product (QĐ 148's parts, varied points) and the results of
// the whole round are computed as the round's screen and the command line compute them.
// sheets: each member's score workbook (one sheet per product) is written; `out`, when given,
// receives the first member's. Prints one JSON line { ms, MiB }.
// backup: the same round (QĐ 148, its products, producers and members, every score) written as a
// backup file to `out`, for timing the whole `ocop round` process on it.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { peakMiB } from './peak-rss.mjs'

const require = createRequire(import.meta.url)
const [bundle, productsArg, membersArg, what, out] = process.argv.slice(2)
const {
  DEFAULT_COUNCIL_RULES,
  productResult,
  partLevelSheet,
  writeMemberWorkbook,
  serializeBackup,
  loadBuiltInCriteriaSets,
  criteriaJson,
  CURRENT_SCHEMA_VERSION,
  TABLE_NAMES,
} = require(bundle)
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
    sheet: scoring,
  }))
  for (const [m, member] of members.entries()) {
    const bytes = await writeMemberWorkbook({
      round,
      member: { id: member.id, name: `Thành viên ${m + 1}`, role: 'Ủy viên' },
      products: entries,
    })
    if (m === 0 && out) writeFileSync(out, bytes)
  }
}

/** The round as the tables of a backup: the ids the command line is given are `r` and `e…`. */
async function backup() {
  const now = '2024-01-01T00:00:00.000Z'
  const stamp = { createdAt: now, updatedAt: now }
  const producers = Array.from({ length: 40 }, (_, i) => ({
    id: `pr${i}`,
    name: `Hợp tác xã thử ${i}`,
    type: 'htx',
    taxCode: '',
    address: '',
    unitId: null,
    representative: '',
    phone: '',
    note: '',
    ...stamp,
  }))
  const productRecords = Array.from({ length: products }, (_, p) => ({
    id: `p${p}`,
    name: `Sản phẩm thử số ${p + 1}`,
    producerId: `pr${p % 40}`,
    unitId: null,
    criteriaSetId: 'qd-148',
    groupCode: '148-1',
    productSetCode: '',
    description: '',
    ...stamp,
  }))
  const round = {
    id: 'r',
    name: 'Đợt 1 năm 2024',
    level: 'huyen',
    year: 2024,
    number: 1,
    criteriaSetId: 'qd-148',
    councilDecisionNo: '',
    councilDecisionDate: null,
    meetingFrom: '2024-06-01',
    meetingTo: null,
    place: '',
    rules: DEFAULT_COUNCIL_RULES,
    dossierChecklist: [],
    status: 'open',
    note: '',
    ...stamp,
  }
  const entry = (p) => ({
    id: `e${p}`,
    roundId: 'r',
    productId: `p${p}`,
    groupCode: '148-1',
    registeredStars: null,
    dossier: {},
    overrideReason: '',
    mandatoryMissedFrom: null,
    proposedStars: null,
    proposalReason: '',
    position: p,
    outcome: null,
    proposedTo: null,
    evaluationId: null,
    ...stamp,
  })
  const tables = {
    ...Object.fromEntries(TABLE_NAMES.map((name) => [name, []])),
    criteriaSets: loadBuiltInCriteriaSets(criteriaJson, now),
    producers,
    products: productRecords,
    rounds: [round],
    roundMembers: members.map((member, m) => ({
      id: member.id,
      roundId: 'r',
      name: `Thành viên ${m + 1}`,
      role: member.role,
      organisation: '',
      position: m,
      ...stamp,
    })),
    roundEntries: productRecords.map((_, p) => entry(p)),
    roundScores: sheetsByProduct.flatMap((sheets, p) =>
      sheets.map((sheet) => ({
        id: `s${p}-${sheet.memberId}`,
        roundId: 'r',
        entryId: `e${p}`,
        memberId: sheet.memberId,
        pass: 1,
        parts: sheet.parts,
        items: null,
        source: 'grid',
        ...stamp,
      })),
    ),
  }
  const content = await serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: 'bench',
    kind: 'manual',
    createdAt: now,
    tables,
  })
  writeFileSync(out, content)
}

if (what === 'backup') {
  await backup()
  process.exit(0)
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
