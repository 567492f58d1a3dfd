// @vitest-environment node
import { describe, expect, it } from 'vitest'
import { parseBackup } from '@shared/db/backup-format'
import { documentToIssue, issuedRecord } from '@shared/documents/issued'
import { buildReport } from '@shared/reports/build'
import { createBackupContent, replaceAllTables } from '@/db/backup-tables'
import {
  listIssued,
  recordIssued,
  replaceKeptFiles,
  restoreIssued,
  strikeIssued,
} from '@/db/issued-repo'
import { myHaoData } from '../../src-shared/reports/my-hao-fixture'
import { useFreshDatabases } from './fresh-db'

const freshDb = useFreshDatabases('issued')

const report = buildReport('products', myHaoData(), {
  date: '2020-12-31',
  signedOn: '2021-01-05',
  docNumber: '',
})

function issued(number: number, signedOn = '2021-01-05') {
  return issuedRecord({
    id: crypto.randomUUID(),
    document: documentToIssue(report, number, signedOn),
    dataDate: '2020-12-31',
    source: 'products',
    files: [{ name: `so-${number}.docx`, format: 'docx', size: 100, sha256: 'b'.repeat(64) }],
    chartPng: null,
    issuedAt: new Date().toISOString(),
  })
}

describe('the register of issued documents', () => {
  it('records a document once per number and year, and audits it', async () => {
    const db = await freshDb()
    const first = issued(5)
    await recordIssued(db, first)
    await expect(recordIssued(db, issued(5, '2021-09-30'))).rejects.toMatchObject({
      code: 'issued.number-taken',
      message: expect.stringContaining('Số 05/BC-UBND đã cấp cho văn bản'),
    })
    // The same number in the next year is the next year's series.
    const nextYear = issued(5, '2022-01-04')
    await recordIssued(db, nextYear)
    expect((await listIssued(db)).map((d) => d.reference)).toEqual(['05/BC-UBND', '05/BC-UBND'])
    expect((await listIssued(db))[0]?.signedOn).toBe('2022-01-04')
    const lines = await db.auditLog.where('table').equals('issuedDocuments').toArray()
    expect(lines.map((l) => l.summary)).toEqual([
      `Phát hành văn bản số 05/BC-UBND: ${report.title.subject}`,
      `Phát hành văn bản số 05/BC-UBND: ${report.title.subject}`,
    ])
  })

  it('strikes a record out and puts it back, unless its number was given again', async () => {
    const db = await freshDb()
    const doc = issued(7)
    await recordIssued(db, doc)
    const struck = await strikeIssued(db, doc.id)
    expect(await listIssued(db)).toEqual([])
    await restoreIssued(db, struck)
    expect(await listIssued(db)).toEqual([doc])

    await strikeIssued(db, doc.id)
    await recordIssued(db, issued(7))
    await expect(restoreIssued(db, struck)).rejects.toMatchObject({ code: 'issued.number-taken' })
    expect(await db.issuedDocuments.get(doc.id)).toBeUndefined()
  })

  it('changes only the kept files’ record when they are recreated', async () => {
    const db = await freshDb()
    const doc = issued(8)
    await recordIssued(db, doc)
    const files = [{ ...doc.files[0]!, sha256: 'c'.repeat(64), size: 120 }]
    const after = await replaceKeptFiles(db, doc.id, files)
    expect(after).toEqual({ ...doc, files })
  })

  it('travels in a backup and comes back whole', async () => {
    const db = await freshDb()
    const doc = issued(9)
    await recordIssued(db, doc)
    const content = await createBackupContent(db, 'manual', 'test')
    const { backup } = await parseBackup(content, 'sao-luu.json')
    expect(backup.tables.issuedDocuments).toEqual([doc])

    const other = await freshDb()
    await replaceAllTables(other, backup.tables)
    const [restored] = await listIssued(other)
    expect(restored?.document).toEqual(doc.document)
  })
})
