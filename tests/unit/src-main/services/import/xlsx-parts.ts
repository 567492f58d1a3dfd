/**
 * Hand-written .xlsx files for the reader's tests: one sheet whose XML the test writes, with the
 * shared strings, styles and relationships it needs, zipped with JSZip.
 */
import JSZip from 'jszip'
import { readTable, type TableCell } from '../../../../../src-main/services/import/read-table'

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'

export interface XlsxParts {
  /** The content of `<sheetData>` (rows and cells). */
  sheetData: string
  /** What follows `</sheetData>` in the worksheet (merged cells …). */
  afterData?: string
  /** The `<si>` items of the shared strings; no shared-strings part when absent. */
  strings?: string[]
  /** The whole styles part; none when absent. */
  styles?: string
  /** Replaces the root relationships part. */
  rootRels?: string
  /** Replaces the workbook's relationships part. */
  workbookRels?: string
  /** Attributes of `<workbookPr>`. */
  workbookPr?: string
}

export async function xlsxBytes(parts: XlsxParts): Promise<Uint8Array> {
  const zip = new JSZip()
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/></Types>',
  )
  zip.file(
    '_rels/.rels',
    parts.rootRels ??
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  )
  zip.file(
    'xl/workbook.xml',
    `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr ${parts.workbookPr ?? ''}/><sheets><sheet name="Danh sách" sheetId="1" r:id="rId1"/></sheets></workbook>`,
  )
  zip.file(
    'xl/_rels/workbook.xml.rels',
    parts.workbookRels ??
      `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  )
  zip.file(
    'xl/worksheets/sheet1.xml',
    `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}"><sheetData>${parts.sheetData}</sheetData>${parts.afterData ?? ''}</worksheet>`,
  )
  if (parts.strings !== undefined) {
    zip.file(
      'xl/sharedStrings.xml',
      `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${parts.strings.length}">${parts.strings.map((si) => `<si>${si}</si>`).join('')}</sst>`,
    )
  }
  if (parts.styles !== undefined) zip.file('xl/styles.xml', parts.styles)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** A styles part with these number formats (id 164 on) and fonts, one cell style per pair. */
export function stylesXml(xfs: { numFmt?: string; font?: string }[]): string {
  const formats = xfs.filter((xf) => xf.numFmt !== undefined)
  const numFmts = formats
    .map((xf, i) => `<numFmt numFmtId="${164 + i}" formatCode="${escapeXml(xf.numFmt!)}"/>`)
    .join('')
  const fonts = xfs.map((xf) => `<font><sz val="12"/><name val="${xf.font ?? 'Calibri'}"/></font>`)
  let nextFormat = 164
  const cellXfs = xfs
    .map((xf, i) => {
      const id = xf.numFmt === undefined ? 0 : nextFormat++
      return `<xf numFmtId="${id}" fontId="${i}" fillId="0" borderId="0" xfId="0"/>`
    })
    .join('')
  return `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}"><numFmts count="${formats.length}">${numFmts}</numFmts><fonts count="${fonts.length}">${fonts.join('')}</fonts><cellXfs count="${xfs.length}">${cellXfs}</cellXfs></styleSheet>`
}

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
}

/** The cells of the first sheet by reference ("B2"), as the reader gives them. */
export async function readCells(parts: XlsxParts): Promise<Map<string, TableCell>> {
  const table = await readTable(await xlsxBytes(parts), 'quy-tac.xlsx', { kind: 'xlsx' })
  const cells = new Map<string, TableCell>()
  for (const row of table.sheets[0]!.rows) {
    row.cells.forEach((cell, i) => cells.set(`${String.fromCharCode(65 + i)}${row.row}`, cell))
  }
  return cells
}
