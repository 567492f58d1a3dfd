/**
 * `npm run ocop -- report KIND --data BACKUP.json --out FILE.docx|FILE.xlsx`: a report built from a backup
 * file (the format Cài đặt writes) with the same builders as the app, as the model the Excel worker
 * writes. `report revocations` writes a revocation decision's paper (its Quyết định, or the Tờ
 * trình to the level that signs it) the same way. This module reads and checks the inputs; cli.ts
 * runs the job and writes the file.
 */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { formatViDate, isIsoDate, type IsoDate } from '@shared/dates'
import type { Plan, Revocation } from '@shared/db/records'
import { parseBackup, type BackupTables } from '@shared/db/backup-format'
import { isDemoId } from '@shared/domain/demo-my-hao'
import { missingOfficeFields, type OfficeIdentity } from '@shared/domain/office'
import { AppError } from '@shared/errors'
import type { PlanName, RevocationName } from '@shared/messages/catalogue'
import { buildReport } from '@shared/reports/build'
import { chooseRevocation, revocationDocument } from '@shared/revocations/documents'
import { reportDataFromTables } from '@shared/reports/data'
import type { OfficialDocument } from '@shared/documents/model'
import {
  PRODUCT_GROUPINGS,
  REPORT_KINDS,
  type ProductGrouping,
  type ReportData,
  type ReportOptions,
} from '@shared/reports/model'

/** --by: the products list by star, by commune/ward, or by owning office (đơn vị gửi). */
export const GROUPINGS = PRODUCT_GROUPINGS
export type Grouping = ProductGrouping

/**
 * What `report` writes: the reports of the Báo cáo screen, and `revocations`, the paper of a
 * revocation decision (not a Báo cáo, so not one of REPORT_KINDS).
 */
export const REPORT_COMMAND_KINDS = [...REPORT_KINDS, 'revocations'] as const
export type ReportCommandKind = (typeof REPORT_COMMAND_KINDS)[number]

export interface ReportCommandOptions {
  kind: ReportCommandKind
  /** Absolute path of the backup file. */
  dataFile: string
  date: IsoDate
  /**
   * The signing date on the place-date line. revocations: only for a Tờ trình (a decision the
   * office signs prints its own date), which otherwise takes the decision's.
   */
  signedOn?: IsoDate
  /** changes: the first date compared. */
  from?: IsoDate
  /** A plan's id or name (plan report). */
  plan?: string
  grouping?: Grouping
  /** The number part of "Số: 05/BC-…"; empty leaves the space to fill by hand. */
  docNumber?: string
  /** revocations: the decision's number; the latest decision when absent. */
  decision?: string
}

export interface ReportCommandResult {
  model: OfficialDocument
  /** Office fields still empty in the backup's Cài đặt (the report prints blanks for them). */
  missingOffice: string[]
}

const OFFICE_FIELD_LABELS: Record<keyof OfficeIdentity, string> = {
  parentBody: 'cơ quan cấp trên',
  officeName: 'tên cơ quan',
  placeName: 'địa danh',
  agencyAbbreviation: 'chữ viết tắt của cơ quan',
  draftingUnit: 'đơn vị soạn thảo',
  signerAuthority: 'thẩm quyền ký',
  signerDelegation: 'dòng ký thay',
  signerTitle: 'chức vụ người ký',
  signerName: 'họ tên người ký',
}

export function isReportKind(value: string): value is ReportCommandKind {
  return (REPORT_COMMAND_KINDS as readonly string[]).includes(value)
}

/** `YYYY-MM-DD` or `dd/mm/yyyy` (d and m may have one digit) as an ISO date; null if not a date. */
export function parseReportDate(text: string): IsoDate | null {
  const value = text.trim()
  if (isIsoDate(value)) return value
  const vi = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value)
  if (!vi) return null
  const iso = `${vi[3]}-${(vi[2] ?? '').padStart(2, '0')}-${(vi[1] ?? '').padStart(2, '0')}`
  return isIsoDate(iso) ? iso : null
}

