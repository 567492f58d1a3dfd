import { createHash } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  checkBackupToWrite,
  parseBackup,
  serializeBackup,
  type NewBackup,
} from '@shared/db/backup-format'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '@shared/db/schema'
import { thrown } from '../../src-main/thrown'
import { CURRENT_TABLES, VERSION_3_TABLES } from './stored-status-records'

const now = '2026-01-05T08:00:00.000Z'
function backupWith(tables: Partial<NewBackup['tables']> = {}): NewBackup {
  const empty = Object.fromEntries(
    TABLE_NAMES.map((n) => [n, []]),
  ) as unknown as NewBackup['tables']
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: '0.1.0',
    kind: 'manual',
    createdAt: now,
    tables: { ...empty, ...tables },
  }
}
const unit = {
  id: 'u1',
  code: '12118',
  name: 'Nhân Hòa',
  kind: 'phuong',
  parentName: 'Thị xã Mỹ Hào, tỉnh Hưng Yên',
  validFrom: null,
  validTo: '2025-06-30',
  successorId: null,
  note: '',
  createdAt: now,
  updatedAt: now,
}
const office = { key: 'office', value: { officeName: 'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO' } }

const refusal = (content: string) => thrown(parseBackup(content, 'sao-luu.json'))

/** A backup as OCOP Desk wrote them before checksums: format version 1, one JSON document. */
function versionOneFile(backup: NewBackup, schemaVersion = 2): string {
  const { setAside: _none, ...tables } = backup.tables
  const header = { format: BACKUP_FORMAT, formatVersion: 1, ...backup, schemaVersion }
  return `${JSON.stringify({ ...header, tables }, null, 1)}\n`
}

describe('backup file', () => {
  it('round-trips every table exactly, its checksum verified', async () => {
    const backup = backupWith({ units: [unit], settings: [office] })
    const parsed = await parseBackup(await serializeBackup(backup), 'x.json')
    expect(parsed.checksum).toBe('verified')
    expect(parsed.backup).toEqual({
      format: BACKUP_FORMAT,
      formatVersion: BACKUP_FORMAT_VERSION,
      ...backup,
    })
  })

  it('carries the SHA-256 of the tables text exactly as written, as docs/backup-format.md says', async () => {
    const text = await serializeBackup(backupWith({ units: [unit], settings: [office] }))
    const lines = text.split('\n')
    expect(lines[0]).toMatch(/^\{"format":"ocop-desk-backup","formatVersion":2,.*"tables":\{$/)
    expect(lines.at(-1)).toBe('')
    expect(lines.at(-2)).toMatch(/^\},"tablesSha256":"[0-9a-f]{64}"\}$/)
    // One record per line, so the file can be written and read as a stream.
    expect(lines).toContain(JSON.stringify(unit))
    const tablesText = text.slice(lines[0]!.length - 1, text.lastIndexOf('\n},') + 2)
    expect(tablesText.startsWith('{\n"units":[')).toBe(true)
    const expected = createHash('sha256').update(Buffer.from(tablesText, 'utf8')).digest('hex')
    expect(lines.at(-2)).toBe(`},"tablesSha256":"${expected}"}`)
  })

  it('refuses a backup whose tables changed after it was written, naming the checksum', async () => {
    const text = await serializeBackup(backupWith({ units: [unit] }))
    // Still valid JSON and a valid record: only the checksum can tell.
    const error = await refusal(text.replace('"Nhân Hòa"', '"Nhân Hoà"'))
    expect(error.code).toBe('backup.checksum-mismatch')
    expect(error.message).toContain('"sao-luu.json"')
    expect(error.message).toContain('không khớp mã kiểm tra')
    expect(error.message).toContain('chưa bị thay đổi')
  })

  it('refuses a version 2 file without its checksum, or one re-indented by an editor', async () => {
    const text = await serializeBackup(backupWith({ units: [unit] }))
    const stripped = text.replace(/,"tablesSha256":"[0-9a-f]+"/, '')
    expect((await refusal(stripped)).code).toBe('backup.checksum-mismatch')
    const reindented = JSON.stringify(JSON.parse(text), null, 2)
    expect((await refusal(reindented)).code).toBe('backup.checksum-mismatch')
  })

  it('still reads a file whose line ends or byte order mark an editor changed', async () => {
    const text = await serializeBackup(backupWith({ units: [unit] }))
    const parsed = await parseBackup(`\uFEFF${text.replaceAll('\n', '\r\n')}`, 'x.json')
    expect(parsed.checksum).toBe('verified')
    expect(parsed.backup.tables.units).toEqual([unit])
  })

  it('restores a version 1 backup (no checksum, no set-aside table) and says it had no checksum', async () => {
    const parsed = await parseBackup(
      versionOneFile(backupWith({ units: [unit], settings: [office] })),
      'cu.json',
    )
    expect(parsed.checksum).toBe('absent')
    expect(parsed.backup.formatVersion).toBe(1)
    expect(parsed.backup.tables.units).toEqual([unit])
    expect(parsed.backup.tables.setAside).toEqual([])
  })

  it('refuses an empty file, naming it, and says the data is unchanged', async () => {
    const error = await refusal('')
    expect(error.code).toBe('backup.empty')
    expect(error.message).toContain('"sao-luu.json"')
    expect(error.message).toContain('chưa bị thay đổi')
  })

  it('refuses a truncated file, even cut inside its checksum line', async () => {
    const text = await serializeBackup(backupWith({ units: [unit] }))
    expect((await refusal(text.slice(0, Math.floor(text.length / 2)))).code).toBe('backup.corrupt')
    expect((await refusal(text.slice(0, -10))).code).toBe('backup.corrupt')
  })

  it('refuses a foreign JSON file and non-JSON bytes', async () => {
    expect((await refusal('{"name":"ocop-desk","version":"1.0.0"}')).code).toBe('backup.foreign')
    expect((await refusal('[1,2,3]')).code).toBe('backup.foreign')
    expect((await refusal('PK\u0003\u0004 not json')).code).toBe('backup.corrupt')
  })

  it('refuses a backup from a newer schema with advice to update', async () => {
    const newer = await serializeBackup({
      ...backupWith(),
      schemaVersion: CURRENT_SCHEMA_VERSION + 1,
    })
    const error = await refusal(newer)
    expect(error.code).toBe('backup.newer')
    expect(error.message).toContain('cập nhật')
  })

  it('names the table and record of an invalid record', async () => {
    const broken = backupWith({ units: [unit, { ...unit, id: 'u2', validTo: '31/12/2024' }] })
    const error = await refusal(await serializeBackup(broken))
    expect(error.code).toBe('backup.invalid-record')
    expect(error.message).toContain('bản ghi thứ 2 của bảng "units"')
  })

  it('checks a set-aside record as a record of the table it came from', async () => {
    const entry = {
      id: 'x1',
      table: 'units',
      record: { ...unit, validTo: 'hôm qua' },
      missing: [{ field: 'successorId', table: 'units', id: 'u9' }],
      backupName: 'cu.json',
      setAsideAt: now,
    }
    const error = await refusal(await serializeBackup(backupWith({ setAside: [entry] })))
    expect(error.message).toContain('bản ghi thứ 1 của bảng "setAside"')
  })

  it('refuses a backup with a table missing that its schema version has', async () => {
    const { auditLog: _dropped, ...fewer } = backupWith().tables
    const error = await refusal(versionOneFile({ ...backupWith(), tables: fewer as never }))
    expect(error.message).toContain('"auditLog"')
  })
})

