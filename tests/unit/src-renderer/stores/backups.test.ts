// @vitest-environment node
import 'fake-indexeddb/auto'
import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { parseBackup, serializeBackup, type BackupTables } from '@shared/db/backup-format'
import type { Evaluation, Product } from '@shared/db/records'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '@shared/db/schema'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { AppError } from '@shared/errors'
import { buildRawApi, type BackupEntry, type Channel } from '@shared/ipc/contract'
import { snapshotTables } from '@/db/backup-tables'
import { setDatabase } from '@/db/instance'
import { deleteSetAside, listSetAside, putBack, stillMissing } from '@/db/set-aside-repo'
import { setRawApiForTests } from '@/platform/api'
import { useBackupsStore } from '@/stores/backups'
import criteriaCatalogue from '../../../../resources/catalogues/criteria-sets.json'
import { useFreshDatabases } from '../db/fresh-db'
import { decided, producer, product as productOf } from '../../src-shared/domain/ranking-fixtures'

const freshDb = useFreshDatabases('backups-store')
const now = '2026-01-05T01:00:00.000Z'

const product = (id: string, name: string, producerId: string): Product => ({
  ...productOf(id, null, producerId),
  name,
})
const evaluation = (id: string, productId: string): Evaluation =>
  decided(productId, 4, '2024-11-05', { id })

/** main's backup folder as the renderer sees it through the contract: calls are recorded. */
function fakeMain(files: Record<string, string>) {
  const calls: { channel: Channel; request: unknown }[] = []
  let hasDaily = false
  const entry = (name: string): BackupEntry => ({ name, kind: 'manual', createdAt: now, size: 1 })
  const answer = (channel: Channel, request: unknown): unknown => {
    calls.push({ channel, request })
    switch (channel) {
      case 'backup.list':
        return Object.keys(files).map(entry)
      case 'backup.read': {
        const { name } = request as { name: string }
        return { name, content: files[name] }
      }
      case 'backup.hasDailyToday':
        return hasDaily
      default:
        if (channel.startsWith('backup.write')) return entry(`written-by-${channel}`)
        throw new Error(`unexpected call ${channel}`)
    }
  }
  setRawApiForTests(
    buildRawApi(
      async (channel, request) => ({ ok: true, value: answer(channel, request) }),
      () => () => undefined,
    ),
  )
  return {
    calls,
    writes: () => calls.filter((call) => call.channel.startsWith('backup.write')),
    setHasDaily: (value: boolean) => (hasDaily = value),
  }
}

function tablesWith(tables: Partial<BackupTables>): BackupTables {
  const empty = Object.fromEntries(TABLE_NAMES.map((n) => [n, []])) as unknown as BackupTables
  return { ...empty, ...tables }
}
const criteriaSets = loadBuiltInCriteriaSets(criteriaCatalogue, now)

/** A backup whose product "Gà Đông Tảo" names a producer the backup does not have. */
const DANGLING = 'ocop-desk-manual-20260105-080000.json'
const danglingBackup = () =>
  serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: '0.1.0',
    kind: 'manual',
    createdAt: now,
    tables: tablesWith({
      producers: [producer('p1', 'HTX Tương Bần')],
      products: [product('sp1', 'Tương Bần', 'p1'), product('sp2', 'Gà Đông Tảo', 'p9')],
      evaluations: [evaluation('e1', 'sp1'), evaluation('e2', 'sp2')],
      criteriaSets,
    }),
  })

let db: Awaited<ReturnType<typeof freshDb>>
beforeEach(async () => {
  db = await freshDb()
  setDatabase(db)
  setActivePinia(createPinia())
  await db.producers.add(producer('p-now', 'Chủ thể đang có'))
})

