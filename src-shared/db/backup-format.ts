/**
 * The backup file (docs/backup-format.md defines it byte by byte): a one-line header, the tables
 * with one record per line, and a last line carrying the SHA-256 of the tables exactly as written.
 * Dates are already strings in our records, so JSON round-trips them exactly. A file is checked
 * whole, by this one parser, before main writes it and before a restore replaces anything.
 */
import { AppError, type CatalogueError } from '../errors'
import type { BackupKind } from '../ipc/contract'
import type { BackupSubject, ErrorMessageCode } from '../messages/catalogue'
import {
  CURRENT_SCHEMA_VERSION,
  RECORD_SCHEMAS,
  TABLE_NAMES,
  tableMovesAfter,
  tablesOfVersion,
  upgradeRecord,
  type TableName,
} from './schema'

export const BACKUP_FORMAT = 'ocop-desk-backup'
/** 2 adds `tablesSha256`. Version 1 files (no checksum) are still read. */
export const BACKUP_FORMAT_VERSION = 2
const READABLE_FORMAT_VERSIONS = [1, BACKUP_FORMAT_VERSION]

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

/** What the app puts in a new backup; the format and its version are the serialiser's. */
export type NewBackup = Omit<BackupFile, 'format' | 'formatVersion'>

/** A backup that passed every check; `checksum` is 'absent' for version 1 files, which had none. */
export interface ParsedBackup {
  backup: BackupFile
  checksum: 'verified' | 'absent'
}

// The header line ends by opening the tables, and the last line closes them and gives the checksum:
// the checksummed text runs from that `{` to that `}`.
const TABLES_OPEN = '"tables":{'
const CHECKSUM_LINE_START = '},"tablesSha256":"'

/** Serialises a backup; one line per record keeps large files diff-able and streamable. */
export async function serializeBackup(backup: NewBackup): Promise<string> {
  const { tables, ...fields } = backup
  const tablesText = [...backupTablesText(tables)].join('')
  return `${backupHead(fields)}${tablesText}${backupTail(await sha256Hex(tablesText))}`
}

/*
 * The file is the head, the tables' text and the tail, in that order; the command line writes a
 * large one piece by piece, hashing the tables' text as it goes, rather than as one string.
 */

/** The header line up to the tables' text (which opens with its `{`). */
export function backupHead(fields: Omit<NewBackup, 'tables'>): string {
  const header = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, ...fields }
  return `${JSON.stringify(header).slice(0, -1)},${TABLES_OPEN.slice(0, -1)}`
}

/** The tables' text, the part the checksum covers, in pieces: a record a line. */
export function* backupTablesText(tables: BackupTables): Generator<string> {
  yield '{\n'
  for (const [t, name] of TABLE_NAMES.entries()) {
    const rows = tables[name]
    yield `${t === 0 ? '' : ',\n'}${JSON.stringify(name)}:[${rows.length > 0 ? '\n' : ''}`
    for (const [r, row] of rows.entries()) yield `${r === 0 ? '' : ',\n'}${JSON.stringify(row)}`
    yield rows.length > 0 ? '\n]' : ']'
  }
  yield '\n}'
}

/** The last line, after the tables' text: their SHA-256 (hex). */
export const backupTail = (tablesSha256: string): string => `,"tablesSha256":"${tablesSha256}"}\n`

/** SHA-256 of the UTF-8 bytes of `text`, as 64 lowercase hex digits. */
export function sha256Hex(text: string): Promise<string> {
  return sha256OfBytes(new TextEncoder().encode(text))
}

/** SHA-256 of bytes, as 64 lowercase hex digits. */
export async function sha256OfBytes(bytes: Uint8Array): Promise<string> {
  // The DOM's BufferSource takes no view of a SharedArrayBuffer; ours are never shared.
  const view = bytes as Uint8Array<ArrayBuffer>
  const digest = await crypto.subtle.digest('SHA-256', view)
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('')
}

/**
 * Reads and checks a backup file completely, for a restore. Throws an AppError naming the file
 * (and the table and record, when one is wrong); never returns a partial backup.
 */
export function parseBackup(content: string, fileName: string): Promise<ParsedBackup> {
  return readBackup(content, { file: fileName })
}

/**
 * Checks content the renderer asks main to write as a backup of `kind`, with the same checks as a
 * restore, so that no file in the backup folder is one a restore would refuse.
 */
export async function checkBackupToWrite(content: string, kind: BackupKind): Promise<BackupFile> {
  const { backup } = await readBackup(content, { writing: kind })
  if (backup.kind !== kind) {
    refuse({ code: 'backup.wrong-kind', params: { expected: kind, found: String(backup.kind) } })
  }
  return backup
}

type BackupErrorCode = Extract<ErrorMessageCode, `backup.${string}`>

function refuse(error: CatalogueError<BackupErrorCode>, cause?: string): never {
  throw new AppError({ ...error, ...(cause ? { cause } : {}) })
}

/**
 * Undoes what an editor or a mail program may do to a text file without changing its data: a byte
 * order mark, CRLF line ends. Our JSON never holds a raw CR (JSON.stringify escapes it in strings).
 */
