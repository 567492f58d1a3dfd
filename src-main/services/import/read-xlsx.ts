/**
 * .xlsx / .xlsm by reading the zip's XML parts directly: yauzl finds the parts, node:zlib inflates
 * them, and the workbook, its relationships, styles and shared strings are scanned for the sheets
 * that read-xlsx-sheet.ts then reads.
 *
 * ExcelJS's whole-file reader builds a model object per cell and keeps the whole workbook: 100,000
 * rows took 11 s and 700 MiB. Reading the parts ourselves costs little more than inflating them,
 * and gives the same values ExcelJS gave (its rules are kept in read-xlsx-sheet.ts: shared and
 * inline strings with `_xHHHH_` escapes, formulas by their cached result, dates by a date number
 * format, a cell's style only from a non-zero `s`).
 */
import { inflateRawSync } from 'node:zlib'
import { fromBuffer, type Entry, type ZipFile } from 'yauzl'
import { AppError } from '@shared/errors'
import { type Budget, describe, fail, messages } from './read-budget'
import { readXlsxSheet, type CellStyle, type XlsxContext } from './read-xlsx-sheet'
import type { TableSheet } from './table-types'
import { attribute, attributes, elements, runText, section, xmlText } from './xlsx-xml'

/** An inflated part larger than this cannot become a JS string; refuse it before inflating. */
const MAX_PART_CHARS = 400 * 1024 * 1024

