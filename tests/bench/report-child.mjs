// One report measurement in a fresh Node process, so its peak RSS is its own:
//   node report-child.mjs <bundle.cjs> <products> [out.xlsx]
// Generates a register of <products> OCOP products (producers, units, one 3★-5★ evaluation each),
// then times Danh sách sản phẩm OCOP end to end: buildReport (grouped by star, with subtotals)
// and writeReportXlsx. Prints one JSON line { ms, modelMs, MiB, bytes }; MiB is the peak RSS.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { peakMiB } from './peak-rss.mjs'

const require = createRequire(import.meta.url)
const [bundle, rowsArg, out] = process.argv.slice(2)
const { writeReportXlsx, buildReport, loadBuiltInCriteriaSets, criteriaJson } = require(bundle)
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
    parentBody: 'Ủy ban nhân dân tỉnh Hưng Yên',
    officeName: 'Ủy ban nhân dân thị xã Mỹ Hào',
    placeName: 'Mỹ Hào',
    agencyAbbreviation: 'UBND',
    signerAuthority: 'TM. Ủy ban nhân dân',
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
  rankingRules: { lowStarResultMonths: 36 },
}

const start = performance.now()
const model = buildReport('products', data, {
  date: '2020-12-31',
  docNumber: '5',
  grouping: 'stars',
})
const modelMs = performance.now() - start
const bytes = await writeReportXlsx(model, {})
const ms = performance.now() - start
if (out) writeFileSync(out, bytes)
const MiB = peakMiB()
console.log(JSON.stringify({ ms, modelMs, MiB, bytes: bytes.byteLength }))
