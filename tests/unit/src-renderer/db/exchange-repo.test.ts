// @vitest-environment node
import { describe, expect, it } from 'vitest'
import criteriaJson from '../../../../resources/catalogues/criteria-sets.json'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { writesNothing } from '@shared/exchange/apply'
import { createOfficeIdentity, type OfficeIdentityKey } from '@shared/exchange/identity'
import { proposeLinks } from '@shared/exchange/links'
import { planMerge } from '@shared/exchange/merge'
import { checkSender } from '@shared/exchange/sender'
import { matchImport } from '@shared/import/match'
import type { ImportRow } from '@shared/import/rows'
import type { OcopDatabase } from '@/db/database'
import { snapshotTables } from '@/db/backup-tables'
import { undoChangeBatch } from '@/db/change-batches'
import {
  commitPackageMerge,
  readExchangeTables,
  recordSentPackage,
  writeRegisterPackage,
} from '@/db/exchange-repo'
import { commitImport } from '@/db/import-repo'
import { updateProduct } from '@/db/products-repo'
import { readPackage } from '../../../../src-main/services/exchange/read-package'
import { useFreshDatabases } from './fresh-db'

const freshDb = useFreshDatabases('exchange')
const criteriaSets = loadBuiltInCriteriaSets(criteriaJson, '2024-01-01T00:00:00.000Z')

/** A commune's list as its spreadsheet gives it: two products of one cooperative. */
const rows: ImportRow[] = ['Mật ong hoa nhãn', 'Bánh gai Cẩm Xá'].map((product, i) => ({
  row: i + 2,
  status: 'ok',
  messages: [],
  fields: {
    product,
    producer: 'HTX Nông nghiệp Cẩm Xá',
    producerType: 'htx',
    taxCode: '0901234567',
    unit: null,
    unitName: '',
    address: '',
    group: 'Thực phẩm',
    score: 66,
    partScores: {},
    stars: 3,
    year: 2024,
    decisionNo: `${i + 10}/QĐ-UBND`,
    decisionDate: '2024-06-01',
    certificateNo: '',
    note: '',
  },
}))

/** The commune's spreadsheet imported into `db`, as the app's import does it. */
async function importSpreadsheet(db: OcopDatabase, now: string) {
  if ((await db.criteriaSets.count()) === 0) await db.criteriaSets.bulkAdd(criteriaSets)
  const [producers, products, evaluations] = await Promise.all([
    db.producers.toArray(),
    db.products.toArray(),
    db.evaluations.toArray(),
  ])
  const match = matchImport(
    rows,
    { producers, products, evaluations, criteriaSets },
    { excluded: new Set(), now, newId: () => crypto.randomUUID() },
  )
  await commitImport(db, match, {
    fileName: 'xa-cam-xa.xlsx',
    fileHash: 'h',
    sheet: 'DS',
    mapping: [],
    who: '',
  })
}

const identityOf = (name: string, unitCode: string) =>
  createOfficeIdentity(
    { name, unitName: name, unitCode },
    crypto.randomUUID(),
    '2026-12-01T00:00:00.000Z',
  )

/** `from` writes a package and "sends" it; `to` reads, checks and previews it as the app does. */
async function send(
  from: OcopDatabase,
  identity: OfficeIdentityKey,
  kind: 'full' | 'changes',
  now: string,
) {
  const written = await writeRegisterPackage(from, {
    identity,
    recipient: null,
    kind,
    includeHeld: false,
    appVersion: 'test',
    now,
  })
  await recordSentPackage(from, written.log)
  return readPackage(written.bytes, written.fileName)
}

async function merge(
  to: OcopDatabase,
  self: OfficeIdentityKey,
  pkg: Awaited<ReturnType<typeof send>>,
  now: string,
  confirmLinks = true,
) {
  const register = await readExchangeTables(to)
  const status = checkSender(pkg.manifest, pkg.fileName, {
    selfId: self.officeId,
    offices: register.offices,
    packages: register.packages,
  })
  const links = confirmLinks ? proposeLinks(register, pkg) : []
  const plan = planMerge(register, pkg, {
    selfId: self.officeId,
    stamp: now,
    newId: () => crypto.randomUUID(),
    links,
  })
  return { status, links, plan, register }
}