describe('content main is asked to write', () => {
  it('passes when it is a backup of the kind its channel writes', async () => {
    const content = await serializeBackup({ ...backupWith({ units: [unit] }), kind: 'auto' })
    expect((await checkBackupToWrite(content, 'auto')).tables.units).toEqual([unit])
  })

  it('is refused, saying nothing was written, when it does not parse or is of another kind', async () => {
    const truncated = (await serializeBackup(backupWith({ units: [unit] }))).slice(0, 200)
    const error = await thrown(checkBackupToWrite(truncated, 'manual'))
    expect(error.code).toBe('backup.corrupt')
    expect(error.message).toContain('Bản sao lưu thủ công')
    expect(error.message).toContain('Chưa ghi tệp nào')

    const manual = await serializeBackup(backupWith())
    expect((await thrown(checkBackupToWrite(manual, 'pre-upgrade'))).code).toBe('backup.wrong-kind')
  })
})

describe('a backup of an older schema version', () => {
  it('restores as today’s records: a product’s stored status dropped, in every copy', async () => {
    // As version 3 wrote it: its own tables, the imports under their old name.
    const { tables, ...header } = backupWith()
    const { changeBatches: _new, issuedDocuments: _later, ...v3Tables } = tables
    const file = JSON.stringify({
      format: BACKUP_FORMAT,
      formatVersion: 1,
      ...header,
      schemaVersion: 3,
      tables: { ...v3Tables, ...structuredClone(VERSION_3_TABLES) },
    })
    const { backup } = await parseBackup(file, 'x.json')
    expect(backup.schemaVersion).toBe(3)
    for (const [name, rows] of Object.entries(CURRENT_TABLES)) {
      expect(backup.tables[name as keyof typeof CURRENT_TABLES], name).toEqual(rows)
    }
  })
})
