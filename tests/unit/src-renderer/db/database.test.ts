// @vitest-environment node
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach, describe, expect, it } from 'vitest'
import { parseBackup } from '@shared/db/backup-format'
import { CURRENT_SCHEMA_VERSION, SCHEMA_VERSIONS, TABLE_NAMES } from '@shared/db/schema'
import { OcopDatabase } from '@/db/database'
import { openDatabase } from '@/db/open-database'
import { createBackupContent, replaceAllTables, snapshotTables } from '@/db/backup-tables'
import {
  createUnit,
  importUnitsList,
  isRegisterBlank,
  listUnits,
  loadUnitCatalogue,
  restoreUnit,
  retireUnit,
  updateUnit,
} from '@/db/units-repo'
import type { UnitCatalogueEntry } from '@shared/domain/units'
import { getOffice, saveOffice } from '@/db/settings-repo'
import catalogue from '../../../../resources/catalogues/units-my-hao.json'
import { CURRENT_TABLES, VERSION_3_TABLES } from '../../src-shared/db/stored-status-records'
import { parseUnitsCsv, unitInputsOfList } from '@shared/import/units-csv'
import type { OfficeIdentity } from '@shared/domain/office'
import { documentToIssue, issuedRecord } from '@shared/documents/issued'
import { buildReport } from '@shared/reports/build'
import { myHaoData } from '../../src-shared/reports/my-hao-fixture'
import { roundRecords } from '../../support/round-records'

let counter = 0
const opened: Dexie[] = []
async function freshDb(): Promise<OcopDatabase> {
  const name = `test-${++counter}`
  const db = await openDatabase({ name, appVersion: 'test', writeBackup: async () => undefined })
  opened.push(db)
  return db
}
afterEach(async () => {
  for (const db of opened.splice(0)) {
    db.close()
    await Dexie.delete(db.name)
  }
})

const office: OfficeIdentity = {
  parentBody: '',
  officeName: 'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO',
  placeName: 'Mỹ Hào',
  agencyAbbreviation: 'UBND',
  draftingUnit: 'KT',
  signerAuthority: 'TM. ỦY BAN NHÂN DÂN',
  signerDelegation: 'KT. CHỦ TỊCH',
  signerTitle: 'PHÓ CHỦ TỊCH',
  signerName: 'Nguyễn Văn A',
}

