import { describe, expect, it } from 'vitest'
import {
  CELL_PADDING_MM,
  fitTable,
  lineWidthMm,
  needsLandscape,
  textWidthMm,
} from '@shared/documents/fit'
import { SIZES } from '@shared/documents/lines'
import type { DocColumn, DocTable } from '@shared/documents/model'
import { PRODUCT_COLUMNS } from '@shared/reports/products'

const sum = (widths: number[]) => widths.reduce((a, b) => a + b, 0)

/** The products report's star summary: four short columns. */
const SUMMARY: DocTable = {
  columns: [
    { key: 'stt', title: 'STT', width: 6, align: 'center' },
    { key: 'stars', title: 'Hạng sao', width: 30, align: 'left' },
    { key: 'count', title: 'Số sản phẩm', width: 14, align: 'right' },
    { key: 'share', title: 'Tỷ lệ (%)', width: 12, align: 'right' },
  ],
  rows: [
    { kind: 'data', cells: [1, 'Sản phẩm 5 sao', 1, 14.29] },
    { kind: 'total', cells: [null, 'Tổng cộng', 7, 100] },
  ],
}

/** The products list: fourteen columns, a decision number that must not break. */
const PRODUCTS: DocTable = {
  columns: PRODUCT_COLUMNS,
  rows: [
    { kind: 'group', label: 'I. Sản phẩm 5 sao' },
    {
      kind: 'data',
      cells: [
        1,
        'Tương Bần (dữ liệu mẫu)',
        'Thực phẩm',
        'HTX Tương Bần (mẫu)\nBần Yên Nhân, Mỹ Hào, Hưng Yên\nĐại diện: Nguyễn Văn B; ĐT: 0221 3943 000',
        'Hợp tác xã',
        'Bần Yên Nhân',
        91.5,
        '32 / 23 / 36,5',
        5,
        '3056/QĐ-UBND',
        '15/12/2020',
        'GCN-2020-01',
        '14/12/2023',
        'Nâng hạng',
      ],
    },
    { kind: 'subtotal', cells: [null, 'Cộng: 1 sản phẩm', ...Array<null>(12).fill(null)] },
  ],
}

describe('fitting a table to the paper', () => {
  it('keeps a narrow table portrait and stretches it over the whole line', () => {
    const fit = fitTable(SUMMARY)
    expect(fit.landscape).toBe(false)
    expect(fit.overflows).toBe(false)
    expect(fit.widthsMm).toHaveLength(4)
    expect(sum(fit.widthsMm)).toBeCloseTo(lineWidthMm(false), 6)
    expect(lineWidthMm(false)).toBe(165) // A4 210 mm less 30 + 15 mm margins
    expect(needsLandscape([{ table: SUMMARY }, {}])).toBe(false)
  })

  it('turns a 14-column list landscape, the widths filling its line', () => {
    const fit = fitTable(PRODUCTS)
    expect(fit.landscape).toBe(true)
    expect(fit.overflows).toBe(false)
    expect(fit.widthsMm).toHaveLength(14)
    expect(sum(fit.widthsMm)).toBeCloseTo(lineWidthMm(true), 6)
    expect(lineWidthMm(true)).toBe(252)
    expect(needsLandscape([{ table: SUMMARY }, { table: PRODUCTS }])).toBe(true)
  })

  it('never breaks a decision number: its column holds "3056/QĐ-UBND" whole', () => {
    const fit = fitTable(PRODUCTS)
    const column = PRODUCT_COLUMNS.findIndex((c) => c.key === 'decisionNo')
    expect(PRODUCT_COLUMNS[column]?.noBreak).toBe(true)
    expect(fit.widthsMm[column]).toBeGreaterThanOrEqual(
      textWidthMm('3056/QĐ-UBND', SIZES.table) + CELL_PADDING_MM,
    )
  })

  it('keeps a no-break value whole in a crowded table, where an ordinary column wraps it', () => {
    const long = 'Trung tâm Xúc tiến thương mại và Phát triển sản phẩm nông nghiệp tỉnh Hưng Yên'
    const value = '3056/QĐ-UBND ngày 15/12/2020'
    const crowded = (noBreak: boolean): DocTable => ({
      columns: PRODUCT_COLUMNS.map((c) => (c.key === 'decisionNo' ? { ...c, noBreak } : c)),
      rows: [
        {
          kind: 'data',
          cells: [
            1,
            long,
            long,
            long,
            'Hộ sản xuất kinh doanh',
            long,
            91.5,
            '32 / 23 / 36,5',
            5,
            value,
            '',
            '',
            '',
            long,
          ],
        },
      ],
    })
    const column = PRODUCT_COLUMNS.findIndex((c) => c.key === 'decisionNo')
    const whole = textWidthMm(value, SIZES.table) + CELL_PADDING_MM
    const kept = fitTable(crowded(true))
    expect(kept.overflows).toBe(false)
    expect(kept.widthsMm[column]).toBeGreaterThanOrEqual(whole - 1e-9)
    expect(sum(kept.widthsMm)).toBeCloseTo(lineWidthMm(true), 6)
    expect(fitTable(crowded(false)).widthsMm[column]).toBeLessThan(whole)
  })

  it('gives every column at least its longest word', () => {
    const fit = fitTable(PRODUCTS)
    PRODUCTS.columns.forEach((column: DocColumn, i) => {
      const longest = Math.max(
        ...column.title.split(/\s+/).map((word) => textWidthMm(word, SIZES.table, true)),
      )
      expect(fit.widthsMm[i]).toBeGreaterThanOrEqual(longest + CELL_PADDING_MM)
    })
  })

  it('fills the line of the page it is given: the list on a portrait page, a small table on a landscape one', () => {
    const fit = fitTable(PRODUCTS, { landscape: false })
    expect(fit.landscape).toBe(false)
    expect(sum(fit.widthsMm)).toBeCloseTo(lineWidthMm(false), 6)
    const wide = fitTable(SUMMARY, { landscape: true })
    expect(wide.landscape).toBe(true)
    expect(sum(wide.widthsMm)).toBeCloseTo(lineWidthMm(true), 6)
  })

  it('measures a cell of several lines by its longest line', () => {
    const one = fitTable({
      columns: SUMMARY.columns,
      rows: [{ kind: 'data', cells: [1, 'HTX Tương Bần', 1, 1] }],
    })
    const three = fitTable({
      columns: SUMMARY.columns,
      rows: [{ kind: 'data', cells: [1, 'HTX Tương Bần\nBần Yên Nhân\nĐT: 0221', 1, 1] }],
    })
    expect(three.widthsMm).toEqual(one.widthsMm)
  })

  it('measures longer and bolder text as wider', () => {
    expect(textWidthMm('3056/QĐ-UBND', 12)).toBeGreaterThan(textWidthMm('305/QĐ', 12))
    expect(textWidthMm('Tổng cộng', 12, true)).toBeGreaterThan(textWidthMm('Tổng cộng', 12))
    expect(textWidthMm('Tổng cộng', 14)).toBeGreaterThan(textWidthMm('Tổng cộng', 12))
  })
})
