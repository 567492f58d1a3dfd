/**
 * .xlsx / .xlsm by reading the zip's XML parts directly (xlsx-package.ts opens the zip, the same
 * way the file check does): the workbook, its relationships, styles and shared strings, then
 * each sheet through read-xlsx-sheet.ts.
 *
 * ExcelJS's whole-file reader builds a model object per cell and keeps the whole workbook: 100,000
 * rows took 11 s and 700 MiB. Reading the parts ourselves costs little more than inflating them.
 * The shared strings and the sheets are inflated and scanned in pieces, so neither is ever held
 * whole, and a part that inflates past its cap is refused whatever the zip says its size is.
 */
import { AppError } from '@shared/errors'
import { type Budget, describe, fail } from './read-budget'
import { readXlsxSheet } from './read-xlsx-sheet'
import { SSF } from './table-cells'
import type { TableSheet } from './table-types'
import type { CellStyle, XlsxContext } from './xlsx-cell'
import {
  MAX_RELS_BYTES,
  officeDocumentPart,
  openXlsxPackage,
  PartTooLargeError,
  readRelationships,
  relationshipsPart,
  resolvePart,
  targetOfType,
  type XlsxPackage,
} from './xlsx-package'
import {
  attributes,
  elements,
  emptyTag,
  nextTag,
  NO_TAG,
  PARTIAL,
  runText,
  scanPieces,
  section,
  tagIs,
  visitTags,
  XmlError,
} from './xlsx-xml'

/** Sheets and shared strings are read in pieces; past this much XML a part is refused. */
const MAX_STREAMED_PART_BYTES = 512 * 1024 * 1024
/** The workbook and styles parts are read whole. */
const MAX_WHOLE_PART_BYTES = 64 * 1024 * 1024

/** Built-in number formats (ECMA-376 part 1, §18.8.30), as ExcelJS names them. */
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

function isDateFormat(numFmt: string): boolean {
  try {
    return SSF.is_date(numFmt)
  } catch {
    return false
  }
}

/** Styles by `s` index (index 0 is the default every cell without `s` has). */
function cellStyles(xml: string): CellStyle[] {
  const formats = new Map<number, string>()
  const numFmts = section(xml, 'numFmts')
  if (numFmts !== null) {
    for (const a of elements(xml, 'numFmt', numFmts.from, numFmts.to)) {
      formats.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '')
    }
  }
  const fonts: (string | undefined)[] = []
  const fontList = section(xml, 'fonts')
  if (fontList !== null) {
    let font: string | undefined
    visitTags(
      xml,
      (tag) => {
        if (tagIs(xml, tag, 'font')) {
          if (tag.kind === 'open') font = undefined
          else fonts.push(tag.kind === 'close' ? font : undefined)
        } else if (tagIs(xml, tag, 'name') && tag.kind !== 'close') {
          font = attributes(xml, tag).get('val')
        }
      },
      fontList.from,
      fontList.to,
    )
  }
  const styles: CellStyle[] = []
  const xfs = section(xml, 'cellXfs')
  if (xfs === null) return styles
  for (const a of elements(xml, 'xf', xfs.from, xfs.to)) {
    const style: CellStyle = {}
    const numFmtId = Number(a.get('numFmtId') ?? 0)
    const numFmt = numFmtId ? (formats.get(numFmtId) ?? BUILTIN_NUMFMT[numFmtId]) : undefined
    if (numFmt) {
      style.numFmt = numFmt
      if (isDateFormat(numFmt)) style.isDate = true
    }
    const fontId = a.get('fontId')
    const font = fonts[Number(fontId ?? 0)]
    if (font) style.font = font
    styles.push(style)
  }
  return styles
}

