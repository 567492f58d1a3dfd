/**
 * A ReportModel as an official .xlsx in the layout of Nghị định 30/2020 (docs/domain.md): the
 * two-column header block, title, sections with bordered tables whose header rows repeat on every
 * printed page, notes, "Nơi nhận" beside the signature block; Times New Roman, A4, the decree's
 * margins, fit to page width, page numbers centred at the top from page 2.
 *
 * Every text is written as a string cell and nothing is ever a formula: a producer named
 * "=HYPERLINK(…)" prints as those characters. Reports without a picture are streamed row by row
 * (10,000 products stay well under the memory budget); the plan report with its chart is small and
 * uses the whole-workbook writer, the only one of ExcelJS's that can place a picture.
 *
 * This module sets up the page and writes the parts in order; the parts live beside it:
 * ./report-xlsx-blocks (header block, title, closing), ./report-xlsx-table, ./report-xlsx-picture
 * and ./report-xlsx-style (type, borders, cells, row heights).
 */
import { SAMPLE_MARK } from '@shared/reports/header'
import type { ReportModel } from '@shared/reports/model'
import type { JobProgressReport } from '../../workers/protocol'
import { closingBlock, gridOf, headerBlock, type Grid } from './report-xlsx-blocks'
import { missingPicture, placePicture, pngSize } from './report-xlsx-picture'
import { BODY_SIZE, REPORT_FONT, REPORT_MARGINS, font, textRow } from './report-xlsx-style'
import { columnStyles, repeatedTable, tableHeader, tableRow } from './report-xlsx-table'
import { createStreamWorkbook } from './stream-workbook'
import { createWorkbook, workbookToBytes, type Worksheet } from './workbook'

export {
  MOTTO_RULE,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  RECIPIENTS_LABEL,
  SHORT_RULE,
  SIGNATURE_SPACE,
} from './report-xlsx-blocks'
export { pngSize } from './report-xlsx-picture'
export { REPORT_FONT, REPORT_MARGINS, columnLetter } from './report-xlsx-style'

export interface WriteReportOptions {
  /** The plan-progress star chart, for a section with `image: 'plan-star-chart'`. */
  chartPng?: Uint8Array
  onProgress?: (progress: JobProgressReport) => void
}

export const REPORT_SHEET = 'Báo cáo'
const PROGRESS_EVERY = 500

/** Writes the model's workbook and resolves to its .xlsx bytes. */
export async function writeReportXlsx(
  model: ReportModel,
  options: WriteReportOptions = {},
): Promise<Uint8Array> {
  const report = options.onProgress ?? (() => undefined)
  const png = options.chartPng && pngSize(options.chartPng) ? options.chartPng : undefined
  const wantsPicture = png !== undefined && model.sections.some((s) => s.image !== undefined)
  const grid = gridOf(model)

  const sheetOptions = {
    pageSetup: {
      paperSize: 9,
      orientation: model.landscape ? ('landscape' as const) : ('portrait' as const),
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      margins: REPORT_MARGINS,
      horizontalCentered: true,
    },
    headerFooter: {
      differentFirst: true,
      // Page numbers centred at the top, none on the first page (Nghị định 30); a sample's every
      // page says so at its top left.
      oddHeader: `${sampleHeader(model)}&C&"${REPORT_FONT},Regular"&13&P`,
      firstHeader: sampleHeader(model),
    },
    views: [{ showGridLines: false }],
  }

  if (wantsPicture) {
    const workbook = createWorkbook()
    const sheet = workbook.addWorksheet(REPORT_SHEET, sheetOptions)
    const imageId = workbook.addImage({ buffer: png as never, extension: 'png' })
    layout(sheet, model, grid, report, (row) => placePicture(sheet, model, grid, row, png, imageId))
    report({ stage: 'Đang nén tệp Excel', done: 1, total: 1 })
    return workbookToBytes(workbook)
  }
  const { workbook, finish } = createStreamWorkbook()
  const sheet = workbook.addWorksheet(REPORT_SHEET, sheetOptions)
  layout(sheet, model, grid, report, (row) => missingPicture(sheet, grid, row))
  report({ stage: 'Đang nén tệp Excel', done: 1, total: 1 })
  return finish()
}

/** The page header's left part of a sample: the mark in bold dark red; none for a real report. */
function sampleHeader(model: ReportModel): string {
  return model.sample ? `&L&"${REPORT_FONT},Bold"&12&KC00000${SAMPLE_MARK}` : ''
}

type PlacePicture = (row: number) => number

/** Writes every row top to bottom (the streaming writer cannot go back). */
function layout(
  sheet: Worksheet,
  model: ReportModel,
  grid: Grid,
  report: (progress: JobProgressReport) => void,
  picture: PlacePicture,
): void {
  const last = grid.widths.length
  sheet.columns = grid.widths.map((width) => ({ width }))
  const totalRows = model.sections.reduce((n, s) => n + (s.table?.rows.length ?? 0), 0)
  let rowsDone = 0
  report({ stage: 'Đang dựng phần đầu văn bản', done: 0, total: totalRows })

  let r = headerBlock(sheet, model, grid)

  const repeated = repeatedTable(model)
  let tableIndex = -1

  for (const section of model.sections) {
    if (section.heading) {
      r = textRow(sheet, r, 1, last, section.heading, font(BODY_SIZE, { bold: true }), 'left')
    }
    for (const paragraph of section.paragraphs ?? []) {
      r = textRow(sheet, r, 1, last, paragraph, font(BODY_SIZE), 'justify')
    }
    if (section.table) {
      const table = section.table
      tableIndex += 1
      const styles = table.columns.map(columnStyles)
      const headerStart = r
      r = tableHeader(sheet, r, table)
      if (tableIndex === repeated) sheet.pageSetup.printTitlesRow = `${headerStart}:${r - 1}`
      sheet.getRow(r - 1).commit()
      for (const row of table.rows) {
        r = tableRow(sheet, r, table, styles, row)
        rowsDone += 1
        if (rowsDone % PROGRESS_EVERY === 0) {
          // Committed rows are serialised and dropped by the streaming writer.
          sheet.getRow(r - 1).commit()
          report({ stage: 'Đang ghi bảng', done: rowsDone, total: totalRows })
        }
      }
      r += 1
    }
    if (section.image) r = picture(r)
  }
  report({ stage: 'Đang ghi phần cuối văn bản', done: rowsDone, total: totalRows })

  for (const note of model.notes) {
    r = textRow(sheet, r, 1, last, note, font(12, { italic: true }), 'justify')
  }
  r += 1
  closingBlock(sheet, r, model, grid)
}

/** The worker job: the model's .xlsx under its suggested file name. */
export async function reportXlsxJob(
  input: { model: ReportModel; chartPng?: Uint8Array },
  onProgress: (progress: JobProgressReport) => void,
): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { model, chartPng } = input
  const bytes = await writeReportXlsx(model, { ...(chartPng ? { chartPng } : {}), onProgress })
  return { fileName: `${safeFileName(model.fileName)}.xlsx`, bytes }
}

/** The model's suggested name, reduced to what every file system accepts. */
function safeFileName(name: string): string {
  const safe = name
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[.-]+|[.-]+$/g, '')
    .slice(0, 120)
  return safe || 'bao-cao'
}
