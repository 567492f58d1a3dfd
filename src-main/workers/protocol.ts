/**
 * Jobs the Excel worker runs, and the messages between it and its parent. The same protocol runs
 * over an Electron utilityProcess port and a Node worker_threads port.
 */
import type { CriteriaSet } from '@shared/db/records'
import type { AppErrorData } from '@shared/errors'
import type { BackupKind, MemberWorkbookContent, MemberWorkbookMember } from '@shared/ipc/contract'
import type { ImportCheck, MappingOverride } from '@shared/import/check-result'
import type { UnitCandidate } from '@shared/import/units-match'
import type { OfficialDocument } from '@shared/documents/model'
import type { MemberWorkbookRead, SheetDefinitionRead } from '@shared/rounds/round-files'
import type { ReceivedPackage } from '@shared/exchange/package-format'
import type { MemberWorkbooksToRead } from '../services/excel/member-workbook-files'

export interface JobTypes {
  /** The styled import template (.xlsx) with its dropdowns and instructions sheet. */
  'import-template': {
    input: Record<string, never>
    output: { fileName: string; bytes: Uint8Array }
  }
  /** Import steps 1-6 on a commune file: sheets, header, mapping, normalised rows, messages. */
  'import-check': {
    input: {
      bytes: Uint8Array
      fileName: string
      sheet?: string
      mapping?: MappingOverride
      remembered?: Record<string, MappingOverride>
      units: UnitCandidate[]
      criteriaSets: CriteriaSet[]
    }
    output: ImportCheck
  }
  /**
   * A document (Nghị định 30 layout) as .xlsx, whole or only its annexes; `chartPng` is the plan
   * report's star chart.
   */
  'report-xlsx': {
    input: { model: OfficialDocument; chartPng?: Uint8Array; part?: 'whole' | 'annexes' }
    output: { fileName: string; bytes: Uint8Array }
  }
  /** A document (Nghị định 30 layout) as .docx, its annexes as sections of their own. */
  'report-docx': {
    input: { model: OfficialDocument; chartPng?: Uint8Array }
    output: { fileName: string; bytes: Uint8Array }
  }
  /**
   * Checks backup content with the restore's own parser before main writes it as a backup of
   * `kind`: a large register takes seconds to parse, which would freeze main's window. Fails with
   * the parser's AppError.
   */
  'backup-check': {
    input: { content: string; kind: BackupKind }
    output: null
  }
  /** A round's score workbooks: one per member as a .zip, or one member's alone as .xlsx. */
  'member-workbooks-write': {
    input: MemberWorkbookContent &
      (
        | { format: 'zip'; members: MemberWorkbookMember[] }
        | { format: 'xlsx'; member: MemberWorkbookMember }
      )
    output: { fileName: string; bytes: Uint8Array }
  }
  /** Filled score workbooks (.xlsx, or .zip of them) read back with each product's sheet. */
  'member-workbooks-read': {
    input: MemberWorkbooksToRead
    output: MemberWorkbookRead[]
  }
  /** The empty definition file of a full scoring sheet, with its instructions. */
  'sheet-template': {
    input: Record<string, never>
    output: { fileName: string; bytes: Uint8Array }
  }
  /** A filled definition file read and checked against its criteria set. */
  'sheet-definition-read': {
    input: { bytes: Uint8Array; fileName: string; sets: Pick<CriteriaSet, 'id' | 'parts'>[] }
    output: SheetDefinitionRead
  }
  /** A data package from another office, checked whole (zip, manifest, signature, checksums). */
  'package-read': {
    input: { bytes: Uint8Array; fileName: string }
    output: ReceivedPackage
  }
}
export type JobName = keyof JobTypes
export type JobInput<J extends JobName> = JobTypes[J]['input']
export type JobOutput<J extends JobName> = JobTypes[J]['output']

/**
 * How long main lets a job run before it ends the worker as stuck. Running code cannot be
 * interrupted from inside the worker, so this is the only limit that always holds. Each is several
 * times the slowest legitimate run measured on a 2-core machine, to allow for an old office laptop:
 * - import-check: 100,000 rows take ~5.5 s, the 200,000-row limit ~11 s. Longer than the reader's
 *   own 60 s limit, so a file that is merely slow gets the reader's message naming it.
 * - import-template: a fixed small workbook, ~1 s with the worker's start.
 * - report-xlsx: 10,000 products take ~1.3 s; a province-wide register of 100,000 would be ~13 s.
 * - report-docx: the same list as a Word annex takes about as long as the .xlsx.
 * - backup-check: a 74 MB backup (10,000 products, 50,000 evaluations, 100,000 audit lines) takes
 *   ~1.5 s; the 256 MB a backup may have, ~5 s.
 * - member-workbooks-write: with a 30-criterion sheet, 9 members × 300 products take ~9 s, 60 × 300
 *   ~68 s (a round of 2,000 products would need several saves of fewer members).
 * - member-workbooks-read: the same 9 workbooks ~7 s, 60 ~33 s.
 * - sheet-template, sheet-definition-read: one small workbook, ~1 s with the worker's start.
 * - package-read: a package of 10,000 products with 50,000 evaluations, a few seconds.
 */
export const JOB_DEADLINES_MS: Readonly<Record<JobName, number>> = {
  'import-check': 90_000,
  'import-template': 30_000,
  'report-xlsx': 120_000,
  'report-docx': 120_000,
  'backup-check': 60_000,
  'member-workbooks-write': 300_000,
  'member-workbooks-read': 300_000,
  'sheet-template': 30_000,
  'sheet-definition-read': 30_000,
  'package-read': 120_000,
}

export interface JobProgressReport {
  stage: string
  done: number
  total: number
}

export type ToWorker = { type: 'run'; id: string; job: JobName; input: unknown }
export type FromWorker =
  | ({ type: 'progress'; id: string } & JobProgressReport)
  | { type: 'done'; id: string; output: unknown }
  | { type: 'failed'; id: string; error: AppErrorData }

/** Runs a job off the main event loop; Electron and plain Node each provide one. */
export interface JobRunner {
  run<J extends JobName>(
    job: J,
    input: JobInput<J>,
    onProgress?: (progress: JobProgressReport) => void,
  ): Promise<JobOutput<J>>
  close(): Promise<void>
}
