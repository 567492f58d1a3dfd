/**
 * Step 1 of the import: look at a file's bytes before any reader touches it, and tell which
 * reader should open it.
 *
 * Readers fail silently on bad files: a truncated zip can yield a few rows, a zip without
 * xl/workbook.xml yields zero sheets. So we check the size, the magic bytes, the zip's directory
 * and workbook part (through xlsx-package.ts, as the reader opens them) or the CFB container of a
 * legacy .xls, and say what is wrong (a catalogue code naming the file). Extensions are not
 * trusted: a renamed .xls or CSV is read by what it is. Plain Node, no electron.
 */
import * as CFB from 'cfb'
import { AppError, type CatalogueError } from '@shared/errors'
import type { ErrorMessageCode } from '@shared/messages/catalogue'
import type { FileMessage } from '@shared/import/check-result'
import { isClearlyDelimited, sniffText, type TextEncodingName } from './file-kind-text'
import { officeDocumentPart, openXlsxPackage, type XlsxPackage } from './xlsx-package'
import { emptyTag, nextTag, TAG, tagIs } from './xlsx-xml'

export type FileKind =
  | { kind: 'xlsx' }
  | { kind: 'xls'; renamed: boolean }
  | { kind: 'csv'; encoding: TextEncodingName; renamed: boolean }
  | { kind: 'ods' }

export interface FileKindLimits {
  maxBytes: number
}

export const MIB = 1024 * 1024
export const DEFAULT_FILE_KIND_LIMITS: FileKindLimits = { maxBytes: 50 * MIB }

/** _rels/.rels, mimetype and the workbook part are small; refuse to inflate more than this. */
const MAX_PART_BYTES = 20 * MIB

const ODS_MIMETYPE = 'application/vnd.oasis.opendocument.spreadsheet'
const DEFAULT_WORKBOOK_PART = 'xl/workbook.xml'

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04]
const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

export type FileKindCode = Extract<ErrorMessageCode, `import.file.${string}`>

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop() ?? fileName
  const dot = base.lastIndexOf('.')
  return dot > 0 ? base.slice(dot).toLowerCase() : ''
}

function startsWith(bytes: Uint8Array, magic: readonly number[]): boolean {
  return bytes.length >= magic.length && magic.every((byte, i) => bytes[i] === byte)
}

function describe(error: unknown): string {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error)
}

/** The error for a file no reader should open; it names the file, and so does its location. */
function refused(error: CatalogueError<FileKindCode>, cause: string): AppError {
  return new AppError({ ...error, cause, where: { file: error.params.file } })
}

/**
 * The notice shown when a file's extension hides what it is (a .xls or a CSV saved with an .xlsx
 * name); null when there is nothing to say.
 */
export function renamedMessage(kind: FileKind, fileName: string): FileMessage | null {
  if ((kind.kind !== 'xls' && kind.kind !== 'csv') || !kind.renamed) return null
  const params = { file: fileName, format: kind.kind, extension: extensionOf(fileName) }
  return { level: 'info', code: 'FILE_RENAMED', params }
}

/**
 * Checks a file's bytes and tells which reader should open it; throws AppError (code
 * `import.file.*`, Vietnamese message naming the file) when no reader should.
 */
export async function detectFileKind(
  bytes: Uint8Array,
  fileName: string,
  limits: FileKindLimits = DEFAULT_FILE_KIND_LIMITS,
): Promise<FileKind> {
  try {
    return await check(bytes, fileName, limits)
  } catch (error) {
    if (error instanceof AppError) throw error
    // Our own code should not get here; if it does, the file is still refused cleanly.
    throw refused({ code: 'import.file.corrupt', params: { file: fileName } }, describe(error))
  }
}

async function check(bytes: Uint8Array, fileName: string, limits: FileKindLimits) {
  if (bytes.length === 0) {
    throw refused({ code: 'import.file.empty', params: { file: fileName } }, 'file has 0 bytes')
  }
  if (bytes.length > limits.maxBytes) {
    throw refused(
      {
        code: 'import.file.too-large',
        params: { file: fileName, bytes: bytes.length, maxBytes: limits.maxBytes },
      },
      `file has ${bytes.length} bytes, limit ${limits.maxBytes}`,
    )
  }
  if (startsWith(bytes, ZIP_MAGIC)) return checkZip(bytes, fileName)
  if (startsWith(bytes, CFB_MAGIC)) return checkCfb(bytes, fileName)
  const text = sniffText(bytes)
  const ext = extensionOf(fileName)
  const textExtension = ext === '.csv' || ext === '.txt'
  if (text && (textExtension || text.bom || isClearlyDelimited(text.sample))) {
    return { kind: 'csv', encoding: text.encoding, renamed: !textExtension } as const
  }
  const head = Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ')
  throw refused(
    { code: 'import.file.unknown', params: { file: fileName } },
    text ? `text without delimiters and extension ${ext || '(none)'}` : `unknown magic ${head}`,
  )
}

