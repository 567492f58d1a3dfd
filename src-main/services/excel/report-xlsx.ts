/**
 * An OfficialDocument as an .xlsx in the layout of Nghị định 30/2020 (docs/official-documents.md):
 * the body on the sheet "Báo cáo" (two-column header block, title, sections with bordered tables
 * whose header rows repeat on every printed page, notes, "Nơi nhận" beside the signature block),
 * and each annex on a sheet of its own ("Phụ lục") with its own heading, orientation and page
 * numbers from 1. Times New Roman, A4, the decree's margins, printed at 100 %: column widths come
 * from the content and the paper (../documents/fit), so nothing is shrunk to fit.
 *
 * `part: 'annexes'` writes only the annex sheets — the tables that go with a Word report.
 *
 * Every text is written as a string cell and nothing is ever a formula: a producer named
 * "=HYPERLINK(…)" prints as those characters. Documents without a picture are streamed row by row
 * (10,000 products stay well under the memory budget); the plan report with its chart is small and
 * uses the whole-workbook writer, the only one of ExcelJS's that can place a picture.
 */
import { SAMPLE_MARK, SIZES, annexLabel } from '@shared/documents/lines'
import type { DocSection, OfficialDocument } from '@shared/documents/model'
import type { JobProgressReport } from '../../workers/protocol'
import {
  annexHeading,
  closingBlock,
  gridOf,
  headerBlock,
  spanAt,
  type Grid,
} from './report-xlsx-blocks'
import { PageFlow } from './report-xlsx-pages'
import { placePicture, pngSize } from './report-xlsx-picture'
import { REPORT_FONT, REPORT_MARGINS, font, textRow, widthOf } from './report-xlsx-style'
import { columnStyles, repeatedTable, tableHeader, tableRow } from './report-xlsx-table'
import { createStreamWorkbook } from './stream-workbook'
import { createWorkbook, workbookToBytes, type Workbook, type Worksheet } from './workbook'

export { MOTTO_RULE, SHORT_RULE, SIGNATURE_SPACE } from './report-xlsx-blocks'
export { pngSize } from './report-xlsx-picture'
export { REPORT_FONT, REPORT_MARGINS, columnLetter } from './report-xlsx-style'

export type XlsxPart = 'whole' | 'annexes'

export interface WriteReportOptions {
  /** The plan-progress star chart, for a section with `image: 'plan-star-chart'`. */
  chartPng?: Uint8Array
  /** The whole document (default), or only its annexes. */
  part?: XlsxPart
  onProgress?: (progress: JobProgressReport) => void
}

export const REPORT_SHEET = 'Báo cáo'
const PROGRESS_EVERY = 500
/** A body table longer than this repeats its header rows on each printed page. */
const BODY_REPEAT_ROWS = 25
type SheetPart = 'body' | 'annex'

function sheetOptions(doc: OfficialDocument, landscape: boolean) {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: landscape ? ('landscape' as const) : ('portrait' as const),
      scale: 100,
      fitToPage: false,
      margins: REPORT_MARGINS,
      horizontalCentered: true,
      // Each sheet numbers its pages from 1: an annex has its own numbering.
      firstPageNumber: 1,
    },
    headerFooter: {
      differentFirst: true,
      // Page numbers centred at the top, none on the first page (Nghị định 30); a sample's every
      // page says so at its top left.
      oddHeader: `${sampleHeader(doc)}&C&"${REPORT_FONT},Regular"&${SIZES.pageNumber}&P`,
      firstHeader: sampleHeader(doc),
    },
    views: [{ showGridLines: false }],
  }
}