function asWritten(content: string): string {
  const unmarked = content.startsWith('\uFEFF') ? content.slice(1) : content
  return unmarked.includes('\r') ? unmarked.replaceAll('\r\n', '\n') : unmarked
}

/** The header and tables as JSON values, plus the checksummed text when the layout has one. */
interface Sections {
  header: unknown
  tables: unknown
  tablesText: string | null
}

function splitSections(content: string, subject: BackupSubject): Sections {
  const corrupt = (error: unknown): never =>
    refuse({ code: 'backup.corrupt', params: { subject, problem: 'unreadable' } }, String(error))
  const headEnd = content.indexOf('\n')
  const body = content.endsWith('\n') ? content.slice(0, -1) : content
  const lastLine = body.lastIndexOf('\n') + 1
  const layered =
    headEnd > 0 &&
    content.slice(0, headEnd).endsWith(TABLES_OPEN) &&
    lastLine > headEnd &&
    body.startsWith(CHECKSUM_LINE_START, lastLine)
  try {
    if (!layered) {
      const whole = JSON.parse(content) as { tables?: unknown } | null
      return { header: whole, tables: whole?.tables, tablesText: null }
    }
    const tablesStart = headEnd - 1
    const tablesEnd = lastLine + 1
    const tablesText = content.slice(tablesStart, tablesEnd)
    const header: unknown = JSON.parse(
      `${content.slice(0, tablesStart)}{}${content.slice(tablesEnd)}`,
    )
    return { header, tables: JSON.parse(tablesText), tablesText }
  } catch (error) {
    return corrupt(error)
  }
}

async function readBackup(written: string, subject: BackupSubject): Promise<ParsedBackup> {
  if (written.trim() === '') refuse({ code: 'backup.empty', params: { subject } })
  const sections = splitSections(asWritten(written), subject)
  const header = sections.header as (Partial<BackupFile> & { tablesSha256?: unknown }) | null
  if (typeof header !== 'object' || header === null || header.format !== BACKUP_FORMAT) {
    refuse({ code: 'backup.foreign', params: { subject } })
  }
  if (
    !READABLE_FORMAT_VERSIONS.includes(header.formatVersion as number) ||
    typeof header.schemaVersion !== 'number'
  ) {
    refuse({ code: 'backup.unsupported', params: { subject } })
  }
  if (header.schemaVersion > CURRENT_SCHEMA_VERSION) {
    refuse({
      code: 'backup.newer',
      params: { subject, schemaVersion: header.schemaVersion },
    })
  }
  const checksum = header.formatVersion === 1 ? 'absent' : 'verified'
  if (checksum === 'verified') await verifyChecksum(sections, header.tablesSha256, subject)

  const data = sections.tables as Record<string, unknown> | undefined
  if (typeof data !== 'object' || data === null) {
    refuse({ code: 'backup.corrupt', params: { subject, problem: 'no-tables' } })
  }
  // A table an older version kept under another name is read as the table it became.
  for (const move of tableMovesAfter(header.schemaVersion)) {
    const rows = data[move.from]
    if (Array.isArray(rows) && data[move.to] === undefined) {
      data[move.to] = rows.map((row: unknown) =>
        typeof row === 'object' && row !== null ? move.change(row as Record<string, unknown>) : row,
      )
    }
  }
  // A table the backup's schema did not have yet is empty, not missing.
  const expected = tablesOfVersion(header.schemaVersion)
  const tables = {} as BackupTables
  for (const name of TABLE_NAMES) {
    const rows = data[name] ?? (expected.includes(name) ? undefined : [])
    if (!Array.isArray(rows)) {
      refuse({ code: 'backup.corrupt', params: { subject, problem: 'missing-table', table: name } })
    }
    // A backup of an older version is restored as today's records, as its database would be upgraded.
    for (const row of rows) upgradeRecord(name, row, header.schemaVersion)
    rows.forEach((row, index) => checkRecord(name, row, index, subject))
    tables[name] = rows
  }
  const { tablesSha256: _checksum, ...fields } = header
  return { backup: { ...(fields as BackupFile), tables }, checksum }
}

async function verifyChecksum(sections: Sections, expected: unknown, subject: BackupSubject) {
  const actual = sections.tablesText === null ? null : await sha256Hex(sections.tablesText)
  if (typeof expected !== 'string' || actual !== expected) {
    refuse(
      { code: 'backup.checksum-mismatch', params: { subject } },
      `tablesSha256 ${String(expected)}, computed ${actual ?? '(layout not found)'}`,
    )
  }
}

function checkRecord(name: TableName, row: unknown, index: number, subject: BackupSubject) {
  const result = RECORD_SCHEMAS[name].safeParse(row)
  // A set-aside record is checked as a record of the table it came from, too.
  const inner =
    result.success && name === 'setAside'
      ? RECORD_SCHEMAS[(row as { table: TableName }).table].safeParse(
          (row as { record: unknown }).record,
        )
      : result
  if (!inner.success) {
    refuse(
      { code: 'backup.invalid-record', params: { subject, table: name, record: index + 1 } },
      inner.error.message,
    )
  }
}