describe('units repository', () => {
  it('writes each change with its audit line, and sorts names the Vietnamese way', async () => {
    const db = await freshDb()
    const a = await createUnit(db, {
      code: '12124',
      name: '  Bạch Sam ',
      kind: 'phuong',
      parentName: '',
      validFrom: null,
      validTo: null,
      note: '',
    })
    await createUnit(db, {
      code: '12121',
      name: 'Dị Sử'.normalize('NFD'),
      kind: 'phuong',
      parentName: '',
      validFrom: null,
      validTo: null,
      note: '',
    })
    await createUnit(db, {
      code: '',
      name: 'Ân Thi',
      kind: 'xa',
      parentName: '',
      validFrom: null,
      validTo: null,
      note: '',
    })
    await updateUnit(db, a.id, { ...a, name: 'Bạch Sam', note: 'sửa' })
    const names = (await listUnits(db)).map((u) => u.name)
    expect(names).toEqual(['Ân Thi', 'Bạch Sam', 'Dị Sử'])
    expect(names[2]).toBe('Dị Sử'.normalize('NFC'))
    const audit = await db.auditLog.toArray()
    expect(audit.map((e) => e.action)).toEqual(['create', 'create', 'create', 'update'])
    expect(audit[3]?.before).toMatchObject({ note: '' })
    expect(audit[3]?.after).toMatchObject({ note: 'sửa' })
  })

  it('retires a unit into its successor, and undo puts it back exactly', async () => {
    const db = await freshDb()
    const minhDuc = await createUnit(db, {
      code: '12127',
      name: 'Minh Đức',
      kind: 'phuong',
      parentName: '',
      validFrom: null,
      validTo: null,
      note: '',
    })
    const thuongHong = await createUnit(db, {
      code: '12127',
      name: 'Thượng Hồng',
      kind: 'phuong',
      parentName: '',
      validFrom: '2025-07-01',
      validTo: null,
      note: '',
    })
    await retireUnit(db, minhDuc.id, '2025-06-30', thuongHong.id)
    expect(await db.units.get(minhDuc.id)).toMatchObject({
      validTo: '2025-06-30',
      successorId: thuongHong.id,
    })
    await restoreUnit(db, minhDuc)
    expect(await db.units.get(minhDuc.id)).toEqual(minhDuc)
    const actions = (await db.auditLog.toArray()).map((e) => e.action)
    expect(actions).toEqual(['create', 'create', 'retire', 'undo'])
  })

  it('loads the Mỹ Hào list with successor links, and a second load adds nothing', async () => {
    const db = await freshDb()
    const entries = catalogue.units as UnitCatalogueEntry[]
    expect(await loadUnitCatalogue(db, entries, catalogue.title)).toEqual({ added: 16, skipped: 0 })
    expect(await loadUnitCatalogue(db, entries, catalogue.title)).toEqual({ added: 0, skipped: 16 })
    const units = await db.units.toArray()
    const byName = (name: string) => units.find((u) => u.name === name)
    expect(byName('Minh Đức')?.successorId).toBe(byName('Thượng Hồng')?.id)
    expect(byName('Hưng Long')?.successorId).toBe(byName('Đường Hào')?.id)
    expect(await db.auditLog.count()).toBe(16)
  })

  it('imports a CSV units list into a blank register, and the same list again adds nothing', async () => {
    const db = await freshDb()
    const csv =
      'code,kind,name,valid_from,valid_to\n12121,Phường,Dị Sử,,30/06/2025\n,Phường,Mỹ Hào,01/07/2025,\n'
    const inputs = unitInputsOfList(parseUnitsCsv(csv, 'don-vi.csv'), 'don-vi.csv')
    expect(await isRegisterBlank(db)).toBe(true)

    expect(await importUnitsList(db, inputs, 'don-vi.csv')).toEqual({ added: 2, skipped: 0 })
    expect(await importUnitsList(db, inputs, 'don-vi.csv')).toEqual({ added: 0, skipped: 2 })

    expect(await isRegisterBlank(db)).toBe(false)
    const units = await listUnits(db)
    expect(units.map((u) => [u.code, u.kind, u.name, u.validFrom, u.validTo])).toEqual([
      ['12121', 'phuong', 'Dị Sử', null, '2025-06-30'],
      ['', 'phuong', 'Mỹ Hào', '2025-07-01', null],
    ])
  })
})

describe('settings', () => {
  it('keeps the office identity, normalised, with an audit line', async () => {
    const db = await freshDb()
    expect((await getOffice(db)).officeName).toBe('')
    await saveOffice(db, { ...office, placeName: ' Mỹ  Hào '.normalize('NFD') })
    expect(await getOffice(db)).toEqual(office)
    expect((await db.auditLog.toArray()).map((e) => e.summary)).toEqual([
      'Cập nhật thông tin cơ quan',
    ])
  })

  it('reads an office saved before the drafting unit and the deputy line existed with both empty', async () => {
    const db = await freshDb()
    const { draftingUnit: _unit, signerDelegation: _deputy, ...stored } = office
    await db.settings.put({ key: 'office', value: stored })

    expect(await getOffice(db)).toEqual({ ...office, draftingUnit: '', signerDelegation: '' })
  })
})

