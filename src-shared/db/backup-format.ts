/**
 * The backup file: one JSON document holding every table. Dates are already strings in our
 * records, so JSON round-trips them exactly. A file is checked whole before anything is replaced.
 */
import { AppError } from '../errors'
import type { BackupKind } from '../ipc/contract'
import { CURRENT_SCHEMA_VERSION, RECORD_SCHEMAS, TABLE_NAMES, type TableName } from './schema'

export const BACKUP_FORMAT = 'ocop-desk-backup'
export const BACKUP_FORMAT_VERSION = 1

export type BackupTables = Record<TableName, unknown[]>

export interface BackupFile {
  format: typeof BACKUP_FORMAT
  formatVersion: number
  schemaVersion: number
  appVersion: string
  kind: BackupKind
  createdAt: string
  tables: BackupTables
}

/** Serialises a backup; one line per record keeps large files diff-able and streamable. */
export function serializeBackup(backup: BackupFile): string {
  const { tables, ...header } = backup
  const parts = TABLE_NAMES.map((name) => {
    const rows = tables[name].map((row) => JSON.stringify(row)).join(',\n')
    return `${JSON.stringify(name)}: [${rows ? `\n${rows}\n` : ''}]`
  })
  const head = JSON.stringify(header).slice(0, -1)
  return `${head},"tables": {\n${parts.join(',\n')}\n}}\n`
}

function refuse(code: string, message: string, cause?: string): never {
  throw new AppError({ code, message, ...(cause ? { cause } : {}) })
}

const WHAT_TO_DO =
  'Dữ liệu hiện tại chưa bị thay đổi. Hãy chọn một tệp sao lưu khác (tệp .json do OCOP Desk tạo ra).'

/**
 * Reads and checks a backup file completely. Throws an AppError with a Vietnamese message naming
 * the file (and the table and record, when one is wrong); never returns a partial backup.
 */
export function parseBackup(content: string, fileName: string): BackupFile {
  const file = `"${fileName}"`
  if (content.trim() === '') refuse('backup.empty', `Tệp ${file} trống. ${WHAT_TO_DO}`)
  let data: unknown
  try {
    data = JSON.parse(content)
  } catch (error) {
    refuse(
      'backup.corrupt',
      `Tệp ${file} bị hỏng hoặc bị cắt dở nên không đọc được. ${WHAT_TO_DO}`,
      String(error),
    )
  }
  const header = data as Partial<BackupFile> | null
  if (typeof header !== 'object' || header === null || header.format !== BACKUP_FORMAT) {
    refuse('backup.foreign', `Tệp ${file} không phải là tệp sao lưu của OCOP Desk. ${WHAT_TO_DO}`)
  }
  if (header.formatVersion !== BACKUP_FORMAT_VERSION || typeof header.schemaVersion !== 'number') {
    refuse(
      'backup.unsupported',
      `Tệp ${file} được tạo theo định dạng mà phiên bản này không đọc được. ${WHAT_TO_DO}`,
    )
  }
  if (header.schemaVersion > CURRENT_SCHEMA_VERSION) {
    refuse(
      'backup.newer',
      `Tệp ${file} được tạo bởi phiên bản OCOP Desk mới hơn (lược đồ ${header.schemaVersion}). Hãy cập nhật OCOP Desk rồi khôi phục lại.`,
    )
  }
  const tables = header.tables as Record<string, unknown> | undefined
  if (typeof tables !== 'object' || tables === null) {
    refuse('backup.corrupt', `Tệp ${file} thiếu phần dữ liệu. ${WHAT_TO_DO}`)
  }
  for (const name of TABLE_NAMES) {
    const rows = tables[name]
    if (!Array.isArray(rows)) {
      refuse('backup.corrupt', `Tệp ${file} thiếu bảng "${name}". ${WHAT_TO_DO}`)
    }
    rows.forEach((row, index) => {
      const result = RECORD_SCHEMAS[name].safeParse(row)
      if (!result.success) {
        refuse(
          'backup.invalid-record',
          `Tệp ${file}: bản ghi thứ ${index + 1} của bảng "${name}" không hợp lệ. ${WHAT_TO_DO}`,
          result.error.message,
        )
      }
    })
  }
  return header as BackupFile
}