describe('data packages between two registers', () => {
  it('links what the district imported from the commune, carries later edits, and undoes exactly', async () => {
    const commune = await freshDb()
    const district = await freshDb()
    const communeId = await identityOf('UBND xã Cẩm Xá', '12103')
    const districtId = await identityOf('UBND thị xã Mỹ Hào', '')
    await importSpreadsheet(commune, '2026-12-01T08:00:00.000Z')
    // The district had already typed in the commune's spreadsheet, before any package.
    await importSpreadsheet(district, '2026-12-01T09:00:00.000Z')

    const full = await send(commune, communeId, 'full', '2026-12-02T08:00:00.000Z')
    const first = await merge(district, districtId, full, '2026-12-02T09:00:00.000Z')
    expect(first.status).toBe('first-contact')
    expect(first.links.map((l) => l.table).sort()).toEqual([
      'evaluations',
      'evaluations',
      'producers',
      'products',
      'products',
    ])
    expect(first.plan.counts.products).toMatchObject({ new: 0, updated: 2, refused: 0 })
    await commitPackageMerge(district, first.plan, first.register, full.manifest, 'can-bo')

    const products = await district.products.toArray()
    expect(products).toHaveLength(2)
    expect(products.every((p) => p.origin?.office === communeId.officeId)).toBe(true)
    expect(await district.producers.count()).toBe(1)
    expect(await district.evaluations.count()).toBe(2)
    // The district now holds the commune's records read-only, named by their office.
    const honey = products.find((p) => p.name === 'Mật ong hoa nhãn')!
    await expect(
      updateProduct(district, honey.id, { ...honey, name: 'Mật ong' }),
    ).rejects.toMatchObject({
      code: 'record.foreign',
      params: { record: { name: 'Mật ong hoa nhãn' } },
    })

    // The same package again changes nothing, and cannot be committed twice.
    const again = await merge(district, districtId, full, '2026-12-02T10:00:00.000Z')
    expect(again.status).toBe('known')
    expect(writesNothing(again.plan)).toBe(true)

    // An edit at the commune travels as a change package built on the first.
    const communeHoney = (await commune.products.toArray()).find(
      (p) => p.name === 'Mật ong hoa nhãn',
    )!
    await updateProduct(commune, communeHoney.id, {
      ...communeHoney,
      name: 'Mật ong hoa nhãn Cẩm Xá',
    })
    const changes = await send(commune, communeId, 'changes', '2026-12-03T08:00:00.000Z')
    expect(changes.manifest.kind).toBe('changes')
    expect(changes.manifest.base?.id).toBe(full.manifest.id)
    expect(changes.content.tables.products).toHaveLength(1)
    const before = await snapshotTables(district)
    const second = await merge(district, districtId, changes, '2026-12-03T09:00:00.000Z')
    expect(second.plan.counts.products).toMatchObject({ updated: 1, unchanged: 0 })
    const batch = await commitPackageMerge(
      district,
      second.plan,
      second.register,
      changes.manifest,
      '',
    )
    expect((await district.products.get(honey.id))?.name).toBe('Mật ong hoa nhãn Cẩm Xá')

    await undoChangeBatch(district, batch.id, '2026-12-03T10:00:00.000Z')
    const after = await snapshotTables(district)
    for (const table of ['producers', 'products', 'evaluations', 'offices', 'packages'] as const) {
      expect(after[table], table).toEqual(before[table])
    }
  })

  it('refuses a change package whose base the receiver never merged, naming it', async () => {
    const commune = await freshDb()
    const district = await freshDb()
    const communeId = await identityOf('UBND xã Cẩm Xá', '12103')
    const districtId = await identityOf('UBND thị xã Mỹ Hào', '')
    await importSpreadsheet(commune, '2026-12-01T08:00:00.000Z')
    await send(commune, communeId, 'full', '2026-12-02T08:00:00.000Z')
    const changes = await send(commune, communeId, 'changes', '2026-12-03T08:00:00.000Z')
    await expect(
      merge(district, districtId, changes, '2026-12-03T09:00:00.000Z'),
    ).rejects.toMatchObject({
      code: 'package.missing-base',
      params: { office: 'UBND xã Cẩm Xá', baseCreatedAt: '2026-12-02T08:00:00.000Z' },
    })
  })

  it('refuses a commit, writing nothing, when a record it adds appeared after the preview', async () => {
    const commune = await freshDb()
    const district = await freshDb()
    const communeId = await identityOf('UBND xã Cẩm Xá', '12103')
    const districtId = await identityOf('UBND thị xã Mỹ Hào', '')
    await importSpreadsheet(commune, '2026-12-01T08:00:00.000Z')
    const full = await send(commune, communeId, 'full', '2026-12-02T08:00:00.000Z')
    const { plan, register } = await merge(district, districtId, full, '2026-12-02T09:00:00.000Z')
    expect(plan.counts.evaluations).toMatchObject({ new: 2 })
    // Between the preview and the commit, one of the evaluations it adds is written here.
    await district.table('evaluations').add(plan.puts.evaluations[1]!)
    const before = await snapshotTables(district)

    await expect(
      commitPackageMerge(district, plan, register, full.manifest, ''),
    ).rejects.toMatchObject({ code: 'package.stale' })
    const after = await snapshotTables(district)
    for (const table of ['producers', 'products', 'evaluations', 'packages'] as const) {
      expect(after[table], table).toEqual(before[table])
    }
  })
})