/** Reads the backup, finds the plan, builds the model; throws an AppError in Vietnamese. */
export async function loadReportModel(options: ReportCommandOptions): Promise<ReportCommandResult> {
  const data = await readData(options.dataFile)
  // The practice register's records (`ocop demo`) make a sample, marked on every page.
  const sample = data.products.some((product) => isDemoId(product.id))
  let model: OfficialDocument
  if (options.kind === 'revocations') {
    const revocation = findRevocation(data.revocations, options.decision)
    if (revocation.issuer === 'self' && (options.docNumber || options.signedOn)) {
      throw new AppError({ code: 'cli.revocation-numbered', params: { number: revocation.number } })
    }
    model = revocationDocument(data, revocation, {
      sample,
      ...(options.docNumber ? { number: options.docNumber } : {}),
      ...(options.signedOn ? { signedOn: options.signedOn } : {}),
    })
  } else {
    const reportOptions: ReportOptions = {
      date: options.date,
      signedOn: options.signedOn ?? options.date,
      docNumber: options.docNumber ?? '',
      sample,
      ...(options.grouping ? { grouping: options.grouping } : {}),
      ...(options.from ? { from: options.from } : {}),
    }
    if (options.kind === 'plan') reportOptions.planId = findPlan(data.plans, options.plan).id
    model = buildReport(options.kind, data, reportOptions)
  }
  return {
    model,
    missingOffice: missingOfficeFields(data.office).map((key) => OFFICE_FIELD_LABELS[key]),
  }
}

async function readData(file: string): Promise<ReportData> {
  return reportDataFromTables(await readBackupTables(file))
}

/** The tables of a backup file, checked by the restore's parser; throws an AppError in Vietnamese. */
export async function readBackupTables(file: string): Promise<BackupTables> {
  let content: string
  try {
    content = await readFile(file, 'utf8')
  } catch (error) {
    const code = (error as { code?: unknown }).code
    throw new AppError({
      code: 'cli.data-unreadable',
      params: { file, missing: code === 'ENOENT' },
      cause: String(error),
    })
  }
  const { backup } = await parseBackup(content, basename(file))
  return backup.tables
}

const fold = (text: string): string => text.normalize('NFC').trim().toLocaleLowerCase('vi')

/** The plan named by `wanted` (id, exact name, or a unique part of a name). */
export function findPlan(plans: readonly Plan[], wanted: string | undefined): Plan {
  if (plans.length === 0) {
    throw new AppError({ code: 'cli.plan-missing', params: {} })
  }
  if (wanted === undefined) {
    if (plans.length === 1) return plans[0] as Plan
    throw new AppError({
      code: 'cli.plan-ambiguous',
      params: { wanted: null, plans: plans.map(planName) },
    })
  }
  const key = fold(wanted)
  const byId = plans.find((p) => p.id === wanted.trim())
  if (byId) return byId
  const byName = plans.filter((p) => fold(p.name) === key)
  if (byName.length === 1) return byName[0] as Plan
  const partial = byName.length > 1 ? byName : plans.filter((p) => fold(p.name).includes(key))
  if (partial.length === 1) return partial[0] as Plan
  throw partial.length === 0
    ? new AppError({ code: 'cli.plan-unknown', params: { wanted, plans: plans.map(planName) } })
    : new AppError({
        code: 'cli.plan-ambiguous',
        params: { wanted, plans: partial.map(planName) },
      })
}

/** A plan as the error's list names it: only what the clerk reads, so the error stays small. */
function planName(plan: Plan): PlanName {
  return { id: plan.id, name: plan.name }
}

/**
 * The revocation decision `wanted` names by its number, else the latest recorded; an AppError in
 * Vietnamese, listing the numbers the backup has, when there is none or it has no such number.
 */
export function findRevocation(
  revocations: readonly Revocation[],
  wanted: string | undefined,
): Revocation {
  if (revocations.length === 0) {
    throw new AppError({ code: 'cli.revocation-missing', params: {} })
  }
  const found = chooseRevocation(revocations, wanted)
  if (found) return found
  throw new AppError({
    code: 'cli.revocation-unknown',
    params: { wanted: wanted ?? '', decisions: revocations.map(revocationName) },
  })
}

function revocationName(revocation: Revocation): RevocationName {
  return { number: revocation.number, date: formatViDate(revocation.date) }
}
