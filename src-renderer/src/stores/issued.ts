import { defineStore } from 'pinia'
import { shallowRef } from 'vue'
import type { IsoDate } from '@shared/dates'
import type { DocumentFileFormat, IssuedDocument, KeptFile } from '@shared/db/records'
import { issuedRecord } from '@shared/documents/issued'
import type { OfficialDocument } from '@shared/documents/model'
import { useDatabase } from '@/db/instance'
import {
  listIssued,
  recordIssued,
  replaceKeptFiles,
  restoreIssued,
  strikeIssued,
} from '@/db/issued-repo'
import { writeDocumentFile } from '@/composables/document-files'
import { useApi } from '@/platform/api'

export interface IssueRequest {
  /** The document with its number and signing date (documentToIssue). */
  document: OfficialDocument
  formats: DocumentFileFormat[]
  chartPng: Uint8Array | null
  dataDate: IsoDate | null
  source: string | null
}

// The chart is kept in the record as base64 text: records are JSON, in the database and backups.
function toBase64(bytes: Uint8Array): string {
  let binary = ''
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  }
  return btoa(binary)
}
const fromBase64 = (text: string): Uint8Array => Uint8Array.from(atob(text), (c) => c.charCodeAt(0))

/** The documents the office issued, with the copies of their files kept in the data folder. */
export const useIssuedStore = defineStore('issued', () => {
  const docs = shallowRef<IssuedDocument[]>([])
  const api = useApi()

  async function load() {
    docs.value = await listIssued(useDatabase())
  }

  /** Writes and keeps each file of the document under `documentId` (replacing: recreating). */
  async function keepFiles(
    documentId: string,
    document: OfficialDocument,
    formats: DocumentFileFormat[],
    chartPng: Uint8Array | null,
    jobId: string,
    replace = false,
  ): Promise<KeptFile[]> {
    const files: KeptFile[] = []
    for (const format of formats) {
      const file = await writeDocumentFile(format, document, chartPng, jobId)
      const kept = await api.keepIssuedFile({
        documentId,
        name: file.fileName,
        bytes: file.bytes,
        replace,
      })
      files.push({ ...kept, format })
    }
    return files
  }

  /**
   * Issues a document: writes its files, keeps the copies, then records it. A number taken
   * meanwhile refuses the record; the copies already kept stay unlisted in their own folder.
   */
  async function issue(request: IssueRequest, jobId: string): Promise<IssuedDocument> {
    const id = crypto.randomUUID()
    const files = await keepFiles(id, request.document, request.formats, request.chartPng, jobId)
    const record = issuedRecord({
      id,
      document: request.document,
      dataDate: request.dataDate,
      source: request.source,
      files,
      chartPng: request.chartPng ? toBase64(request.chartPng) : null,
      issuedAt: new Date().toISOString(),
    })
    await recordIssued(useDatabase(), record)
    await load()
    return record
  }

  /** Writes the document's files again from the document kept in the register. */
  async function recreate(doc: IssuedDocument, jobId: string): Promise<IssuedDocument> {
    const chart = doc.chartPng === null ? null : fromBase64(doc.chartPng)
    const formats = doc.files.map((file) => file.format)
    const files = await keepFiles(doc.id, doc.document, formats, chart, jobId, true)
    const updated = await replaceKeptFiles(useDatabase(), doc.id, files)
    await load()
    return updated
  }

  const refOf = (doc: IssuedDocument, file: KeptFile) => ({
    documentId: doc.id,
    name: file.name,
    sha256: file.sha256,
  })

  /** Opens a kept copy in Word or Excel (the web host downloads it). */
  async function open(doc: IssuedDocument, file: KeptFile): Promise<void> {
    await api.openIssuedFile(refOf(doc, file))
  }

  /** The bytes of a kept copy, checked to be the file issued. */
  function read(doc: IssuedDocument, file: KeptFile) {
    return api.readIssuedFile(refOf(doc, file))
  }

  async function strike(id: string): Promise<IssuedDocument> {
    const doc = await strikeIssued(useDatabase(), id)
    await load()
    return doc
  }

  async function restore(doc: IssuedDocument): Promise<void> {
    await restoreIssued(useDatabase(), doc)
    await load()
  }

  return { docs, load, issue, recreate, open, read, strike, restore }
})
