/** Writing an official document to its files in main's worker: Word, Excel, or its annexes alone. */
import type { DocumentFileFormat } from '@shared/db/records'
import type { OfficialDocument } from '@shared/documents/model'
import { useI18n } from 'vue-i18n'
import { useMessage } from 'naive-ui'
import { useApi } from '@/platform/api'
import { useErrorReporter } from './use-error-reporter'
import { useJobProgress } from './use-job-progress'

/** Each file's button label (i18n key) and the save dialog's filter. */
export const DOCUMENT_FILES: Record<
  DocumentFileFormat,
  { label: string; filter: { name: string; extensions: string[] } }
> = {
  docx: { label: 'reports.exportDocx', filter: { name: 'Word', extensions: ['docx'] } },
  xlsx: { label: 'reports.exportXlsx', filter: { name: 'Excel', extensions: ['xlsx'] } },
  'annex-xlsx': {
    label: 'reports.exportAnnexXlsx',
    filter: { name: 'Excel', extensions: ['xlsx'] },
  },
}

/** The file of `format` for `model`, with the plan report's chart when there is one. */
export function writeDocumentFile(
  format: DocumentFileFormat,
  model: OfficialDocument,
  chartPng: Uint8Array | null,
  jobId: string,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const api = useApi()
  // A plain copy: Vue's proxies cannot be cloned across the boundary.
  const input = {
    jobId,
    model: JSON.parse(JSON.stringify(model)) as OfficialDocument,
    ...(chartPng ? { chartPng } : {}),
  }
  return format === 'docx'
    ? api.writeReportDocx(input)
    : api.writeReportXlsx({ ...input, part: format === 'annex-xlsx' ? 'annexes' : 'whole' })
}

/**
 * Saving a document as one of its files: written in the worker with a progress bar, then the save
 * dialog (a download in the web host), and a message naming the file saved. `run` is the same
 * job runner, for other work on the document (issuing it).
 */
export function useDocumentExport() {
  const { t } = useI18n()
  const api = useApi()
  const message = useMessage()
  const report = useErrorReporter()
  const { percent, run } = useJobProgress()

  async function exportDocument(
    format: DocumentFileFormat,
    model: OfficialDocument,
    chartPng: Uint8Array | null = null,
  ): Promise<void> {
    try {
      await run(async (jobId) => {
        const file = await writeDocumentFile(format, model, chartPng, jobId)
        const saved = await api.saveFile({
          title: t(DOCUMENT_FILES[format].label),
          suggestedName: file.fileName,
          filters: [DOCUMENT_FILES[format].filter],
          bytes: file.bytes,
        })
        if (saved.saved) message.success(t('reports.saved', { name: saved.name ?? file.fileName }))
      })
    } catch (error) {
      report(error)
    }
  }

  return { percent, run, exportDocument }
}
