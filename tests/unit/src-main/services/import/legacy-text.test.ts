/**
 * Old lists typed in TCVN3 (.VnTime) or VNI (VNI-Times) fonts, saved as .xls: SheetJS gives no
 * fonts for .xls cells, so the check finds the encoding from the text itself.
 */
import * as XLSX from '@e965/xlsx'
import { describe, expect, it } from 'vitest'
import { checkFile } from '../../../../../src-main/services/import/check-file'

function xls(rows: string[][]): Uint8Array {
  const book = XLSX.utils.book_new()
  XLSX.utils.book_append_sheet(book, XLSX.utils.aoa_to_sheet(rows), 'Danh sach')
  return new Uint8Array(XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer)
}

describe('legacy text in an .xls', () => {
  it('TCVN3, header typed with caps lock in .VnTimeH, rows in .VnTime', async () => {
    const bytes = xls([
      ['STT', 'T\u00a3N S\u00b6N PH\u00c8M', 'CH\u00f1 TH\u00d3 S\u00b6N XU\u00caT', 'N\u00a1M'],
      [
        '1',
        'T\u00ad\u00acng B\u00c7n Vi\u00d6t H\u00adng',
        'HTX T\u00ad\u00acng Minh Khang',
        '2021',
      ],
      [
        '2',
        'Tr\u00b5 x\u00b9 \u00aeen \u00a7\u00b9i L\u00e9c',
        'H\u00e9 kinh doanh Mai Minh H\u00b6i',
        '2022',
      ],
    ])
    const check = await checkFile(bytes, 'cu.xls', { units: [] })
    expect(check.header?.columns.map((c) => c.label)).toEqual([
      'STT',
      'TÊN SẢN PHẨM',
      'CHỦ THỂ SẢN XUẤT',
      'NĂM',
    ])
    expect(check.rows.map((r) => [r.fields.product, r.fields.producer, r.fields.year])).toEqual([
      ['Tương Bần Việt Hưng', 'HTX Tương Minh Khang', 2021],
      ['Trà xạ đen Đại Lộc', 'Hộ kinh doanh Mai Minh Hải', 2022],
    ])
  })

  it('VNI', async () => {
    const bytes = xls([
      ['STT', 'Teân saûn phaåm', 'Chuû theå'],
      ['1', 'Nöôùc maém Phuù Quoác', 'Coâng ty TNHH Nöôùc maém'],
    ])
    const check = await checkFile(bytes, 'vni.xls', { units: [] })
    expect(check.rows.map((r) => [r.fields.product, r.fields.producer])).toEqual([
      ['Nước mắm Phú Quốc', 'Công ty TNHH Nước mắm'],
    ])
  })

  it('Unicode lists of the same layout are left as they are', async () => {
    const bytes = xls([
      ['STT', 'Tên sản phẩm', 'Tên chủ thể'],
      ['1', 'Cà phê Müller', 'Công ty Café José'],
    ])
    const check = await checkFile(bytes, 'moi.xls', { units: [] })
    expect(check.rows.map((r) => [r.fields.product, r.fields.producer])).toEqual([
      ['Cà phê Müller', 'Công ty Café José'],
    ])
  })
})
