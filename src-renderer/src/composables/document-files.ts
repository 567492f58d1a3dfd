/** Writing an official document to its files in main's worker: Word, Excel, or its annexes alone. */
import type { DocumentFileFormat } from '@shared/db/records'
import type { OfficialDocument } from '@shared/documents/model'
import { useApi } from '@/platform/api'

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