/** Built-in number formats, as ExcelJS names them (lib/xlsx/defaultnumformats.js). */
const BUILTIN_NUMFMT: Record<number, string> = {
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  11: '0.00E+00',
  12: '# ?/?',
  13: '# ??/??',
  14: 'mm-dd-yy',
  15: 'd-mmm-yy',
  16: 'd-mmm',
  17: 'mmm-yy',
  18: 'h:mm AM/PM',
  19: 'h:mm:ss AM/PM',
  20: 'h:mm',
  21: 'h:mm:ss',
  22: 'm/d/yy "h":mm',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00 ;(#,##0.00)',
  40: '#,##0.00 ;[Red](#,##0.00)',
  45: 'mm:ss',
  46: '[h]:mm:ss',
  47: 'mmss.0',
  48: '##0.0E+0',
  49: '@',
}

function resolvePart(base: string, target: string): string {
  if (target.startsWith('/')) return target.replace(/^\/+/, '')
  const parts = base.split('/').slice(0, -1)
  for (const segment of target.split('/')) {
    if (segment === '..') parts.pop()
    else if (segment !== '.' && segment !== '') parts.push(segment)
  }
  return parts.join('/')
}

function relsPath(part: string): string {
  const slash = part.lastIndexOf('/')
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`
}

interface Rel {
  type: string
  target: string
}

function relationships(xml: string, base: string): Map<string, Rel> {
  const out = new Map<string, Rel>()
  for (const tag of elements(xml, 'Relationship')) {
    const a = attributes(tag)
    const id = a.get('Id')
    const target = a.get('Target')
    if (id === undefined || target === undefined || a.get('TargetMode') === 'External') continue
    out.set(id, {
      type: a.get('Type') ?? '',
      target: resolvePart(base, decodeURIComponent(target)),
    })
  }
  return out
}

/** Styles by `s` index; index 0 (and a missing `s`) gives no style, as in ExcelJS. */
function cellStyles(xml: string): CellStyle[] {
  const formats = new Map<number, string>()
  for (const tag of elements(section(xml, 'numFmts'), 'numFmt')) {
    const a = attributes(tag)
    formats.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '')
  }
  const fonts: (string | undefined)[] = []
  const fontItem = /<(?:[\w.-]+:)?font\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?font>)/g
  for (const m of section(xml, 'fonts').matchAll(fontItem)) {
    const name = /<(?:[\w.-]+:)?name\s+val\s*=\s*(?:"([^"]*)"|'([^']*)')/.exec(m[1] ?? '')
    fonts.push(name ? xmlText(name[1] ?? name[2] ?? '') : undefined)
  }
  const styles: CellStyle[] = []
  for (const tag of elements(section(xml, 'cellXfs'), 'xf')) {
    const a = attributes(tag)
    const style: CellStyle = {}
    const numFmtId = Number(a.get('numFmtId') ?? 0)
    if (numFmtId) {
      const numFmt = formats.get(numFmtId) ?? BUILTIN_NUMFMT[numFmtId]
      if (numFmt) style.numFmt = numFmt
    }
    const fontId = a.get('fontId')
    const font = fontId === undefined ? undefined : fonts[Number(fontId)]
    if (font) style.font = font
    styles.push(style)
  }
  return styles
}

function sharedStrings(xml: string, budget: Budget): string[] {
  const out: string[] = []
  const item = /<(?:[\w.-]+:)?si\b[^>]*?(?:\/>|>([\s\S]*?)<\/(?:[\w.-]+:)?si>)/g
  for (const m of xml.matchAll(item)) {
    out.push(m[1] ? runText(m[1]) : '')
    if ((out.length & 4095) === 0) budget.tick()
  }
  return out
}

/** The zip's directory by part name, through yauzl (zip64 and odd zips included). */
function openZip(bytes: Uint8Array): Promise<{ zip: ZipFile; entries: Map<string, Entry> }> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return new Promise((resolve, reject) => {
    // Parts are opened after the directory is read: the zip must stay open until then.
    fromBuffer(buffer, { lazyEntries: true, autoClose: false }, (error, zip) => {
      if (error) return reject(error)
      const entries = new Map<string, Entry>()
      zip.on('error', reject)
      zip.on('entry', (entry: Entry) => {
        entries.set(entry.fileName, entry)
        zip.readEntry()
      })
      zip.on('end', () => resolve({ zip, entries }))
      zip.readEntry()
    })
  })
}

/**
 * A part's stored (still compressed) bytes: a view of `bytes` where yauzl's reading of the
 * part's local header says its data starts (no stream, no copy).
 */
function storedBytes(zip: ZipFile, entry: Entry, bytes: Uint8Array): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    zip.readLocalFileHeader(entry, { minimal: true }, (error, header) => {
      if (error) return reject(error)
      const start = header.fileDataStart
      resolve(bytes.subarray(start, start + entry.compressedSize))
    })
  })
}

export async function readXlsx(bytes: Uint8Array, fileName: string, budget: Budget) {
  const { zip, entries } = await openZip(bytes)
  const tooLarge = (path: string, size: number) =>
    fail(
      'import.read.too-many-cells',
      fileName,
      messages.tooManyCells(fileName, undefined, budget.maxCells),
      `part ${path} inflates to ${size} bytes`,
    )
  /**
   * One part's bytes, null when the zip has no such part. yauzl reads the directory and finds
   * the part; node:zlib inflates it in one call (several times faster than a pure-JS inflate or
   * yauzl's chunked stream). A part that would inflate beyond MAX_PART_CHARS is refused.
   */
  const partBytes = async (path: string): Promise<Buffer | null> => {
    budget.tick()
    const entry = entries.get(path)
    if (entry === undefined) return null
    if (entry.uncompressedSize > MAX_PART_CHARS) throw tooLarge(path, entry.uncompressedSize)
    const stored = await storedBytes(zip, entry, bytes)
    if (entry.compressionMethod === 0) return Buffer.from(stored)
    if (entry.compressionMethod !== 8) {
      throw new Error(`part ${path}: unsupported compression method ${entry.compressionMethod}`)
    }
    try {
      return inflateRawSync(stored, { maxOutputLength: MAX_PART_CHARS })
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw tooLarge(path, MAX_PART_CHARS)
      }
      throw error
    }
  }
  const part = async (path: string): Promise<string | null> =>
    (await partBytes(path))?.toString('utf8') ?? null
  const rootRels = relationships((await part('_rels/.rels')) ?? '', '')
  const bookPart =
    [...rootRels.values()].find((r) => /\/officeDocument$/.test(r.type))?.target ??
    'xl/workbook.xml'
  const book = (await part(bookPart)) ?? ''
  const bookRels = relationships((await part(relsPath(bookPart))) ?? '', bookPart)
  const partOf = (type: RegExp, fallback: string) =>
    [...bookRels.values()].find((r) => type.test(r.type))?.target ?? resolvePart(bookPart, fallback)
  const stringsXml = await part(partOf(/\/sharedStrings$/, 'sharedStrings.xml'))
  const stylesXml = await part(partOf(/\/styles$/, 'styles.xml'))
  const workbookPr = [...elements(book, 'workbookPr')][0] ?? ''
  const ctx: XlsxContext = {
    strings: stringsXml === null ? [] : sharedStrings(stringsXml, budget),
    styles: stylesXml === null ? [] : cellStyles(stylesXml),
    date1904: /^(?:1|true)$/i.test(attribute(workbookPr, 'date1904') ?? ''),
  }
  const sheets: TableSheet[] = []
  for (const tag of elements(section(book, 'sheets'), 'sheet')) {
    const a = attributes(tag)
    const name = a.get('name') ?? ''
    const id = [...a.entries()].find(([key]) => /(?:^|:)id$/.test(key))?.[1]
    const rel = id === undefined ? undefined : bookRels.get(id)
    if (rel === undefined || !/\/worksheet$/.test(rel.type)) continue
    const state = /hidden/i.test(a.get('state') ?? '') ? 'hidden' : 'visible'
    try {
      const xml = await partBytes(rel.target)
      if (xml === null) continue
      sheets.push(readXlsxSheet(xml, name, state, ctx, budget))
    } catch (error) {
      if (error instanceof AppError) throw error
      throw fail(
        'import.read.failed',
        fileName,
        messages.failed(fileName, name),
        describe(error),
        name,
      )
    }
  }
  return sheets
}