async function checkZip(bytes: Uint8Array, fileName: string): Promise<FileKind> {
  const corrupt = (cause: string) =>
    refused({ code: 'import.file.corrupt', params: { file: fileName } }, cause)
  let pkg: XlsxPackage
  try {
    pkg = await openXlsxPackage(bytes)
  } catch (error) {
    throw corrupt(`zip directory unreadable: ${describe(error)}`)
  }
  try {
    const mimetype = await pkg.text('mimetype', MAX_PART_BYTES)
    if (mimetype?.trim() === ODS_MIMETYPE) return { kind: 'ods' }

    const looksLikeOoxml =
      pkg.has('_rels/.rels') ||
      pkg.has('[Content_Types].xml') ||
      pkg.partNames.some((p) => p.startsWith('xl/'))
    if (!looksLikeOoxml) {
      throw refused(
        { code: 'import.file.unknown', params: { file: fileName } },
        `zip without OOXML parts: ${pkg.partNames.slice(0, 5).join(', ')}`,
      )
    }
    const part = (await officeDocumentPart(pkg)) ?? DEFAULT_WORKBOOK_PART
    if (!/^xl\//i.test(part)) {
      const contentTypes = await pkg.text('[Content_Types].xml', MAX_PART_BYTES)
      if (!/spreadsheetml|ms-excel/i.test(contentTypes ?? '')) {
        throw refused(
          { code: 'import.file.unknown', params: { file: fileName } },
          `office document ${part} is not a workbook`,
        )
      }
    }
    if (/\.bin$/i.test(part)) {
      throw refused(
        { code: 'import.file.unsupported', params: { file: fileName } },
        `xlsb part ${part}`,
      )
    }
    const workbook = await pkg.text(part, MAX_PART_BYTES)
    if (workbook === null) {
      throw refused(
        { code: 'import.file.no-workbook', params: { file: fileName, part } },
        `zip has no ${part}`,
      )
    }
    if (!isWorkbookXml(workbook)) throw corrupt(`${part} holds no <workbook> element`)
    return { kind: 'xlsx' }
  } catch (error) {
    if (error instanceof AppError) throw error
    throw corrupt(`zip part unreadable: ${describe(error)}`)
  } finally {
    pkg.close()
  }
}

/** True when the first element of the XML is a `workbook` (any namespace prefix). */
function isWorkbookXml(xml: string): boolean {
  const tag = emptyTag()
  return nextTag(xml, 0, tag) === TAG && tag.kind !== 'close' && tagIs(xml, tag, 'workbook')
}

function checkCfb(bytes: Uint8Array, fileName: string): FileKind {
  let container: CFB.CFB$Container
  try {
    container = CFB.read(bytes, { type: 'buffer' })
  } catch (error) {
    throw refused(
      { code: 'import.file.corrupt', params: { file: fileName } },
      `CFB container unreadable: ${describe(error)}`,
    )
  }
  const streams = new Set(
    container.FileIndex.filter((entry) => entry.type === 2).map((entry) => entry.name),
  )
  if (streams.has('EncryptionInfo') && streams.has('EncryptedPackage')) {
    throw refused(
      { code: 'import.file.encrypted', params: { file: fileName } },
      'CFB with EncryptionInfo and EncryptedPackage streams',
    )
  }
  const book = container.FileIndex.find(
    (entry) => entry.type === 2 && (entry.name === 'Workbook' || entry.name === 'Book'),
  )
  if (book) {
    const length = book.content?.length ?? 0
    if (length === 0 || (typeof book.size === 'number' && length < book.size)) {
      throw refused(
        { code: 'import.file.corrupt', params: { file: fileName } },
        `CFB stream ${book.name} holds ${length} of ${book.size} bytes`,
      )
    }
    return { kind: 'xls', renamed: extensionOf(fileName) !== '.xls' }
  }
  throw refused(
    { code: 'import.file.unknown', params: { file: fileName } },
    `CFB without a Workbook stream: ${[...streams].slice(0, 8).join(', ')}`,
  )
}
