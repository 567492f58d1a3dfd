// One data package measurement in a fresh Node process, so its peak RSS is its own:
//   node package-child.mjs <bundle.cjs> <products> <evaluations per product> merge
// office A's register exported as a package file, read back as the worker reads one, and merged
// into office B's register of the same size as the page and the command line merge it (links
// proposed, the plan, its change batch, applied to B's tables). Prints one JSON line
// { ms, readMs, MiB, packageBytes }: ms the merge, readMs the reading of the file.
//   node package-child.mjs <bundle.cjs> <products> <evaluations per product> backups <folder>
// both registers written as backup files a.json and b.json, each with its office's identity, for
// timing the whole `ocop package export|merge` processes.
import { writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { peakMiB } from './peak-rss.mjs'

const require = createRequire(import.meta.url)
const [bundle, productsArg, perProductArg, what, folder] = process.argv.slice(2)
const {
  applyMerge,
  mergeBatch,
  IDENTITY_KEY,
  createOfficeIdentity,
  publicOffice,
  planMerge,
  proposeLinks,
  packageContent,
  writePackage,
  readPackage,
  serializeBackup,
  loadBuiltInCriteriaSets,
  criteriaJson,
  unitCatalogue,
  CURRENT_SCHEMA_VERSION,
  TABLE_NAMES,
} = require(bundle)
const products = Number(productsArg)
const perProduct = Number(perProductArg)
const at = '2024-06-01T08:00:00.000Z'

/**
 * The register of the office whose ids start with `prefix`: the Mỹ Hào units, the shipped sets,
 * one producer for five products, `perProduct` evaluations a product (2019 onwards). Names and
 * tax numbers differ between offices, so that no link is proposed and every record is new.
 */
function register(prefix, office) {
  const stamp = { createdAt: at, updatedAt: at }
  const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, []]))
  tables.units = unitCatalogue.units.map(({ key, successorKey, ...entry }) => ({
    ...entry,
    id: `${prefix}-unit-${key}`,
    successorId: successorKey === null ? null : `${prefix}-unit-${successorKey}`,
    ...stamp,
  }))
  tables.criteriaSets = loadBuiltInCriteriaSets(criteriaJson, at)
  const oldUnits = tables.units.filter((unit) => unit.validTo !== null)
  for (let i = 0; i < products / 5; i++) {
    tables.producers.push({
      id: `${prefix}-producer-${i}`,
      name: `Hợp tác xã ${office} số ${i + 1}`,
      type: 'htx',
      taxCode: `${prefix === 'a' ? '01' : '02'}${String(i).padStart(8, '0')}`,
      address: '',
      unitId: oldUnits[i % oldUnits.length].id,
      representative: '',
      phone: '',
      note: '',
      ...stamp,
    })
  }
  for (let p = 0; p < products; p++) {
    const productId = `${prefix}-product-${p}`
    tables.products.push({
      id: productId,
      name: `Sản phẩm ${office} số ${p + 1}`,
      producerId: `${prefix}-producer-${Math.floor(p / 5)}`,
      unitId: oldUnits[p % oldUnits.length].id,
      criteriaSetId: 'qd-1048',
      groupCode: '',
      productSetCode: '',
      description: '',
      ...stamp,
    })
    for (let e = 0; e < perProduct; e++) {
      const parts = { A: 20 + ((p + e) % 15), B: 15 + ((p * 3 + e) % 10), C: 20 + (p % 15) }
      const total = parts.A + parts.B + parts.C
      tables.evaluations.push({
        id: `${productId}-${e}`,
        productId,
        year: 2019 + e,
        round: 1,
        evaluatedOn: null,
        criteriaSetId: 'qd-1048',
        partScores: parts,
        itemScores: null,
        total,
        computedStars: total >= 70 ? 4 : 3,
        recognisedStars: total >= 70 ? 4 : 3,
        councilLevel: 'huyen',
        kind: e === 0 ? 'lan-dau' : 'danh-gia-lai',
        decisionNo: `${100 + e}/QĐ-UBND`,
        decisionDate: `${2019 + e}-12-15`,
        certificateNo: '',
        expiryDate: `${2022 + e}-12-15`,
        note: '',
        ...stamp,
      })
    }
  }
  return tables
}

const identity = (name, unitName, unitCode) =>
  createOfficeIdentity({ name, unitName, unitCode }, `bench-${unitCode}`, at)
const officeA = await identity('UBND xã Cẩm Xá', 'Xã Cẩm Xá', '12109')
const officeB = await identity('UBND thị xã Mỹ Hào', 'Thị xã Mỹ Hào', '327')
const registerA = register('a', 'Cẩm Xá')
const registerB = register('b', 'Mỹ Hào')

if (what === 'backups') {
  for (const [file, tables, office] of [
    ['a.json', registerA, officeA],
    ['b.json', registerB, officeB],
  ]) {
    const content = await serializeBackup({
      schemaVersion: CURRENT_SCHEMA_VERSION,
      appVersion: 'bench',
      kind: 'manual',
      createdAt: at,
      tables: { ...tables, settings: [{ key: IDENTITY_KEY, value: office }] },
    })
    writeFileSync(join(folder, file), content)
  }
  process.exit(0)
}

const content = packageContent(registerA, publicOffice(officeA), {
  includeHeld: false,
  since: null,
})
const bytes = await writePackage(
  content,
  {
    id: 'bench-package',
    kind: 'full',
    base: null,
    createdAt: at,
    appVersion: 'bench',
    recipient: null,
    includesHeld: false,
  },
  officeA,
)

const readStart = performance.now()
const pkg = await readPackage(bytes, 'a.ocop')
const readMs = performance.now() - readStart

const start = performance.now()
const links = proposeLinks(registerB, pkg)
const plan = planMerge(registerB, pkg, {
  selfId: officeB.officeId,
  stamp: new Date().toISOString(),
  newId: () => crypto.randomUUID(),
  links,
})
const merged = applyMerge(registerB, plan, mergeBatch(plan, registerB, officeA.name, 'bench'))
const ms = performance.now() - start
if (
  merged.products.length !== 2 * products ||
  merged.evaluations.length !== 2 * products * perProduct
) {
  throw new Error(`the merge left ${merged.products.length} products`)
}
console.log(JSON.stringify({ ms, readMs, MiB: peakMiB(), packageBytes: bytes.length }))
