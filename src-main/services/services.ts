/**
 * The main-side service table: one handler per non-dialog channel of the contract. Electron's IPC
 * and the web host both serve exactly this table through `dispatch`.
 */
import { userInfo } from 'node:os'
import { join } from 'node:path'
import type { EventName, EventPayloads } from '@shared/ipc/contract'
import type { Handlers, ServiceChannel } from '../ipc/dispatch'
import type { JobProgressReport, JobRunner } from '../workers/protocol'
import { createBackupStore } from './backup-store'
import { isAllowedExternalUrl } from './external-links'
import { createIssuedStore, ISSUED_FOLDER } from './issued-store'

export interface ServiceContext {
  version: string
  host: 'electron' | 'web'
  /** The data folder; backups live in `backupDir` inside it, issued documents' files beside. */
  dataDir: string
  backupDir: string
  jobs: JobRunner
  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void
  /** Opens an allow-listed https URL in the system browser (the host decides how). */
  openExternal(url: string): Promise<boolean>
}

/** Builds the handlers every host serves; payloads arrive already checked by `dispatch`. */
export function createServiceHandlers(ctx: ServiceContext): Handlers<ServiceChannel> {
  const backups = createBackupStore(ctx.backupDir, {
    checkContent: (content, kind) => ctx.jobs.run('backup-check', { content, kind }),
  })
  const issued = createIssuedStore(join(ctx.dataDir, ISSUED_FOLDER))
  /** A job's progress, passed on to the page under the job id it gave. */
  const progressOf = (jobId: string) => (progress: JobProgressReport) =>
    ctx.emit('job.progress', { jobId, ...progress })

  return {
    'app.info': async () => ({
      version: ctx.version,
      host: ctx.host,
      dataDir: ctx.dataDir,
      backupDir: ctx.backupDir,
      issuedDir: issued.folder,
      user: accountName(),
    }),

    'app.openExternal': async ({ url }) => {
      // The renderer is not trusted with the system browser: a compromised page could otherwise
      // open file: or custom-protocol URLs. A refusal is logged for whoever reads the logs.
      if (!isAllowedExternalUrl(url)) {
        console.warn(`[services] refused to open a URL outside the allow-list: ${url}`)
        return { opened: false }
      }
      return { opened: await ctx.openExternal(url) }
    },

    // The kind is the channel's: a renderer cannot make a manual backup rotate away, nor flood
    // the daily ones by calling another channel.
    'backup.writeDaily': ({ content, utcOffset }) => backups.write('auto', content, utcOffset),
    'backup.writeBeforeRestore': ({ content, utcOffset }) =>
      backups.write('pre-restore', content, utcOffset),
    'backup.writeBeforeUpgrade': ({ content, utcOffset }) =>
      backups.write('pre-upgrade', content, utcOffset),
    'backup.writeManual': ({ content, utcOffset }) => backups.write('manual', content, utcOffset),
    'backup.hasDailyToday': () => backups.hasDailyToday(),
    'backup.list': () => backups.list(),
    'backup.read': ({ name }) => backups.read(name),

    'excel.writeTemplate': ({ jobId }) =>
      ctx.jobs.run('import-template', {}, (progress) =>
        ctx.emit('job.progress', { jobId, ...progress }),
      ),

    'import.check': ({ jobId, ...input }) =>
      ctx.jobs.run('import-check', input, (progress) =>
        ctx.emit('job.progress', { jobId, ...progress }),
      ),

    'report.writeXlsx': ({ jobId, model, chartPng, part }) =>
      ctx.jobs.run(
        'report-xlsx',
        { model, ...(chartPng ? { chartPng } : {}), ...(part ? { part } : {}) },
        (progress) => ctx.emit('job.progress', { jobId, ...progress }),
      ),

    'report.writeDocx': ({ jobId, model, chartPng }) =>
      ctx.jobs.run('report-docx', { model, ...(chartPng ? { chartPng } : {}) }, (progress) =>
        ctx.emit('job.progress', { jobId, ...progress }),
      ),

    'issued.keep': ({ bytes, replace, ...ref }) => issued.keep(ref, bytes, replace),
    'issued.read': ({ sha256, ...ref }) => issued.read(ref, sha256),

    'round.writeMemberWorkbooks': ({ jobId, ...order }) =>
      ctx.jobs.run('member-workbooks-write', { ...order, format: 'zip' }, progressOf(jobId)),
    'round.writeMemberWorkbook': ({ jobId, ...order }) =>
      ctx.jobs.run('member-workbooks-write', { ...order, format: 'xlsx' }, progressOf(jobId)),
    'round.readMemberWorkbooks': ({ jobId, ...input }) =>
      ctx.jobs.run('member-workbooks-read', input, progressOf(jobId)),
    'round.writeSheetTemplate': ({ jobId }) =>
      ctx.jobs.run('sheet-template', {}, progressOf(jobId)),
    'package.read': ({ jobId, ...input }) => ctx.jobs.run('package-read', input, progressOf(jobId)),
    'round.readSheetDefinition': ({ jobId, fileName, bytes, criteriaSets }) =>
      ctx.jobs.run(
        'sheet-definition-read',
        { fileName, bytes, sets: criteriaSets.map(({ id, parts }) => ({ id, parts })) },
        progressOf(jobId),
      ),
  }
}

/** The account the process runs under; some systems have none to give. */
function accountName(): string {
  try {
    return userInfo().username
  } catch {
    return ''
  }
}
