/**
 * The table of jobs the Excel worker can run. Kept apart from the worker's transport so each job
 * can be tested directly, and so a job name from a message is checked before anything runs.
 */
import { checkBackupToWrite } from '@shared/db/backup-format'
import { AppError } from '@shared/errors'
import type { JobInput, JobName, JobOutput, JobProgressReport } from '../../workers/protocol'

type JobFunction<J extends JobName> = (
  input: JobInput<J>,
  onProgress: (progress: JobProgressReport) => void,
) => Promise<JobOutput<J>>

// Each job loads its libraries when it first runs: a Word report need not wait for ExcelJS to
// load, nor an Excel one for docx (about a quarter of a second each on a 2-core machine).
const JOBS: { [J in JobName]: JobFunction<J> } = {
  'import-template': async (_input, onProgress) =>
    (await import('./import-template')).writeImportTemplate(onProgress),
  'import-check': async ({ bytes, fileName, ...options }, onProgress) =>
    (await import('../import/check-file')).checkFile(bytes, fileName, { ...options, onProgress }),
  'report-xlsx': async (input, onProgress) =>
    (await import('./report-xlsx')).reportXlsxJob(input, onProgress),
  'report-docx': async (input, onProgress) =>
    (await import('../word/report-docx')).reportDocxJob(input, onProgress),
  'backup-check': async ({ content, kind }) => {
    await checkBackupToWrite(content, kind)
    return null
  },
  'member-workbooks-write': async (order, onProgress) =>
    (await import('./member-workbook')).writeMemberWorkbooksOrder(order, onProgress),
  'member-workbooks-read': async (input, onProgress) =>
    (await import('./member-workbook-files')).readMemberWorkbooks(input, onProgress),
  'sheet-template': async () => (await import('./sheet-definition-file')).writeSheetTemplateFile(),
  'sheet-definition-read': async ({ bytes, fileName, sets }) =>
    (await import('./sheet-definition-file')).readSheetDefinitionFile(bytes, fileName, sets),
  'package-read': async ({ bytes, fileName }) =>
    (await import('../exchange/read-package')).readPackage(bytes, fileName),
}

/** True when `name` is a job this build knows. */
export function isJobName(name: unknown): name is JobName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(JOBS, name)
}

/** Runs the named job; an unknown name is refused with an AppError. */
export async function runJob(
  job: unknown,
  input: unknown,
  onProgress: (progress: JobProgressReport) => void,
): Promise<unknown> {
  if (!isJobName(job)) {
    throw new AppError({
      code: 'job.unknown',
      params: {},
      cause: `unknown job ${JSON.stringify(job)}`,
    })
  }
  // Inputs come from our own main process, already typed; each job checks what it relies on.
  return (JOBS[job] as JobFunction<JobName>)(input as JobInput<JobName>, onProgress)
}
