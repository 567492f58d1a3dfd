import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  parseBackup,
  serializeBackup,
  type BackupFile,
} from '@shared/db/backup-format'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '@shared/db/schema'

const now = '2026-01-05T08:00:00.000Z'
function backupWith(tables: Partial<BackupFile['tables']> = {}): BackupFile {
  const empty = Object.fromEntries(
    TABLE_NAMES.map((n) => [n, []]),
  ) as unknown as BackupFile['tables']
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
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

function refusal(content: string): AppError {
  try {
    parseBackup(content, 'sao-luu.json')
  } catch (error) {
    if (error instanceof AppError) return error
    throw error
  }
  throw new Error('the file was accepted')
}

describe('backup file', () => {
  it('round-trips every table exactly', () => {
    const backup = backupWith({
      units: [unit],
      settings: [{ key: 'office', value: { officeName: 'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO' } }],
    })
    expect(parseBackup(serializeBackup(backup), 'x.json')).toEqual(backup)
  })

  it('refuses an empty file, naming it, and says the data is unchanged', () => {
    const error = refusal('')
    expect(error.code).toBe('backup.empty')
    expect(error.message).toContain('"sao-luu.json"')
    expect(error.message).toContain('chưa bị thay đổi')
  })

  it('refuses a truncated file', () => {
    const text = serializeBackup(backupWith({ units: [unit] }))
    expect(refusal(text.slice(0, Math.floor(text.length / 2))).code).toBe('backup.corrupt')
  })

  it('refuses a foreign JSON file and non-JSON bytes', () => {
    expect(refusal('{"name":"ocop-desk","version":"1.0.0"}').code).toBe('backup.foreign')
    expect(refusal('[1,2,3]').code).toBe('backup.foreign')
    expect(refusal('PK\u0003\u0004 not json').code).toBe('backup.corrupt')
  })

  it('refuses a backup from a newer schema with advice to update', () => {
    const newer = { ...backupWith(), schemaVersion: CURRENT_SCHEMA_VERSION + 1 }
    const error = refusal(JSON.stringify(newer))
    expect(error.code).toBe('backup.newer')
    expect(error.message).toContain('cập nhật')
  })

  it('names the table and record of an invalid record', () => {
    const broken = backupWith({ units: [unit, { ...unit, id: 'u2', validTo: '31/12/2024' }] })
    const error = refusal(serializeBackup(broken))
    expect(error.code).toBe('backup.invalid-record')
    expect(error.message).toContain('bản ghi thứ 2 của bảng "units"')
  })

  it('refuses a backup with a table missing', () => {
    const { tables, ...rest } = backupWith()
    const { auditLog: _dropped, ...fewer } = tables
    expect(refusal(JSON.stringify({ ...rest, tables: fewer })).message).toContain('"auditLog"')
  })
})