describe('backup and restore', () => {
  async function populated() {
    const db = await freshDb()
    await loadUnitCatalogue(db, catalogue.units as UnitCatalogueEntry[], catalogue.title)
    await saveOffice(db, office)
    const now = '2026-01-01T00:00:00.000Z'
    await db.transaction('rw', db.tables, async () => {
      await db.producers.add({
        id: 'p1',
        name: 'HTX Tương Bần',
        type: 'htx',
        taxCode: '0900000001',
        address: 'Bần Yên Nhân',
        unitId: null,
        representative: '',
        phone: '',
        note: '',
        createdAt: now,
        updatedAt: now,
      })
      await db.products.add({
        id: 'sp1',
        name: 'Tương Bần',
        producerId: 'p1',
        unitId: null,
        criteriaSetId: 'qd1048',
        groupCode: 'I',
        productSetCode: '',
        description: '',
        createdAt: now,
        updatedAt: now,
      })
      await db.evaluations.add({
        id: 'e1',
        productId: 'sp1',
        year: 2019,
        round: 1,
        evaluatedOn: '2019-10-01',
        criteriaSetId: 'qd1048',
        partScores: { A: 25.5, B: 18, C: 30 },
        itemScores: null,
        total: 73.5,
        computedStars: 4,
        recognisedStars: 4,
        councilLevel: 'tinh',
        kind: 'lan-dau',
        decisionNo: '1358/QĐ-UBND',
        decisionDate: '2019-11-05',
        certificateNo: 'GCN-01',
        expiryDate: '2022-11-05',
        note: '',
        createdAt: now,
        updatedAt: now,
      })
      await db.criteriaSets.add({
        id: 'qd1048',
        name: 'QĐ 1048/QĐ-TTg',
        legalBasis: '',
        validFrom: '2019-08-21',
        validTo: '2023-02-23',
        parts: [{ code: 'A', name: 'Phần A', max: 35 }],
        starThresholds: [30, 50, 70, 90],
        catalogue: { note: '', groups: [] },
        recognition: [],
        revision: 1,
        builtIn: true,
        updatedAt: now,
      })
      await db.plans.add({
        id: 'kh1',
        name: 'Kế hoạch 2019-2020',
        docNo: '05/KH-UBND',
        docDate: '2019-03-01',
        fromYear: 2019,
        toYear: 2020,
        baselineYear: 2018,
        baselineOverride: { '3': 4 },
        note: '',
        createdAt: now,
        updatedAt: now,
      })
      await db.planTargets.add({
        id: 't1',
        planId: 'kh1',
        kind: 'stars-exactly',
        stars: 3,
        value: 6,
        unitId: null,
        productId: null,
        byYear: 2020,
        note: '',
      })
      await db.changeBatches.add({
        id: 'b1',
        kind: 'import',
        label: 'Nhập tệp xa.xlsx (trang "DS")',
        at: now,
        who: 'can-bo',
        beforeImages: [],
        createdIds: { products: ['sp1'] },
        undoneAt: null,
        detail: {
          fileName: 'xa.xlsx',
          fileHash: 'abc',
          sheet: 'DS',
          mapping: { A: 'product' },
          counts: { new: 1 },
        },
      })
      // A round scoring product sp1, with a full sheet loaded for the set.
      const round = roundRecords({
        criteriaSetId: 'qd1048',
        products: ['sp1'],
        scores: [[[30, 20, 30]]],
        now,
      })
      await db.rounds.add(round.round)
      await db.roundMembers.bulkAdd(round.members)
      await db.roundEntries.bulkAdd(round.entries)
      await db.roundScores.bulkAdd(round.scores)
      await db.offices.add({
        id: 'office-b',
        name: 'UBND xã Bình Minh',
        unitName: 'Xã Bình Minh',
        unitCode: '12106',
        publicKey: 'MCowBQYDK2VwAyEA',
        trustedAt: now,
        createdAt: now,
        updatedAt: now,
      })
      await db.packages.add({
        id: 'pkg-1',
        direction: 'received',
        kind: 'full',
        baseId: null,
        senderId: 'office-b',
        recipientId: null,
        fileName: 'binh-minh.ocop',
        createdAt: now,
        updatedAt: now,
        counts: { products: 1 },
        state: null,
      })
      await db.revocations.add({
        id: 'rev-1',
        number: '12/QĐ-UBND',
        date: '2025-06-01',
        signer: 'Ủy ban nhân dân tỉnh Hưng Yên',
        issuer: 'higher',
        level: 'tinh',
        lines: [{ productId: 'sp1', evaluationId: 'e1', reason: 'het-han', reasonText: '' }],
        note: '',
        createdAt: now,
        updatedAt: now,
      })
      await db.scoringSheets.add({
        id: 'sheet-1',
        criteriaSetId: 'qd1048',
        groupCodes: [],
        name: 'Phiếu đầy đủ',
        source: 'QĐ 1048 Phụ lục III',
        parts: [{ code: 'A', name: 'Phần A', max: 35, sections: [] }],
        fileName: 'phieu.xlsx',
        createdAt: now,
        updatedAt: now,
      })
      // An evaluation an earlier restore set aside: its product was not in that backup.
      const evaluation = await db.evaluations.get('e1')
      await db.setAside.add({
        id: 'x1',
        table: 'evaluations',
        record: { ...evaluation!, id: 'e0', productId: 'sp-cu' },
        missing: [{ field: 'productId', table: 'products', id: 'sp-cu' }],
        backupName: 'ocop-desk-manual-20250101-080000.json',
        setAsideAt: now,
      })
      // A report issued with its Word copy kept.
      await db.issuedDocuments.add(
        issuedRecord({
          id: 'vb1',
          document: documentToIssue(
            buildReport('products', myHaoData(), {
              date: '2020-12-31',
              signedOn: '2021-01-05',
              docNumber: '',
            }),
            5,
            '2021-01-05',
          ),
          dataDate: '2020-12-31',
          source: 'products',
          files: [{ name: 'so-05.docx', format: 'docx', size: 9, sha256: 'd'.repeat(64) }],
          chartPng: null,
          issuedAt: now,
        }),
      )
    })
    return db
  }

  it('restores every table exactly as it was backed up', async () => {
    const db = await populated()
    const before = await snapshotTables(db)
    for (const name of TABLE_NAMES) expect(before[name].length, name).toBeGreaterThan(0)
    const content = await createBackupContent(db, 'manual', 'test')
    await db.units.clear()
    await saveOffice(db, { ...office, signerName: 'Người khác' })
    await db.products.delete('sp1')
    await replaceAllTables(db, (await parseBackup(content, 'x.json')).backup.tables)
    expect(await snapshotTables(db)).toEqual(before)
  })

  it('changes nothing when a restore fails half-way', async () => {
    const db = await populated()
    const before = await snapshotTables(db)
    const content = await createBackupContent(db, 'manual', 'test')
    const { tables } = (await parseBackup(content, 'x.json')).backup
    // Two records with one key: the write fails inside the transaction, after earlier tables were cleared.
    const broken = { ...tables, settings: [...tables.settings, tables.settings[0]] }
    await expect(replaceAllTables(db, broken)).rejects.toThrow()
    expect(await snapshotTables(db)).toEqual(before)
  })
})

