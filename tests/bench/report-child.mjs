// One report measurement in a fresh Node process, so its peak RSS is its own:
//   node report-child.mjs <bundle.cjs> <products> <xlsx|docx|backup> [out]
// Generates a register of <products> OCOP products (producers, units, one 3★-5★ evaluation each),
// then times the products report end to end: buildReport (the list grouped by star, with
// subtotals, in its annex) and writeReportXlsx or writeReportDocx. Prints one JSON line
// { ms, modelMs, MiB, bytes }; MiB is the peak RSS. `backup` writes the register as a backup file
// to `out` instead, for timing the whole CLI process on it.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { peakMiB } from './peak-rss.mjs'

const require = createRequire(import.meta.url)
const [bundle, rowsArg] = process.argv.slice(2)
const {
  writeReportXlsx,
  writeReportDocx,
  serializeBackup,
  CURRENT_SCHEMA_VERSION,
  TABLE_NAMES,
  buildReport,
  loadBuiltInCriteriaSets,
  criteriaJson,
} = require(bundle)
const [, , format, out] = process.argv.slice(2)
const size = Number(rowsArg)

const now = '2020-01-01T00:00:00.000Z'
const stamp = { createdAt: now, updatedAt: now }
const TYPES = ['htx', 'doanh-nghiep', 'to-hop-tac', 'ho-kinh-doanh']
const UNIT_NAMES = ['Bần Yên Nhân', 'Cẩm Xá', 'Dị Sử', 'Dương Quang', 'Nhân Hòa', 'Hòa Phong']
const units = UNIT_NAMES.map((name, i) => ({
  id: `u${i}`,
  code: String(12100 + i),
  name,
  kind: i % 2 ? 'xa' : 'phuong',
  parentName: 'Thị xã Mỹ Hào',
  validFrom: null,
  validTo: null,
  successorId: null,
  note: '',
  ...stamp,
}))
const producers = []
const products = []
const evaluations = []
for (let i = 0; i < size; i++) {
  if (i % 2 === 0) {
    producers.push({
      id: `p${i / 2}`,
      name: `HTX Sản xuất số ${i / 2} Mỹ Hào`,
      type: TYPES[(i / 2) % 4],
      taxCode: '',
      address: '',
      unitId: `u${i % units.length}`,
      representative: '',
      phone: '',
      note: '',
      ...stamp,
    })
  }
  products.push({
    id: `b${i}`,
    name: `Sản phẩm số ${i} – Tương Bần Mỹ Hào`,
    producerId: `p${Math.floor(i / 2)}`,
    unitId: `u${i % units.length}`,
    criteriaSetId: 'qd-1048',
    groupCode: '1048-1',
    productSetCode: '',
    description: '',
    ...stamp,
  })
  const total = 50 + (i % 50)
  const stars = total >= 90 ? 5 : total >= 70 ? 4 : 3
  evaluations.push({
    id: `e${i}`,
    productId: `b${i}`,
    year: 2020,
    round: 1,
    evaluatedOn: null,
    criteriaSetId: 'qd-1048',
    partScores: {},
    itemScores: null,
    total,
    computedStars: stars,
    recognisedStars: stars,
    councilLevel: 'tinh',
    kind: 'lan-dau',
    decisionNo: `${i}/QĐ-UBND`,
    decisionDate: '2020-06-01',
    certificateNo: '',
    expiryDate: '2023-05-31',
    note: '',
    ...stamp,
  })
}
const data = {
  office: {
    parentBody: '',
    officeName: 'Ủy ban nhân dân thị xã Mỹ Hào',
    placeName: 'Mỹ Hào',
    agencyAbbreviation: 'UBND',
    draftingUnit: 'KT',
    signerAuthority: 'TM. Ủy ban nhân dân',
    signerDelegation: 'KT. Chủ tịch',
    signerTitle: 'Phó Chủ tịch',
    signerName: 'Nguyễn Văn A',
  },
  units,
  producers,
  products,
  evaluations,
  criteriaSets: loadBuiltInCriteriaSets(criteriaJson),
  plans: [],
  planTargets: [],
  offices: [],
  rankingRules: { lowStarResultMonths: 36 },
}

if (format === 'backup') {
  const { office, rankingRules, ...tables } = data
  const content = await serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: 'bench',
    kind: 'manual',
    createdAt: now,
    // Every table of the register, empty where the report needs nothing.
    tables: {
      ...Object.fromEntries(TABLE_NAMES.map((name) => [name, []])),
      ...tables,
      settings: [
        { key: 'office', value: office },
        { key: 'ranking-rules', value: rankingRules },
      ],
    },
  })
  writeFileSync(out, content)
  process.exit(0)
}

const start = performance.now()
const model = buildReport('products', data, {
  date: '2020-12-31',
  signedOn: '2021-01-05',
  docNumber: '5',
  grouping: 'stars',
})
const modelMs = performance.now() - start
const bytes = format === 'docx' ? await writeReportDocx(model) : await writeReportXlsx(model, {})
const ms = performance.now() - start
if (out) writeFileSync(out, bytes)
const MiB = peakMiB()
console.log(JSON.stringify({ ms, modelMs, MiB, bytes: bytes.byteLength }))
