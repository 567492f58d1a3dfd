/**
 * An .xlsx (or any zip package) opened once: its part names, a part's bytes inflated under a byte
 * cap, and the relationships that say which part plays which role. The file check and the .xlsx
 * reader both go through here, so a zip is understood the same way by both.
 *
 * yauzl reads the zip's directory (zip64 and odd zips included); node:zlib inflates a part in one
 * call, or in pieces for a sheet too large to hold whole. Sizes written in the zip are not
 * trusted: a part whose directory entry says 1 KB but inflates to gigabytes is stopped by the cap
 * (`maxOutputLength`, or a running count while streaming), never inflated whole.
 */
import { StringDecoder } from 'node:string_decoder'
import { createInflateRaw, inflateRawSync } from 'node:zlib'
import { fromBuffer, type Entry, type ZipFile } from 'yauzl'
import { elements } from './xlsx-xml'

/** A spreadsheet has a few parts per sheet; a directory of more entries than this is not one. */
export const MAX_ENTRIES = 50_000

/** A part inflated (or about to be) beyond the cap its caller set. */
export class PartTooLargeError extends Error {
  override name = 'PartTooLargeError'
  constructor(
    readonly part: string,
    readonly limit: number,
  ) {
    super(`part ${part} inflates to more than ${limit} bytes`)
  }
}

export interface XlsxPackage {
  /** The part names as the zip writes them. */
  readonly partNames: readonly string[]
  has(part: string): boolean
  /** A part's inflated bytes; null when the zip has no such part. */
  bytes(part: string, maxBytes: number): Promise<Buffer | null>
  /** A part decoded as UTF-8 text; null when the zip has no such part. */
  text(part: string, maxBytes: number): Promise<string | null>
  /**
   * A part's text in pieces (never splitting a character), for parts too large to hold whole;
   * null when the zip has no such part.
   */
  textPieces(part: string, maxBytes: number): AsyncIterable<string> | null
  close(): void
}

/** Opens the zip's directory; rejects when it is not a readable zip. */
export async function openXlsxPackage(bytes: Uint8Array): Promise<XlsxPackage> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const { zip, entries } = await readDirectory(buffer)
  // Part names are case-insensitive in a package (ECMA-376 part 2, §9.1.1.1).
  const byName = new Map<string, Entry>()
  for (const entry of entries) byName.set(entry.fileName.toLowerCase(), entry)
  const find = (part: string) => byName.get(part.replace(/^\/+/, '').toLowerCase())

  const bytesOf = async (part: string, maxBytes: number): Promise<Buffer | null> => {
    const entry = find(part)
    if (entry === undefined) return null
    if (entry.uncompressedSize > maxBytes) throw new PartTooLargeError(part, maxBytes)
    const stored = await storedBytes(zip, entry, buffer)
    if (entry.compressionMethod === 0) {
      if (stored.length > maxBytes) throw new PartTooLargeError(part, maxBytes)
      return Buffer.from(stored)
    }
    checkMethod(part, entry)
    try {
      return inflateRawSync(stored, { maxOutputLength: maxBytes })
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw new PartTooLargeError(part, maxBytes)
      }
      throw error
    }
  }

  return {
    partNames: entries.map((e) => e.fileName),
    has: (part) => find(part) !== undefined,
    bytes: bytesOf,
    text: async (part, maxBytes) => (await bytesOf(part, maxBytes))?.toString('utf8') ?? null,
    textPieces: (part, maxBytes) => {
      const entry = find(part)
      return entry === undefined ? null : pieces(part, entry, zip, buffer, maxBytes)
    },
    close: () => zip.close(),
  }
}

function checkMethod(part: string, entry: Entry): void {
  if (entry.compressionMethod !== 8) {
    throw new Error(`part ${part}: unsupported compression method ${entry.compressionMethod}`)
  }
}

/** Inflated output is taken from zlib, and handed on as text, in pieces of this size. */
const PIECE_BYTES = 32 * 1024

