/**
 * A document's bordered tables as WordprocessingML written directly, spliced into the document the
 * `docx` library packs (./report-docx). The library builds an object per run, paragraph and cell
 * and serialises them through an XML tree: a 10,000-row table takes it ~10 s and 1 GiB, where
 * this string writer takes ~1 s and a fifth of the memory (measured in docs/official-documents.md).
 *
 * What the tables keep on paper: header rows repeat on every page (w:tblHeader) and stay with the
 * first data row (w:keepNext), no row is split across pages (w:cantSplit), columns are as wide as
 * ../../../src-shared/documents/fit chose, and the text never goes below its size.
 */
import { cellText } from '@shared/documents/lines'
import type { DocColumn, DocRow, DocTable } from '@shared/documents/model'

/** Control characters XML 1.0 cannot carry, removed from cell text. */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
}

/** A line break inside a cell ("HTX Tương Bần" / its address / its contact). */
const LINE_BREAK = '</w:t><w:br/><w:t xml:space="preserve">'

const JC: Record<DocColumn['align'], string> = { left: 'left', center: 'center', right: 'right' }

/** The paragraph style of table text (its size and spacing), defined with the document's styles. */
export const TABLE_STYLE = 'OcopTable'

export interface TableXmlOptions {
  /** Column widths in twips. */
  widths: number[]
  /** Keep the last row with what follows (the closing block after a table that ends the body). */
  keepLastWithNext?: boolean
}

const encoder = new TextEncoder()
/** Rows encoded together: big enough to keep calls few, small enough to keep strings short. */
const ROWS_PER_CHUNK = 200

/**
 * The table as a w:tbl element in UTF-8 chunks: a long table never exists as one string (a
 * 10,000-row annex would be ~50 MB of UTF-16), only as its bytes.
 */
export function tableXml(table: DocTable, options: TableXmlOptions): Uint8Array[] {
  const { widths } = options
  // Size and spacing come from the paragraph style: a 10,000-row table is written in a third of
  // the bytes it would take with them on every run.
  const run = (text: string, bold: boolean): string =>
    text === ''
      ? ''
      : `<w:r>${bold ? '<w:rPr><w:b/><w:bCs/></w:rPr>' : ''}<w:t xml:space="preserve">${escapeXml(text).replace(/\n/g, LINE_BREAK)}</w:t></w:r>`
  // The style aligns left; other alignments are said per paragraph.
  const paragraph = (text: string, jc: string, bold: boolean, keepNext: boolean): string =>
    `<w:p><w:pPr><w:pStyle w:val="${TABLE_STYLE}"/>${keepNext ? '<w:keepNext/>' : ''}${jc === 'left' ? '' : `<w:jc w:val="${jc}"/>`}</w:pPr>${run(text, bold)}</w:p>`
  const cell = (width: number, content: string, extra = ''): string =>
    `<w:tc><w:tcPr><w:tcW w:w="${width}" w:type="dxa"/>${extra}</w:tcPr>${content}</w:tc>`
  const total = widths.reduce((a, b) => a + b, 0)
  const border = (side: string) =>
    `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`
  const parts: string[] = [
    `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:jc w:val="center"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="57" w:type="dxa"/><w:right w:w="57" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000" w:firstRow="0" w:lastRow="0" w:firstColumn="0" w:lastColumn="0" w:noHBand="1" w:noVBand="1"/></w:tblPr><w:tblGrid>${widths.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`,
  ]
  const headRow = (cells: string): string =>
    `<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>${cells}</w:tr>`
  const head = (text: string, width: number, extra = ''): string =>
    cell(width, paragraph(text, 'center', true, true), `${extra}<w:vAlign w:val="center"/>`)

  const columns = table.columns
  if (columns.some((c) => c.group)) {
    // Two header rows: a group's title over its columns; other columns span both rows.
    let top = ''
    let bottom = ''
    for (let i = 0; i < columns.length;) {
      const column = columns[i] as DocColumn
      if (!column.group) {
        top += head(column.title, widths[i] ?? 0, '<w:vMerge w:val="restart"/>')
        bottom += head('', widths[i] ?? 0, '<w:vMerge/>')
        i += 1
        continue
      }
      let end = i
      while (end + 1 < columns.length && columns[end + 1]?.group === column.group) end += 1
      const span = widths.slice(i, end + 1).reduce((a, b) => a + b, 0)
      top += head(column.group, span, end > i ? `<w:gridSpan w:val="${end - i + 1}"/>` : '')
      for (let c = i; c <= end; c++) bottom += head(columns[c]?.title ?? '', widths[c] ?? 0)
      i = end + 1
    }
    parts.push(headRow(top), headRow(bottom))
  } else {
    parts.push(headRow(columns.map((c, i) => head(c.title, widths[i] ?? 0)).join('')))
  }

  const chunks: Uint8Array[] = []
  const flush = (): void => {
    chunks.push(encoder.encode(parts.join('')))
    parts.length = 0
  }
  const last = table.rows.length - 1
  table.rows.forEach((row: DocRow, index) => {
    if (index % ROWS_PER_CHUNK === 0) flush()
    const keep = options.keepLastWithNext === true && index === last
    if (row.kind === 'group') {
      // A group's heading row stays with its first row.
      parts.push(
        `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cell(total, paragraph(row.label, 'left', true, true), `<w:gridSpan w:val="${columns.length}"/>`)}</w:tr>`,
      )
      return
    }
    const bold = row.kind !== 'data'
    let cells = ''
    columns.forEach((column, c) => {
      const value = row.cells[c] ?? null
      const jc = typeof value === 'number' && column.align === 'left' ? 'right' : JC[column.align]
      cells += cell(widths[c] ?? 0, paragraph(cellText(value), jc, bold, keep))
    })
    parts.push(`<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells}</w:tr>`)
  })
  parts.push('</w:tbl>')
  flush()
  return chunks
}