/** Writes the document's workbook and resolves to its .xlsx bytes. */
export async function writeReportXlsx(
  doc: OfficialDocument,
  options: WriteReportOptions = {},
): Promise<Uint8Array> {
  const report = options.onProgress ?? (() => undefined)
  const png = options.chartPng && pngSize(options.chartPng) ? options.chartPng : undefined
  const body = options.part !== 'annexes' || doc.annexes.length === 0
  const wantsPicture = body && png !== undefined && doc.sections.some((s) => s.image)
  const totalRows = [doc.sections, ...doc.annexes.map((a) => a.sections)]
    .flat()
    .reduce((n, s) => n + (s.table?.rows.length ?? 0), 0)
  const progress = { done: 0, total: totalRows, report }

  const write = (
    workbook: Workbook,
    picture?: (sheet: Worksheet, grid: Grid, r: number) => number,
  ) => {
    if (body) {
      const sheet = workbook.addWorksheet(REPORT_SHEET, sheetOptions(doc, doc.landscape))
      const grid = gridOf(doc.sections, doc.landscape)
      sheet.columns = grid.widths.map((width) => ({ width }))
      report({ stage: 'Đang dựng phần đầu văn bản', done: 0, total: totalRows })
      let r = headerBlock(sheet, doc, grid)
      const flow = new PageFlow(sheet, doc.landscape)
      const written = sections(sheet, grid, doc.sections, r, progress, 'body', flow, picture)
      r = written.next
      report({ stage: 'Đang ghi phần cuối văn bản', done: progress.done, total: totalRows })
      // The closing block keeps the text's last paragraph with it, never standing alone on a page.
      const blockStart = written.lastParagraph ?? r
      for (const note of doc.notes) {
        r = textRow(
          sheet,
          r,
          1,
          grid.widths.length,
          note,
          font(SIZES.note, { italic: true }),
          'justify',
        )
      }
      const end = closingBlock(sheet, r + 1, doc, grid)
      flow.keepTogether(blockStart, end)
      commitSheet(sheet)
    }
    doc.annexes.forEach((annex, index) => {
      const sheet = workbook.addWorksheet(
        // Named as the annex is labelled: "Phụ lục", or "Phụ lục I", "Phụ lục II" …
        annexLabel(doc, index),
        sheetOptions(doc, annex.landscape),
      )
      const grid = gridOf(annex.sections, annex.landscape)
      sheet.columns = grid.widths.map((width) => ({ width }))
      const r = annexHeading(sheet, doc, index, grid)
      sections(
        sheet,
        grid,
        annex.sections,
        r,
        progress,
        'annex',
        new PageFlow(sheet, annex.landscape),
      )
      commitSheet(sheet)
    })
  }

  if (wantsPicture) {
    const workbook = createWorkbook()
    const imageId = workbook.addImage({ buffer: png as never, extension: 'png' })
    write(workbook, (sheet, grid, r) => placePicture(sheet, doc.landscape, grid, r, png, imageId))
    report({ stage: 'Đang nén tệp Excel', done: 1, total: 1 })
    return workbookToBytes(workbook)
  }
  const { workbook, finish } = createStreamWorkbook()
  write(workbook)
  report({ stage: 'Đang nén tệp Excel', done: 1, total: 1 })
  return finish()
}

/** The page header's left part of a sample: the mark in bold dark red; none for a real report. */
function sampleHeader(doc: OfficialDocument): string {
  return doc.sample ? `&L&"${REPORT_FONT},Bold"&12&KC00000${SAMPLE_MARK}` : ''
}

interface Progress {
  done: number
  total: number
  report: (progress: JobProgressReport) => void
}

/**
 * Writes sections top to bottom from row `r` (the streaming writer cannot go back); returns the
 * next row, and where the last paragraph began when the sections end with one.
 */