async function* pieces(
  part: string,
  entry: Entry,
  zip: ZipFile,
  buffer: Buffer,
  maxBytes: number,
): AsyncGenerator<string> {
  if (entry.uncompressedSize > maxBytes) throw new PartTooLargeError(part, maxBytes)
  const stored = await storedBytes(zip, entry, buffer)
  const decoder = new StringDecoder('utf8')
  if (entry.compressionMethod === 0) {
    if (stored.length > maxBytes) throw new PartTooLargeError(part, maxBytes)
    for (let at = 0; at < stored.length; at += PIECE_BYTES) {
      yield decoder.write(stored.subarray(at, at + PIECE_BYTES))
    }
    yield decoder.end()
    return
  }
  checkMethod(part, entry)
  const inflate = createInflateRaw({ chunkSize: PIECE_BYTES })
  inflate.end(stored)
  let total = 0
  try {
    for await (const chunk of inflate as AsyncIterable<Buffer>) {
      total += chunk.length
      if (total > maxBytes) throw new PartTooLargeError(part, maxBytes)
      yield decoder.write(chunk)
    }
  } finally {
    inflate.destroy()
  }
  yield decoder.end()
}

function readDirectory(buffer: Buffer): Promise<{ zip: ZipFile; entries: Entry[] }> {
  return new Promise((resolve, reject) => {
    // Parts are opened after the directory is read: the zip must stay open until then.
    fromBuffer(buffer, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error) return reject(error)
      if (zip.entryCount > MAX_ENTRIES) {
        zip.close()
        return reject(new Error(`zip directory lists ${zip.entryCount} entries`))
      }
      const entries: Entry[] = []
      zip.on('error', reject)
      zip.on('entry', (entry: Entry) => {
        entries.push(entry)
        zip.readEntry()
      })
      zip.on('end', () => resolve({ zip, entries }))
      zip.readEntry()
    })
  })
}

/**
 * A part's stored (still compressed) bytes: a view of `buffer` where the part's local header
 * says its data starts (no stream, no copy).
 */
function storedBytes(zip: ZipFile, entry: Entry, buffer: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: true }, (error, header) => {
      if (error) return reject(error)
      const start = header.fileDataStart
      resolve(buffer.subarray(start, start + entry.compressedSize))
    })
  })
}

export interface Relationship {
  type: string
  /** The target part's name, resolved against the source part, without a leading slash. */
  target: string
}

/** A relationship target (relative to `source`, or absolute) as a part name. */
export function resolvePart(source: string, target: string): string {
  let decoded = target
  try {
    decoded = decodeURIComponent(target)
  } catch {
    // A stray '%' is a literal in the name.
  }
  if (decoded.startsWith('/')) return decoded.replace(/^\/+/, '')
  const parts = source.split('/').slice(0, -1)
  for (const segment of decoded.split('/')) {
    if (segment === '..') parts.pop()
    else if (segment !== '.' && segment !== '') parts.push(segment)
  }
  return parts.join('/')
}

/** The relationships part of a part: `xl/workbook.xml` → `xl/_rels/workbook.xml.rels`. */
export function relationshipsPart(part: string): string {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

/** The internal relationships of `source` by id, from its relationships part's XML. */
export function readRelationships(xml: string, source: string): Map<string, Relationship> {
  const out = new Map<string, Relationship>()
  for (const a of elements(xml, 'Relationship')) {
    const id = a.get('Id')
    const target = a.get('Target')
    if (id === undefined || target === undefined || a.get('TargetMode') === 'External') continue
    out.set(id, { type: a.get('Type') ?? '', target: resolvePart(source, target) })
  }
  return out
}

/** The target of the first relationship whose type ends with `/kind` (officeDocument, styles …). */
export function targetOfType(rels: Map<string, Relationship>, kind: string): string | undefined {
  for (const rel of rels.values()) if (rel.type.endsWith(`/${kind}`)) return rel.target
  return undefined
}

/** Relationship parts are small; refuse to inflate one beyond this. */
export const MAX_RELS_BYTES = 4 * 1024 * 1024

/** The part that the package's root relationships name as its main document, if any. */
export async function officeDocumentPart(pkg: XlsxPackage): Promise<string | undefined> {
  const rels = await pkg.text('_rels/.rels', MAX_RELS_BYTES)
  return rels === null ? undefined : targetOfType(readRelationships(rels, ''), 'officeDocument')
}
