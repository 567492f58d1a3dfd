/**
 * `npm run ocop -- package export|merge …`: data packages between OCOP Desk installs, from and to
 * backup files (the format Cài đặt writes), with the same rules as the app (src-shared/exchange):
 * an office's records exported as a signed package, full or the changes since an earlier one;
 * a package checked whole, its sender checked, and merged into a backup as one change batch —
 * with the records this office imported earlier from the sender's spreadsheets linked, not
 * duplicated. This module reads, checks and computes; cli.ts writes the files and prints.
 */
import { basename } from 'node:path'
import { createHash } from 'node:crypto'
import { userInfo } from 'node:os'
import {
  backupHead,
  backupTablesText,
  backupTail,
  type BackupTables,
  type NewBackup,
} from '@shared/db/backup-format'
import type { PackageKind, Setting } from '@shared/db/records'
import { CURRENT_SCHEMA_VERSION } from '@shared/db/schema'
import { AppError } from '@shared/errors'
import { applyMerge, mergeBatch, writesNothing } from '@shared/exchange/apply'
import {
  IDENTITY_KEY,
  fingerprintOf,
  officeIdentitySchema,
  publicOffice,
  type OfficeIdentityKey,
  type PublicOffice,
} from '@shared/exchange/identity'
import { proposeLinks, type LinkProposal } from '@shared/exchange/links'
import {
  planMerge,
  refusalMessage,
  type MergeOutcome,
  type MergeRefusal,
} from '@shared/exchange/merge'
import { TRAVELLING_TABLES, type TravellingTable } from '@shared/exchange/ownership'
import { packageContent } from '@shared/exchange/package-content'
import {
  writePackage,
  type PackageManifest,
  type ReceivedPackage,
} from '@shared/exchange/package-format'
import type { ExchangeTables } from '@shared/exchange/register-tables'
import { checkSender } from '@shared/exchange/sender'
import { formatMessage } from '@shared/messages/format'
import { moment } from '@shared/messages/numbers'
import { version } from '../../package.json'
import { readPackage } from '../services/exchange/read-package'
import { readInput } from './check-command'
import { readBackupTables } from './report-command'
import { UsageError } from './usage'

/** The tables as the clerk reads them. */
const TABLE_LABELS: Record<TravellingTable, string> = {
  units: 'Đơn vị hành chính',
  criteriaSets: 'Bộ tiêu chí',
  producers: 'Chủ thể',
  products: 'Sản phẩm',
  evaluations: 'Kết quả đánh giá',
  plans: 'Kế hoạch',
  planTargets: 'Chỉ tiêu kế hoạch',
  scoringSheets: 'Phiếu chấm',
  rounds: 'Đợt đánh giá',
  roundMembers: 'Thành viên Hội đồng',
  roundEntries: 'Sản phẩm đăng ký đánh giá',
  roundScores: 'Điểm chấm',
  revocations: 'Quyết định thu hồi',
}

const LINK_REASONS: Record<LinkProposal['by'], string> = {
  'tax-code': 'cùng mã số thuế',
  name: 'cùng tên, cùng chủ thể',
  'year-round': 'cùng sản phẩm, năm và lần đánh giá',
}

/** The tables of a backup as the exchange reads them. */
function exchangeTables(tables: BackupTables): ExchangeTables {
  // The restore's parser has checked every record against its table's schema.
  return tables as unknown as ExchangeTables
}

/** The office identity in the backup's settings (as Cài đặt saves it), or null. */
function identityOf(tables: BackupTables): OfficeIdentityKey | null {
  const setting = (tables.settings as Setting[]).find((s) => s.key === IDENTITY_KEY)
  const parsed = officeIdentitySchema.safeParse(setting?.value)
  return parsed.success ? parsed.data : null
}

export interface ExportOptions {
  /** Absolute path of the backup file. */
  dataFile: string
  /** The package this office sent earlier that the new one builds on (a change package). */
  sinceFile?: string
  includeHeld: boolean
  now: string
  packageId: string
}

export interface ExportedPackage {
  bytes: Uint8Array
  kind: PackageKind
  sender: PublicOffice
  fingerprint: string
  base: PackageManifest['base']
  /** Records per table that travel, and the tombstones. */
  counts: Partial<Record<TravellingTable, number>>
  tombstones: number
}

