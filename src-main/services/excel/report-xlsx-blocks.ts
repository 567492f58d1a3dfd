/**
 * The parts of a Nghị định 30 report around its sections: the sheet's column grid and its two
 * halves, the two-column header block (office on the left, national name and motto on the right)
 * with the title under it, and the closing block ("Nơi nhận" beside the signature).
 */
import { SAMPLE_MARK } from '@shared/reports/header'
import type { ReportModel } from '@shared/reports/model'
import { clampWidth, font, lineCount, put, rowHeight, textRow, widthOf } from './report-xlsx-style'
import type { Font, Worksheet } from './workbook'

export const NATIONAL_NAME = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM'
export const NATIONAL_MOTTO = 'Độc lập - Tự do - Hạnh phúc'
export const RECIPIENTS_LABEL = 'Nơi nhận:'
/**
 * The rules under the office name, the motto and the title: em dashes, which join into one line in
 * Times New Roman (and in Liberation Serif, its stand-in), on a low row of their own. A border
 * cannot be used: it would span whole columns, and the rule must be shorter than the text above.
 * Underscores were tried: they sit below the baseline and a low row cuts them off.
 */
export const SHORT_RULE = '—'.repeat(5)
export const MOTTO_RULE = '—'.repeat(13)
const RULE_HEIGHT = 8
/** How the sample mark is written: bold, in dark red. */
const SAMPLE_STYLE = { bold: true, color: { argb: 'FFC00000' } }
/** Blank rows left for the signature and the seal. */
export const SIGNATURE_SPACE = 4

/** Column widths of the sheet and where its left half (header block, "Nơi nhận") ends. */
export interface Grid {
  widths: number[]
  /** Last column (1-based) of the left half. */
  split: number
}

export function gridOf(model: ReportModel): Grid {
  const widths: number[] = []
  for (const section of model.sections) {
    section.table?.columns.forEach((column, index) => {
      widths[index] = Math.max(widths[index] ?? 0, clampWidth(column.width))
    })
  }
  // A report without a table still needs two halves for the header block and the signature.
  while (widths.length < 2) widths.push(model.landscape ? 40 : 30)
  const total = widths.reduce((sum, width) => sum + width, 0)
  // The left column of an official header is a little narrower than the right one.
  let split = 1
  let left = widths[0] ?? 0
  while (split < widths.length - 1 && left + (widths[split] ?? 0) / 2 < total * 0.45) {
    left += widths[split] ?? 0
    split += 1
  }
  return { widths, split }
}

export function headerBlock(sheet: Worksheet, model: ReportModel, grid: Grid): number {
  const { header } = model
  const last = grid.widths.length
  const left = [1, grid.split] as const
  const right = [grid.split + 1, last] as const
  const center = { horizontal: 'center', vertical: 'middle', wrapText: true } as const
  const leftWidth = widthOf(sheet, ...left)
  const rightWidth = widthOf(sheet, ...right)
  const line = (r: number, size: number, leftLines: string, rightLines: string): void => {
    const lines = Math.max(
      lineCount(leftLines, leftWidth, size),
      lineCount(rightLines, rightWidth, size),
    )
    sheet.getRow(r).height = rowHeight(lines, size)
  }

  const parent = header.parentBody.toLocaleUpperCase('vi')
  const office = header.officeName.toLocaleUpperCase('vi')
  put(sheet, 1, ...left, parent, font(12), center)
  put(sheet, 1, ...right, NATIONAL_NAME, font(12, { bold: true }), center)
  line(1, 12, parent, NATIONAL_NAME)
  put(sheet, 2, ...left, office, font(12, { bold: true }), center)
  put(sheet, 2, ...right, NATIONAL_MOTTO, font(13, { bold: true }), center)
  line(2, 13, office, NATIONAL_MOTTO)
  const rule = { horizontal: 'center', vertical: 'middle' } as const
  put(sheet, 3, ...left, SHORT_RULE, font(12, { bold: true }), rule)
  put(sheet, 3, ...right, MOTTO_RULE, font(13, { bold: true }), rule)
  sheet.getRow(3).height = RULE_HEIGHT
  put(sheet, 4, ...left, header.docNumber, font(13), center)
  put(sheet, 4, ...right, header.placeDate, font(13, { italic: true }), center)
  line(4, 13, header.docNumber, header.placeDate)
  // The row between the header block and the title, otherwise blank, says a sample is no report.
  if (model.sample) put(sheet, 5, 1, last, SAMPLE_MARK, font(13, SAMPLE_STYLE), center)

  let r = 6
  r = textRow(
    sheet,
    r,
    1,
    last,
    model.titleType.toLocaleUpperCase('vi'),
    font(14, { bold: true }),
    'center',
  )
  if (model.subject)
    r = textRow(sheet, r, 1, last, model.subject, font(14, { bold: true }), 'center')
  if (model.subtitle) {
    r = textRow(sheet, r, 1, last, model.subtitle, font(13, { italic: true }), 'center')
  }
  put(sheet, r, 1, last, SHORT_RULE, font(13, { bold: true }), rule)
  sheet.getRow(r).height = RULE_HEIGHT
  return r + 2
}

/** "Nơi nhận" on the left and the signature block on the right, on the same rows. */
export function closingBlock(sheet: Worksheet, r: number, model: ReportModel, grid: Grid): void {
  const left = [1, grid.split] as const
  const right = [grid.split + 1, grid.widths.length] as const
  const { signature } = model
  const signLines: { text: string; font: Partial<Font> }[] = []
  if (signature.authority) {
    signLines.push({
      text: signature.authority.toLocaleUpperCase('vi'),
      font: font(13, { bold: true }),
    })
  }
  if (signature.title) {
    signLines.push({
      text: signature.title.toLocaleUpperCase('vi'),
      font: font(13, { bold: true }),
    })
  }
  for (let i = 0; i < SIGNATURE_SPACE; i++) signLines.push({ text: '', font: font(13) })
  signLines.push({ text: signature.name, font: font(13, { bold: true }) })

  const leftLines: { text: string; font: Partial<Font> }[] = [
    { text: RECIPIENTS_LABEL, font: font(12, { bold: true, italic: true }) },
    ...model.recipients.map((text) => ({ text, font: font(11) })),
  ]
  const rows = Math.max(signLines.length, leftLines.length)
  for (let i = 0; i < rows; i++) {
    const row = r + i
    const recipient = leftLines[i]
    const sign = signLines[i]
    if (recipient) {
      put(sheet, row, ...left, recipient.text, recipient.font, {
        horizontal: 'left',
        vertical: 'top',
      })
    }
    if (sign?.text) {
      put(sheet, row, ...right, sign.text, sign.font, { horizontal: 'center', vertical: 'top' })
    }
    sheet.getRow(row).height = 18
  }
  sheet.getRow(r + rows - 1).commit()
}
