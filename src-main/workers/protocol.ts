/**
 * Jobs the Excel worker runs, and the messages between it and its parent. The same protocol runs
 * over an Electron utilityProcess port and a Node worker_threads port.
 */
import type { CriteriaSet } from '@shared/db/records'
import type { AppErrorData } from '@shared/errors'
import type { ImportCheck, MappingOverride } from '@shared/import/check-result'
import type { UnitCandidate } from '@shared/import/units-match'
import type { ReportModel } from '@shared/reports/model'

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
  /** A report (Nghị định 30 layout) as .xlsx; `chartPng` is the plan report's star chart. */
  'report-xlsx': {
    input: { model: ReportModel; chartPng?: Uint8Array }
    output: { fileName: string; bytes: Uint8Array }
  }
}
export type JobName = keyof JobTypes
export type JobInput<J extends JobName> = JobTypes[J]['input']
export type JobOutput<J extends JobName> = JobTypes[J]['output']

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