/** Reads the backup (and the package it builds on) and writes the office's package. */
export async function exportPackage(options: ExportOptions): Promise<ExportedPackage> {
  const tables = await readBackupTables(options.dataFile)
  const identity = identityOf(tables)
  if (identity === null) throw new AppError({ code: 'package.no-identity', params: {} })
  const since =
    options.sinceFile === undefined
      ? null
      : await readSince(options.sinceFile, identity, options.includeHeld)
  const sender = publicOffice(identity)
  const content = packageContent(exchangeTables(tables), sender, {
    includeHeld: options.includeHeld,
    since: since?.content.state ?? null,
  })
  const kind: PackageKind = since === null ? 'full' : 'changes'
  const base =
    since === null ? null : { id: since.manifest.id, createdAt: since.manifest.createdAt }
  const bytes = await writePackage(
    content,
    {
      id: options.packageId,
      kind,
      base,
      createdAt: options.now,
      appVersion: version,
      recipient: null,
      includesHeld: options.includeHeld,
    },
    identity,
  )
  const counts: ExportedPackage['counts'] = {}
  for (const table of TRAVELLING_TABLES) {
    const records = content.tables[table]?.length ?? 0
    if (records > 0) counts[table] = records
  }
  return {
    bytes,
    kind,
    sender,
    fingerprint: await fingerprintOf(identity.publicKey),
    base,
    counts,
    tombstones: content.tombstones.length,
  }
}

/**
 * The package `--since` names: checked whole, one this office sent, and of the same choice — a
 * change package that left out the communes' records its base carried would remove them all.
 */
async function readSince(
  file: string,
  identity: OfficeIdentityKey,
  includeHeld: boolean,
): Promise<ReceivedPackage> {
  const name = basename(file)
  const since = await readPackage(await readInput(file), name)
  if (since.manifest.sender.officeId !== identity.officeId) {
    throw new UsageError(
      `--since "${name}" là gói của "${since.manifest.sender.name}", không phải của "${identity.name}" (đơn vị trong tệp sao lưu); hãy chọn một gói đơn vị này đã gửi.`,
    )
  }
  if (since.manifest.includesHeld !== includeHeld) {
    throw new UsageError(
      since.manifest.includesHeld
        ? `gói "${name}" gồm cả bản ghi đơn vị nhận của các xã, phường: gói thay đổi trên nó cũng cần --include-held.`
        : `gói "${name}" chỉ gồm bản ghi của đơn vị: gói thay đổi trên nó không dùng --include-held.`,
    )
  }
  return since
}

/** What `package export` prints after the file is written: what the package holds. */
export function exportSummary(exported: ExportedPackage): string {
  const kind =
    exported.base === null
      ? 'Gói đầy đủ'
      : `Gói các thay đổi kể từ gói tạo lúc ${moment(exported.base.createdAt, 'vi')}`
  const tables = TRAVELLING_TABLES.filter((table) => exported.counts[table] !== undefined)
  const width = Math.max(...tables.map((table) => TABLE_LABELS[table].length), 20)
  return [
    `${kind} của "${exported.sender.name}":`,
    ...tables.map((table) => `  ${TABLE_LABELS[table].padEnd(width)} ${exported.counts[table]}`),
    `  ${'Bản ghi đã xoá'.padEnd(width)} ${exported.tombstones}`,
    `Dấu khóa của đơn vị: ${exported.fingerprint} (đơn vị nhận đối chiếu khi nhận gói lần đầu).`,
    '',
  ].join('\n')
}

export interface MergeOptions {
  /** Absolute path of the backup file the package is merged into. */
  dataFile: string
  packageFile: string
  /** Confirm every link proposed (records imported earlier from the sender's spreadsheets). */
  links: boolean
  now: string
}

/** The merge as `package merge --json` prints it. */
export interface PackageMergeJson {
  package: {
    id: string
    kind: PackageKind
    sender: Omit<PublicOffice, 'publicKey'>
    createdAt: string
    file: string
  }
  /** The sender was not known here: its key's fingerprint is shown, and trusted from now on. */
  firstContact: boolean
  fingerprint: string
  links: (LinkProposal & { confirmed: boolean })[]
  tables: Record<TravellingTable, Record<MergeOutcome, number>>
  refused: (MergeRefusal & { message: string })[]
  /** False when the package had been merged already and brings nothing new. */
  changed: boolean
}

export interface MergedPackage {
  report: PackageMergeJson
  /** The merged register, to write as a backup file (backupFilePieces). */
  backup: NewBackup
}

/** Reads the backup and the package, checks the sender, and merges. */
export async function mergePackage(options: MergeOptions): Promise<MergedPackage> {
  const tables = await readBackupTables(options.dataFile)
  const file = basename(options.packageFile)
  const pkg = await readPackage(await readInput(options.packageFile), file)
  const register = exchangeTables(tables)
  // A register without an identity has sent nothing: no package's record is its own.
  const selfId = identityOf(tables)?.officeId ?? ''
  const status = checkSender(pkg.manifest, file, { selfId, ...register })
  const proposals = proposeLinks(register, pkg)
  const plan = planMerge(register, pkg, {
    selfId,
    stamp: options.now,
    newId: () => crypto.randomUUID(),
    links: options.links ? proposals : [],
  })
  const mergedAlready = register.packages.some(
    (logged) => logged.direction === 'received' && logged.id === pkg.manifest.id,
  )
  const changed = !(mergedAlready && writesNothing(plan) && plan.offices.length === 0)
  const merged = changed
    ? applyMerge(tables, plan, mergeBatch(plan, register, pkg.manifest.sender.name, account()))
    : tables
  const { publicKey, ...sender } = pkg.manifest.sender
  const report: PackageMergeJson = {
    package: {
      id: pkg.manifest.id,
      kind: pkg.manifest.kind,
      sender,
      createdAt: pkg.manifest.createdAt,
      file,
    },
    firstContact: status === 'first-contact',
    fingerprint: await fingerprintOf(publicKey),
    links: proposals.map((link) => ({ ...link, confirmed: options.links })),
    tables: plan.counts,
    refused: plan.refusals.map((refusal) => ({
      ...refusal,
      message: formatMessage(refusalMessage(refusal), 'vi'),
    })),
    changed,
  }
  const backup: NewBackup = {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: version,
    kind: 'manual',
    createdAt: options.now,
    tables: merged,
  }
  return { report, backup }
}