describe('opening and upgrading', () => {
  it('declares its versions in order, ending at the current one', () => {
    const versions = SCHEMA_VERSIONS.map((v) => v.version)
    expect(versions).toEqual([...versions].sort((a, b) => a - b))
    expect(versions.at(-1)).toBe(CURRENT_SCHEMA_VERSION)
  })

  it.each(SCHEMA_VERSIONS.map((v) => v.version))(
    'opens data written at schema version %i, backing it up first when older',
    async (version) => {
      const name = `upgrade-from-${version}`
      const old = new OcopDatabase(name, version)
      await old.open()
      await old.settings.put({ key: 'office', value: { officeName: 'UBND' } })
      const units = (catalogue.units as UnitCatalogueEntry[]).slice(0, 3)
      await loadUnitCatalogue(old, units, 'test')
      const written = await snapshotTables(old)
      old.close()

      const backups: string[] = []
      const db = await openDatabase({
        name,
        appVersion: 'test',
        writeBackup: async (c) => void backups.push(c),
      })
      opened.push(db)
      expect(db.verno).toBe(CURRENT_SCHEMA_VERSION)
      expect(await db.units.count()).toBe(3)
      expect((await db.settings.get('office'))?.value).toEqual({ officeName: 'UBND' })
      if (version < CURRENT_SCHEMA_VERSION) {
        expect(backups).toHaveLength(1)
        expect((await parseBackup(backups[0]!, 'pre-upgrade')).backup.tables).toEqual(written)
      } else {
        expect(backups).toHaveLength(0)
      }
    },
  )

  it('drops the status products stored at version 3, from every copy, makes its imports change batches, and keeps the rest', async () => {
    const name = 'upgrade-status'
    const old = new OcopDatabase(name, 3)
    await old.open()
    for (const [table, rows] of Object.entries(VERSION_3_TABLES)) {
      await old.table(table).bulkAdd(structuredClone(rows))
    }
    await loadUnitCatalogue(old, (catalogue.units as UnitCatalogueEntry[]).slice(0, 2), 'test')
    const unitsBefore = await old.units.toArray()
    old.close()

    const backups: string[] = []
    const db = await openDatabase({
      name,
      appVersion: 'test',
      writeBackup: async (c) => void backups.push(c),
    })
    opened.push(db)
    const tables = await snapshotTables(db)
    const byId = (rows: readonly unknown[]) =>
      [...rows].sort((a, b) =>
        String((a as { id: unknown }).id).localeCompare(String((b as { id: unknown }).id)),
      )
    for (const [table, rows] of Object.entries(CURRENT_TABLES)) {
      // The audit log also holds the lines of loading the units.
      const stored = tables[table as keyof typeof CURRENT_TABLES].slice(0, rows.length)
      expect(byId(stored), table).toEqual(byId(rows))
    }
    expect(tables.units).toEqual(unitsBefore)
    // The import batches became change batches; their old table is gone.
    expect(db.tables.map((t) => t.name)).not.toContain('importBatches')
    // The backup taken first keeps the statuses as version 3 stored them.
    expect(backups[0]).toMatch(/"schemaVersion":3,/)
    expect(backups[0]).toContain('"status":"dung"')
  })

  async function olderDatabase(name: string) {
    // A database a version behind the app: the app must back it up before touching it.
    const raw = new Dexie(name)
    raw.version(CURRENT_SCHEMA_VERSION - 0.5).stores({ units: 'id' })
    await raw.open()
    await raw.table('units').add({ id: 'x', name: 'Nhân Hòa' })
    raw.close()
  }

  it('backs up an older database before upgrading it, and keeps its records', async () => {
    const name = 'upgrade-ok'
    await olderDatabase(name)
    const backups: string[] = []
    const db = await openDatabase({
      name,
      appVersion: 'test',
      writeBackup: async (c) => void backups.push(c),
    })
    opened.push(db)
    expect(db.verno).toBe(CURRENT_SCHEMA_VERSION)
    expect(await db.units.get('x')).toEqual({ id: 'x', name: 'Nhân Hòa' })
    expect(backups).toHaveLength(1)
    const backup = JSON.parse(backups[0]!)
    expect(backup).toMatchObject({
      kind: 'pre-upgrade',
      schemaVersion: CURRENT_SCHEMA_VERSION - 0.5,
    })
    expect(backup.tables.units).toEqual([{ id: 'x', name: 'Nhân Hòa' }])
  })

  it('does not upgrade when the pre-upgrade backup cannot be written', async () => {
    const name = 'upgrade-refused'
    await olderDatabase(name)
    await expect(
      openDatabase({
        name,
        appVersion: 'test',
        writeBackup: async () => Promise.reject(new Error('disk full')),
      }),
    ).rejects.toThrow('disk full')
    const probe = new Dexie(name)
    await probe.open()
    expect(probe.verno).toBe(CURRENT_SCHEMA_VERSION - 0.5)
    probe.close()
    await Dexie.delete(name)
  })

  it('refuses data from a newer version of the app without touching it', async () => {
    const name = 'from-the-future'
    const raw = new Dexie(name)
    raw.version(CURRENT_SCHEMA_VERSION + 1).stores({ units: 'id' })
    await raw.open()
    raw.close()
    await expect(
      openDatabase({ name, appVersion: 'test', writeBackup: async () => undefined }),
    ).rejects.toMatchObject({ code: 'db.newer' })
    await Dexie.delete(name)
  })
})

describe('products repository', () => {
  it('adds many products in one transaction with their audit lines, or none at all', async () => {
    const { addProducts, listProducts } = await import('@/db/products-repo')
    const db = await freshDb()
    const now = '2026-01-01T00:00:00.000Z'
    const product = (id: string, name: string) => ({
      id,
      name,
      producerId: null,
      unitId: null,
      criteriaSetId: null,
      groupCode: '',
      productSetCode: '',
      description: '',
      createdAt: now,
      updatedAt: now,
    })
    await addProducts(
      db,
      [product('1', 'Tương Bần'), product('2', 'Gà lông màu'), product('3', 'Ba ba')],
      'Thêm',
    )
    expect((await listProducts(db)).map((p) => p.name)).toEqual([
      'Ba ba',
      'Gà lông màu',
      'Tương Bần',
    ])
    expect(await db.auditLog.count()).toBe(3)
    await expect(
      addProducts(db, [product('4', 'Cá'), product('1', 'Trùng mã')], 'Thêm'),
    ).rejects.toThrow()
    expect(await db.products.count()).toBe(3)
    expect(await db.auditLog.count()).toBe(3)
  })
})
