/** Cell styles shared by the sheets of the import template. */
import type { Borders, Fill, Font } from './workbook'

// Official documents use Times New Roman (Nghị định 30/2020/NĐ-CP); clerks expect it in forms too.
export const FONT_NAME = 'Times New Roman'
export const bodyFont: Partial<Font> = { name: FONT_NAME, size: 12 }
export const headerFont: Partial<Font> = { name: FONT_NAME, size: 12, bold: true }
export const titleFont: Partial<Font> = { name: FONT_NAME, size: 14, bold: true }
export const headerFill: Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE2EFDA' } }

const thin = { style: 'thin' as const, color: { argb: 'FF000000' } }
export const allBorders: Partial<Borders> = { top: thin, left: thin, bottom: thin, right: thin }