/** Pieces of about this many characters are written at a time. */
const PIECE_CHARS = 1 << 20

/**
 * The backup file's text in pieces, the tables' checksum computed as they go by: a merged
 * register of 10,000 products is never held whole as one string (it would double the memory).
 */
export function* backupFilePieces(backup: NewBackup): Generator<string> {
  const { tables, ...fields } = backup
  const hash = createHash('sha256')
  let piece = backupHead(fields)
  for (const text of backupTablesText(tables)) {
    hash.update(text)
    piece += text
    if (piece.length < PIECE_CHARS) continue
    yield piece
    piece = ''
  }
  yield `${piece}${backupTail(hash.digest('hex'))}`
}

/** The account the command runs under, as the change batch names who merged; some have none. */
function account(): string {
  try {
    return userInfo().username
  } catch {
    return ''
  }
}

/** What `package merge` prints: the sender, the links, the counts per table, the refusals. */
export function mergeSummary(report: PackageMergeJson): string {
  const { sender } = report.package
  const kind = report.package.kind === 'full' ? 'gói đầy đủ' : 'gói các thay đổi'
  const lines = [
    `Gói dữ liệu "${report.package.file}" của "${sender.name}"${sender.unitName ? ` (${sender.unitName})` : ''}: ${kind} tạo lúc ${moment(report.package.createdAt, 'vi')}.`,
  ]
  if (report.firstContact) {
    lines.push(
      `Lần đầu nhận gói của đơn vị này. Dấu khóa của đơn vị gửi: ${report.fingerprint}`,
      'Hãy gọi điện cho đơn vị gửi để đối chiếu dấu khóa. Từ nay đơn vị này được tin cậy với khóa này: gói ký bằng khóa khác sẽ bị từ chối.',
    )
  }
  if (report.links.length > 0) {
    const confirmed = report.links.every((link) => link.confirmed)
    lines.push(
      confirmed
        ? 'Bản ghi đã có ở đây (nhập từ tệp của đơn vị gửi) được liên kết, không nhân đôi:'
        : 'Liên kết đề nghị, chưa dùng vì có --no-links (các bản ghi này được thêm mới):',
      ...report.links.map(
        (link) =>
          `  ${TABLE_LABELS[link.table]} "${link.localName}" = "${link.wireName}" (${LINK_REASONS[link.by]})`,
      ),
    )
  }
  lines.push('', countsTable(report.tables))
  if (report.refused.length > 0) {
    lines.push(
      '',
      `Bản ghi không nhận (${report.refused.length}):`,
      ...report.refused.map(
        (refusal) => `  ${TABLE_LABELS[refusal.table]} "${refusal.name}": ${refusal.message}.`,
      ),
    )
  }
  if (!report.changed) lines.push('', 'Gói này đã được nhận trước đây và không mang gì mới.')
  return `${lines.join('\n')}\n`
}

const OUTCOME_LABELS: Record<MergeOutcome, string> = {
  new: 'Mới',
  updated: 'Cập nhật',
  unchanged: 'Không đổi',
  removed: 'Đã xoá',
  refused: 'Không nhận',
}

/** The tables the package touched, a line each, numbers lined up on the right. */
function countsTable(counts: PackageMergeJson['tables']): string {
  const outcomes = Object.keys(OUTCOME_LABELS) as MergeOutcome[]
  const tables = TRAVELLING_TABLES.filter((table) =>
    outcomes.some((outcome) => counts[table][outcome] > 0),
  )
  if (tables.length === 0) return 'Gói không có bản ghi nào.'
  const header = ['Bảng', ...outcomes.map((outcome) => OUTCOME_LABELS[outcome])]
  const rows = tables.map((table) => [
    TABLE_LABELS[table],
    ...outcomes.map((outcome) => String(counts[table][outcome])),
  ])
  const widths = header.map((title, c) => Math.max(title.length, ...rows.map((r) => r[c]!.length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, c) => (c === 0 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
  return [line(header), ...rows.map(line)].join('\n')
}
