/**
 * CSV as Excel and other programs save it: UTF-16 "Unicode Text" with a byte-order mark, and the
 * error values Excel writes as text.
 */
import { describe, expect, it } from 'vitest'
import { checkFile } from '../../../../../src-main/services/import/check-file'
import { detectFileKind } from '../../../../../src-main/services/import/file-kind'
import { readTable } from '../../../../../src-main/services/import/read-table'
import { thrown } from '../../thrown'

const LIST =
  'STT\tTên sản phẩm\tTên chủ thể\tHạng sao\tNăm công nhận\r\n' +
  '1\tTương Bần Việt Hưng\tHTX Tương Minh Khang\t4 sao (cấp tỉnh)\t2021\r\n' +
  '2\tGạo nếp cái hoa vàng\tHộ kinh doanh Nguyễn Văn Hùng\tĐạt 3 sao\t2022\r\n'

function utf16le(text: string): Uint8Array {
  return new Uint8Array(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))
}

function utf16be(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le').swap16()
  return new Uint8Array(Buffer.concat([Buffer.from([0xfe, 0xff]), body]))
}

describe('UTF-16 text with a byte-order mark (Excel\'s "Unicode Text")', () => {
  it.each([
    ['little-endian', utf16le(LIST), 'utf-16le'],
    ['big-endian', utf16be(LIST), 'utf-16be'],
  ] as const)('%s is read, not refused', async (_, bytes, encoding) => {
    for (const name of ['danh-sach.txt', 'danh-sach.csv']) {
      const kind = await detectFileKind(bytes, name)
      expect(kind).toEqual({ kind: 'csv', encoding, renamed: false })
      const table = await readTable(bytes, name, kind)
      expect(table.sheets[0]!.rows.map((r) => r.cells.map((c) => c.value))).toEqual(
        LIST.trim()
          .split('\r\n')
          .map((line) => line.split('\t')),
      )
    }
  })

  it('named .xlsx, is read as CSV and the clerk is told', async () => {
    const kind = await detectFileKind(utf16le(LIST), 'danh-sach.xlsx')
    expect(kind).toEqual({ kind: 'csv', encoding: 'utf-16le', renamed: true })
  })

  it('gives product rows through the whole check', async () => {
    const check = await checkFile(utf16le(LIST), 'danh-sach.txt', { units: [] })
    expect(check.rows.map((r) => [r.fields.product, r.fields.stars, r.fields.year])).toEqual([
      ['Tương Bần Việt Hưng', 4, 2021],
      ['Gạo nếp cái hoa vàng', 3, 2022],
    ])
  })

  it('a byte-order mark before binary bytes is still not text', async () => {
    const bytes = new Uint8Array([0xff, 0xfe, 0x00, 0x00, 0x01, 0x00, 0x02, 0x00, 0x03, 0x00])
    expect((await thrown(detectFileKind(bytes, 'x.xlsx'))).code).toBe('import.file.unknown')
  })
})

describe('error values saved as text', () => {
  it('are flagged as the cells they were, other text is kept', async () => {
    const bytes = new TextEncoder().encode('Tên,Điểm,Ghi chú\nTương,#DIV/0!,#REF! ở cột E\n')
    const table = await readTable(bytes, 'loi.csv', {
      kind: 'csv',
      encoding: 'utf-8',
      renamed: false,
    })
    expect(table.sheets[0]!.rows[1]!.cells).toEqual([
      { value: 'Tương', text: 'Tương' },
      { value: null, text: '#DIV/0!', problem: { kind: 'error-value', value: '#DIV/0!' } },
      { value: '#REF! ở cột E', text: '#REF! ở cột E' },
    ])
  })
})

describe('hostile CSV', () => {
  const csv = { kind: 'csv', encoding: 'utf-8', renamed: false } as const

  it('a record of millions of separators is refused before it is parsed', async () => {
    const bytes = new TextEncoder().encode(`Tên${','.repeat(20_000_000)}\n`)
    const started = Date.now()
    const error = await thrown(readTable(bytes, 'phay.csv', csv))
    expect(Date.now() - started).toBeLessThan(5_000)
    expect(error.code).toBe('import.read.too-many-cells')
    expect(error.message).toContain('Tệp "phay.csv" có quá nhiều ô dữ liệu')
  })

  it('separators inside quotes do not count', async () => {
    const bytes = new TextEncoder().encode(`Tên,Ghi chú\nTương,"${','.repeat(20_000)}"\n`)
    const table = await readTable(bytes, 'ngoac.csv', csv)
    expect(table.sheets[0]!.rows[1]!.cells[1]!.value).toHaveLength(20_000)
  })

  it('more cells than a file may hold are refused as they are parsed', async () => {
    const line = `${'1,'.repeat(16_000)}1\n`
    const bytes = new TextEncoder().encode(line.repeat(400))
    const error = await thrown(readTable(bytes, 'rong.csv', csv))
    expect(error.code).toBe('import.read.too-many-cells')
  })
})