describe('restoring a backup whose references dangle', () => {
  it('lists the product without its producer and that product’s evaluation, changing nothing yet', async () => {
    const main = fakeMain({ [DANGLING]: await danglingBackup() })
    const before = await snapshotTables(db)

    const checked = await useBackupsStore().checkFromList(DANGLING)

    expect(checked.checksum).toBe('verified')
    expect(checked.dangling.map((d) => [d.table, d.record.id, d.missing])).toEqual([
      ['products', 'sp2', [{ field: 'producerId', table: 'producers', id: 'p9' }]],
      ['evaluations', 'e2', [{ field: 'productId', table: 'products', id: 'sp2' }]],
    ])
    // Cancelling is not calling restore: nothing was written or replaced.
    expect(main.writes()).toEqual([])
    expect(await snapshotTables(db)).toEqual(before)
  })

  it('restores the rest and sets them aside, after backing up the current data', async () => {
    const main = fakeMain({ [DANGLING]: await danglingBackup() })
    const store = useBackupsStore()

    await store.restore(await store.checkFromList(DANGLING))

    const [preRestore] = main.writes()
    expect(main.writes()).toHaveLength(1)
    expect(preRestore!.channel).toBe('backup.writeBeforeRestore')
    const saved = await parseBackup((preRestore!.request as { content: string }).content, 'x')
    expect(saved.backup.kind).toBe('pre-restore')
    expect(saved.backup.tables.producers).toEqual([producer('p-now', 'Chủ thể đang có')])

    expect((await db.products.toArray()).map((p) => p.name)).toEqual(['Tương Bần'])
    expect((await db.evaluations.toArray()).map((e) => e.id)).toEqual(['e1'])
    const aside = await listSetAside(db)
    expect(aside.map((e) => [e.table, e.record.id, e.backupName])).toEqual([
      ['products', 'sp2', DANGLING],
      ['evaluations', 'e2', DANGLING],
    ])
  })

  it('puts set-aside records back only once what they refer to exists, or deletes them', async () => {
    fakeMain({ [DANGLING]: await danglingBackup() })
    const store = useBackupsStore()
    await store.restore(await store.checkFromList(DANGLING))
    const [productEntry, evaluationEntry] = await listSetAside(db)

    // The evaluation's product is itself set aside: it cannot go back first.
    const refused = await putBack(db, evaluationEntry!.id, 'Đánh giá 2024').catch((e) => e)
    expect(refused).toBeInstanceOf(AppError)
    expect((refused as AppError).message).toContain('"sp2"')
    expect(await db.evaluations.get('e2')).toBeUndefined()

    // The producer comes back (say, from another backup); then the product, then its evaluation.
    await db.producers.add(producer('p9', 'HTX Gà Đông Tảo'))
    expect((await stillMissing(db, [productEntry!])).get(productEntry!.id)).toEqual([])
    await putBack(db, productEntry!.id, 'Gà Đông Tảo')
    await putBack(db, evaluationEntry!.id, 'Đánh giá 2024')

    expect(await db.products.get('sp2')).toEqual(product('sp2', 'Gà Đông Tảo', 'p9'))
    expect(await db.evaluations.get('e2')).toEqual(evaluation('e2', 'sp2'))
    expect(await listSetAside(db)).toEqual([])
    const audit = await db.auditLog.toArray()
    expect(audit.map((line) => [line.action, line.table, line.recordId])).toEqual([
      ['create', 'products', 'sp2'],
      ['create', 'evaluations', 'e2'],
    ])
  })

  it('deletes a set-aside record for good, keeping a copy in the audit log', async () => {
    fakeMain({ [DANGLING]: await danglingBackup() })
    const store = useBackupsStore()
    await store.restore(await store.checkFromList(DANGLING))
    const [productEntry] = await listSetAside(db)

    await deleteSetAside(db, productEntry!.id, 'Gà Đông Tảo')

    expect((await listSetAside(db)).map((e) => e.record.id)).toEqual(['e2'])
    const [line] = await db.auditLog.toArray()
    expect(line).toMatchObject({ action: 'delete', table: 'setAside', before: productEntry })
  })
})

describe('an old backup without a checksum', () => {
  it('restores, marked as having no checksum', async () => {
    const old = {
      format: 'ocop-desk-backup',
      formatVersion: 1,
      schemaVersion: 2,
      appVersion: '0.1.0',
      kind: 'manual',
      createdAt: now,
      tables: tablesWith({ producers: [producer('p1', 'HTX Tương Bần')] }),
    }
    const { setAside: _notYet, ...tables } = old.tables
    fakeMain({ 'ocop-desk-manual-20250101-080000.json': JSON.stringify({ ...old, tables }) })
    const store = useBackupsStore()

    const checked = await store.checkFromList('ocop-desk-manual-20250101-080000.json')
    await store.restore(checked)

    expect(checked.checksum).toBe('absent')
    expect(await db.producers.toArray()).toEqual([producer('p1', 'HTX Tương Bần')])
  })
})

describe('the daily backup at start', () => {
  it('is written through the daily channel unless today already has one that parses', async () => {
    const main = fakeMain({})
    const store = useBackupsStore()

    main.setHasDaily(true)
    expect(await store.autoBackupIfDue()).toBeNull()
    expect(main.writes()).toEqual([])

    main.setHasDaily(false)
    expect(await store.autoBackupIfDue()).not.toBeNull()
    expect(main.writes().map((call) => call.channel)).toEqual(['backup.writeDaily'])
  })
})

describe('the practice register', () => {
  it('is never backed up: no daily backup, and a backup asked for is refused in words', async () => {
    const main = fakeMain({})
    setDatabase(db, 'practice')
    const store = useBackupsStore()

    expect(await store.autoBackupIfDue()).toBeNull()
    await expect(store.backup('manual')).rejects.toMatchObject({ code: 'practice.no-backup' })
    await expect(store.backupToFile()).rejects.toThrow('sổ thực hành')

    expect(main.writes()).toEqual([])
    expect(main.calls.map((call) => call.channel)).not.toContain('file.save')
  })
})
