/**
 * The plan report's chart in a Nghị định 30 report: about 16 cm wide and centred, never taller
 * than most of a page, moved to a new page rather than cut by a page break.
 */
import type { Grid } from './report-xlsx-blocks'
import { REPORT_MARGINS } from './report-xlsx-style'
import type { Worksheet } from './workbook'

/** Picture width on the page (16 cm at 96 dpi). */
const IMAGE_WIDTH_PX = Math.round((16 / 2.54) * 96)

/** Width and height of a PNG from its IHDR chunk; null when the bytes are not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | null {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
  if (bytes.byteLength < 24 || signature.some((byte, i) => bytes[i] !== byte)) return null
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const width = view.getUint32(16)
  const height = view.getUint32(20)
  return width > 0 && height > 0 ? { width, height } : null
}

export function placePicture(
  sheet: Worksheet,
  landscape: boolean,
  grid: Grid,
  r: number,
  png: Uint8Array,
  imageId: number,
): number {
  const size = pngSize(png) ?? { width: 4, height: 3 }
  const pixels = grid.widths.map((width) => Math.round(width * 7 + 5))
  const totalPx = pixels.reduce((sum, px) => sum + px, 0)
  // The printed page in sheet points: fit to width shrinks the sheet to the printable width.
  const paper = landscape ? { width: 297, height: 210 } : { width: 210, height: 297 }
  const pt = (mm: number): number => (mm / 25.4) * 72
  const margins = REPORT_MARGINS
  const printableWidth = pt(paper.width) - (margins.left + margins.right) * 72
  const scale = Math.min(1, printableWidth / (totalPx * 0.75))
  const pageHeight = (pt(paper.height) - (margins.top + margins.bottom) * 72) / scale
  // About 16 cm wide, but never taller than most of a page.
  let width = Math.min(IMAGE_WIDTH_PX, totalPx)
  let height = Math.round((width * size.height) / size.width)
  const maxHeight = (pageHeight * 0.8) / 0.75
  if (height > maxHeight) {
    width = Math.round((width * maxHeight) / height)
    height = Math.round(maxHeight)
  }
  // A picture cut by a page break prints in two halves: start a page before its heading when the
  // rows above (their heights are known: every row written has one) leave too little room.
  let used = 0
  for (let i = 1; i < r; i++) used += sheet.getRow(i).height ?? 15
  const headingRow = r - 1
  const onPage = used % pageHeight
  if (onPage + height * 0.75 > pageHeight && used > pageHeight * 0.1 && headingRow > 1) {
    sheet.getRow(headingRow - 1).addPageBreak()
  }
  // Centred: the left edge as a fractional column index (ExcelJS anchors count from 0).
  let offset = Math.max(0, (totalPx - width) / 2)
  let col = 0
  while (col < pixels.length && offset >= (pixels[col] ?? 0)) {
    offset -= pixels[col] ?? 0
    col += 1
  }
  const colAt = col + offset / (pixels[col] ?? 1)
  const rowPx = 20
  const rows = Math.ceil(height / rowPx) + 1
  for (let i = 0; i < rows; i++) sheet.getRow(r + i).height = rowPx * 0.75
  sheet.addImage(imageId, {
    tl: { col: colAt, row: r - 1 + 0.2 },
    ext: { width, height },
    editAs: 'oneCell',
  })
  return r + rows
}