function sections(
  sheet: Worksheet,
  grid: Grid,
  list: readonly DocSection[],
  start: number,
  progress: Progress,
  part: SheetPart,
  flow: PageFlow,
  picture?: (sheet: Worksheet, grid: Grid, r: number) => number,
): { next: number; lastParagraph: number | null } {
  const last = grid.widths.length
  const repeated = repeatedTable(list)
  // The body's rows stay in memory (it is short) so its closing block can still be moved to a
  // new page; an annex's are written out as they go, once counted onto their pages.
  const commit = (row: number) => {
    flow.countTo(row + 1)
    if (part === 'annex') sheet.getRow(row).commit()
  }
  let tableIndex = -1
  let r = start
  let lastParagraph: number | null = null
  for (const section of list) {
    const sectionStart = r
    if (section.heading) {
      r = textRow(sheet, r, 1, last, section.heading, font(SIZES.body, { bold: true }), 'left')
    }
    const paragraphs = section.paragraphs ?? []
    for (const paragraph of paragraphs) {
      lastParagraph = r
      r = textRow(sheet, r, 1, last, paragraph, font(SIZES.body), 'justify')
    }
    // The paragraph that leads into a table, and the title over a lone one, go with the table.
    const leadIn = paragraphs.length > 1 ? (lastParagraph ?? r) : sectionStart
    if (section.table) {
      lastParagraph = null
      const table = section.table
      tableIndex += 1
      // Row heights follow the sheet's widths (fitted to the paper), not the model's.
      const spans = grid.spans.get(table) ?? []
      const styles = table.columns.map((column, index) => {
        const { from, to } = spanAt(spans, index)
        return columnStyles(column, widthOf(sheet, from, to))
      })
      const headerStart = r
      r = tableHeader(sheet, r, table, spans)
      // An annex repeats its header on every page; the body only for a table longer than a page
      // holds, or the header would stand over the closing block on the last page.
      const long = part === 'annex' || table.rows.length > BODY_REPEAT_ROWS
      if (tableIndex === repeated && long) {
        sheet.pageSetup.printTitlesRow = `${headerStart}:${r - 1}`
        flow.repeat(headerStart, r - 1)
      }
      // The section's title and the table's header, or a group row ("II. Sản phẩm 4 sao"), print
      // on the page of the row under them: they wait, uncommitted, until that row is written.
      let keepFrom: number | null = leadIn
      for (const row of table.rows) {
        if (row.kind === 'group') keepFrom ??= r
        r = tableRow(sheet, r, table, styles, row, spans)
        if (row.kind !== 'group' && keepFrom !== null) {
          flow.keepTogether(keepFrom, r)
          keepFrom = null
        }
        progress.done += 1
        if (progress.done % PROGRESS_EVERY === 0) {
          // Committed rows are serialised and dropped by the streaming writer.
          if (keepFrom === null) commit(r - 1)
          progress.report({ stage: 'Đang ghi bảng', done: progress.done, total: progress.total })
        }
      }
      if (keepFrom !== null) flow.keepTogether(keepFrom, r)
      commit(r - 1)
      r += 1
    }
    if (section.image && picture) {
      lastParagraph = null
      r = picture(sheet, grid, r)
    }
  }
  return { next: r, lastParagraph }
}

/** The worker job: the document's .xlsx under its suggested file name. */
export async function reportXlsxJob(
  input: { model: OfficialDocument; chartPng?: Uint8Array; part?: XlsxPart },
  onProgress: (progress: JobProgressReport) => void,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { model, chartPng, part } = input
  const bytes = await writeReportXlsx(model, {
    ...(chartPng ? { chartPng } : {}),
    ...(part ? { part } : {}),
    onProgress,
  })
  const suffix = part === 'annexes' && model.annexes.length > 0 ? '-phu-luc' : ''
  return { fileName: `${safeFileName(model.fileName)}${suffix}.xlsx`, bytes }
}

/** The model's suggested name, reduced to what every file system accepts. */
export function safeFileName(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 120)
  return safe || 'bao-cao'
}

/** Ends a streamed sheet before the next begins; the whole-workbook writer has nothing to end. */
function commitSheet(sheet: Worksheet): void {
  ;(sheet as { commit?: () => void }).commit?.()
}