/** The shared strings, scanned `<si>` by `<si>` as the part is inflated. */
async function sharedStrings(pieces: AsyncIterable<string>, budget: Budget): Promise<string[]> {
  const out: string[] = []
  const tag = emptyTag()
  const scan = (text: string, last: boolean): number => {
    for (let at = 0; ;) {
      const found = nextTag(text, at, tag)
      if (found === NO_TAG) return text.length
      if (found === PARTIAL) return tag.start
      at = tag.end
      if (tag.kind === 'close' || !tagIs(text, tag, 'si')) continue
      if (tag.kind === 'empty') {
        out.push('')
      } else {
        const item = runText(text, tag.end, 'si')
        if (item === null) {
          if (last) throw new XmlError('unclosed <si> in the shared strings')
          return tag.start
        }
        out.push(item.text)
        at = item.end
      }
      // A workbook cannot use more strings than it may hold cells.
      budget.checkWithinCells(out.length, undefined, 'shared strings')
      if ((out.length & 4095) === 0) budget.tick()
    }
  }
  await scanPieces(pieces, scan)
  return out
}

interface WorkbookSheet {
  name: string
  part: string
  state: TableSheet['state']
}

/** The workbook's worksheets in order, and its date system. */
async function readWorkbook(pkg: XlsxPackage, bookPart: string, book: string) {
  const relsXml = await pkg.text(relationshipsPart(bookPart), MAX_RELS_BYTES)
  const rels = readRelationships(relsXml ?? '', bookPart)
  const sheets: WorkbookSheet[] = []
  const list = section(book, 'sheets')
  if (list !== null) {
    for (const a of elements(book, 'sheet', list.from, list.to)) {
      const id = [...a.entries()].find(([key]) => /(?:^|:)id$/.test(key))?.[1]
      const rel = id === undefined ? undefined : rels.get(id)
      if (rel === undefined || !rel.type.endsWith('/worksheet')) continue
      const state = /hidden/i.test(a.get('state') ?? '') ? 'hidden' : 'visible'
      sheets.push({ name: a.get('name') ?? '', part: rel.target, state })
    }
  }
  const workbookPr = elements(book, 'workbookPr')[0]
  return {
    sheets,
    date1904: /^(?:1|true)$/i.test(workbookPr?.get('date1904') ?? ''),
    stringsPart: targetOfType(rels, 'sharedStrings') ?? resolvePart(bookPart, 'sharedStrings.xml'),
    stylesPart: targetOfType(rels, 'styles') ?? resolvePart(bookPart, 'styles.xml'),
  }
}

export async function readXlsx(bytes: Uint8Array, fileName: string, budget: Budget) {
  const pkg = await openXlsxPackage(bytes)
  try {
    return await readPackage(pkg, fileName, budget)
  } catch (error) {
    if (error instanceof PartTooLargeError) {
      throw fail(
        {
          code: 'import.read.too-many-cells',
          params: { file: fileName, maxCells: budget.maxCells },
        },
        error.message,
      )
    }
    throw error
  } finally {
    pkg.close()
  }
}

async function readPackage(pkg: XlsxPackage, fileName: string, budget: Budget) {
  const bookPart = (await officeDocumentPart(pkg)) ?? 'xl/workbook.xml'
  const book = (await pkg.text(bookPart, MAX_WHOLE_PART_BYTES)) ?? ''
  const workbook = await readWorkbook(pkg, bookPart, book)
  const stringPieces = pkg.textPieces(workbook.stringsPart, MAX_STREAMED_PART_BYTES)
  const stylesXml = await pkg.text(workbook.stylesPart, MAX_WHOLE_PART_BYTES)
  const ctx: XlsxContext = {
    strings: stringPieces === null ? [] : await sharedStrings(stringPieces, budget),
    styles: stylesXml === null ? [] : cellStyles(stylesXml),
    date1904: workbook.date1904,
  }
  const sheets: TableSheet[] = []
  for (const { name, part, state } of workbook.sheets) {
    try {
      const pieces = pkg.textPieces(part, MAX_STREAMED_PART_BYTES)
      if (pieces === null) continue
      sheets.push(await readXlsxSheet(pieces, name, state, ctx, budget))
    } catch (error) {
      if (error instanceof AppError || error instanceof PartTooLargeError) throw error
      throw fail(
        { code: 'import.read.failed', params: { file: fileName, sheet: name } },
        describe(error),
      )
    }
  }
  return sheets
}
