import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import {
  MIB,
  detectFileKind,
  renamedNotice,
  type FileKind,
} from '../../../../../src-main/services/import/file-kind'
import { thrown } from '../../thrown'

const FIXTURES = join(__dirname, '../../../../../../shared/fixtures')
const BAD = join(FIXTURES, 'bad')
const COMMUNE = join(FIXTURES, 'commune')

function fixture(dir: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)))
}

/** Each test gets this budget: a check that hangs fails instead of blocking the run. */
const QUICK = 5_000

describe('detectFileKind: the files in shared/fixtures/bad', () => {
  const refused: [file: string, code: string, phrase: string][] = [
    ['empty_0_bytes.xlsx', 'import.file.empty', 'rỗng (0 byte)'],
    ['truncated_half.xlsx', 'import.file.corrupt', 'bị hỏng hoặc chưa tải về đầy đủ'],
    ['random_bytes.xlsx', 'import.file.unknown', 'không phải là tệp Excel hợp lệ'],
    ['encrypted_password_ocop2024.xlsx', 'import.file.encrypted', 'được đặt mật khẩu'],
    ['zip_without_workbook.xlsx', 'import.file.no-workbook', 'thiếu phần xl/workbook.xml'],
  ]
  it.each(refused)(
    '%s is refused with %s',
    async (file, code, phrase) => {
      const error = await thrown(detectFileKind(fixture(BAD, file), file))
      expect(error.code).toBe(code)
      expect(error.message).toContain(`Tệp "${file}"`)
      expect(error.message).toContain(phrase)
      expect(error.where).toEqual({ file })
      expect(error.technicalCause).toBeTruthy()
    },
    QUICK,
  )

  it('gives the README wording for each refused file', async () => {
    const error = await thrown(
      detectFileKind(fixture(BAD, 'zip_without_workbook.xlsx'), 'zip_without_workbook.xlsx'),
    )
    expect(error.message).toBe(
      'Tệp "zip_without_workbook.xlsx" bị hỏng: thiếu phần xl/workbook.xml nên không đọc được ' +
        'danh sách trang tính. Đề nghị xã, phường lưu lại tệp bằng Excel và gửi lại.',
    )
    const encrypted = await thrown(
      detectFileKind(fixture(BAD, 'encrypted_password_ocop2024.xlsx'), 'a.xlsx'),
    )
    expect(encrypted.message).toContain('gỡ mật khẩu')
  })

  it('reads a renamed .xls as .xls and says so', async () => {
    const file = 'legacy_xls_renamed.xlsx'
    const kind = await detectFileKind(fixture(BAD, file), file)
    expect(kind).toEqual({ kind: 'xls', renamed: true })
    expect(renamedNotice(kind, file)).toBe(
      'Tệp "legacy_xls_renamed.xlsx" thực chất là tệp Excel 97-2003 (.xls) nhưng mang đuôi ' +
        '.xlsx. Phần mềm sẽ đọc theo định dạng .xls.',
    )
  })

  it('reads a renamed CSV as CSV and says so', async () => {
    const file = 'csv_renamed.xlsx'
    const kind = await detectFileKind(fixture(BAD, file), file)
    expect(kind).toEqual({ kind: 'csv', encoding: 'utf-8', renamed: true })
    expect(renamedNotice(kind, file)).toBe(
      'Tệp "csv_renamed.xlsx" là tệp văn bản CSV nhưng mang đuôi .xlsx. Phần mềm sẽ đọc theo ' +
        'định dạng CSV.',
    )
  })
})

describe('detectFileKind: the files in shared/fixtures/commune', () => {
  const accepted: [file: string, kind: FileKind][] = [
    ['01_clean_reference.xlsx', { kind: 'xlsx' }],
    ['02_official_title_block.xlsx', { kind: 'xlsx' }],
    ['03_two_level_header_sections.xlsx', { kind: 'xlsx' }],
    ['04_messy_values.xlsx', { kind: 'xlsx' }],
    ['05_tcvn3_vntime.xlsx', { kind: 'xlsx' }],
    ['06_unicode_nfd.xlsx', { kind: 'xlsx' }],
    ['07_multi_sheet_totals.xlsx', { kind: 'xlsx' }],
    ['08_csv_utf8_bom_comma.csv', { kind: 'csv', encoding: 'utf-8', renamed: false }],
    ['09_csv_cp1258_semicolon.csv', { kind: 'csv', encoding: 'windows-1258', renamed: false }],
    ['10_legacy_biff8_from_01.xls', { kind: 'xls', renamed: false }],
    ['11_abbreviated_headers_reordered.xlsx', { kind: 'xlsx' }],
    ['12_bad_rows.xlsx', { kind: 'xlsx' }],
  ]
  it.each(accepted)(
    '%s is accepted',
    async (file, kind) => {
      const result = await detectFileKind(fixture(COMMUNE, file), file)
      expect(result).toEqual(kind)
      expect(renamedNotice(result, file)).toBeNull()
    },
    QUICK,
  )
})

describe('detectFileKind: synthetic cases', () => {
  const reference = fixture(COMMUNE, '01_clean_reference.xlsx')

  it(
    'refuses a file over the size limit and names the limit in MB',
    async () => {
      const bytes = new Uint8Array(3 * MIB + MIB / 2)
      const error = await thrown(detectFileKind(bytes, 'lon.xlsx', { maxBytes: 2 * MIB }))
      expect(error.code).toBe('import.file.too-large')
      expect(error.message).toContain('Tệp "lon.xlsx" quá lớn (3,5 MB, giới hạn 2 MB)')
      const big = await thrown(detectFileKind(new Uint8Array(50 * MIB + 1), 'to.xlsx'))
      expect(big.code).toBe('import.file.too-large')
      expect(big.message).toContain('giới hạn 50 MB')
    },
    QUICK,
  )

  it(
    'refuses a zip that holds no spreadsheet',
    async () => {
      const zip = new JSZip()
      zip.file('ghi-chu.txt', 'Danh sách sản phẩm gửi sau.')
      const bytes = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
      const error = await thrown(detectFileKind(bytes, 'danh-sach.xlsx'))
      expect(error.code).toBe('import.file.unknown')
      expect(error.message).toContain('không phải là tệp Excel hợp lệ')
    },
    QUICK,
  )

  it(
    'refuses a Word document in an .xlsx name',
    async () => {
      const zip = new JSZip()
      zip.file(
        '_rels/.rels',
        '<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
      )
      zip.file('word/document.xml', '<w:document/>')
      const bytes = await zip.generateAsync({ type: 'uint8array' })
      expect((await thrown(detectFileKind(bytes, 'cong-van.xlsx'))).code).toBe(
        'import.file.unknown',
      )
    },
    QUICK,
  )

  it(
    'accepts an ODS spreadsheet',
    async () => {
      const zip = new JSZip()
      zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', {
        compression: 'STORE',
      })
      zip.file('content.xml', '<office:document-content/>')
      const bytes = await zip.generateAsync({ type: 'uint8array' })
      expect(await detectFileKind(bytes, 'ds.ods')).toEqual({ kind: 'ods' })
    },
    QUICK,
  )

  const cuts = [4, 30, 100, 1000, 0.5, 0.9, -200, -22, -1]
  it.each(cuts)(
    'refuses 01_clean_reference.xlsx truncated at %s',
    async (cut) => {
      const length = cut > 0 && cut < 1 ? Math.floor(reference.length * cut) : cut
      const bytes = reference.slice(0, length)
      const error = await thrown(detectFileKind(bytes, 'cat.xlsx'))
      expect(error.code).toBe('import.file.corrupt')
      expect(error.message).toContain('Tệp "cat.xlsx" bị hỏng hoặc chưa tải về đầy đủ')
    },
    QUICK,
  )

  it.each([100, 512, 4096, -512, -100])(
    'refuses the legacy .xls truncated at %s',
    async (cut) => {
      const bytes = fixture(COMMUNE, '10_legacy_biff8_from_01.xls').slice(0, cut)
      const error = await thrown(detectFileKind(bytes, 'cu.xls'))
      expect(error.code).toMatch(/^import\.file\./)
      expect(error.message).toContain('Tệp "cu.xls"')
    },
    QUICK,
  )

  it(
    'refuses plain prose named .xlsx but reads it as CSV when named .txt',
    async () => {
      const prose = new TextEncoder().encode('Kính gửi phòng kinh tế, danh sách sẽ gửi sau.')
      expect((await thrown(detectFileKind(prose, 'thu.xlsx'))).code).toBe('import.file.unknown')
      expect(await detectFileKind(prose, 'thu.txt')).toEqual({
        kind: 'csv',
        encoding: 'utf-8',
        renamed: false,
      })
    },
    QUICK,
  )

  it(
    'reads clearly delimited Windows-1258 text with no extension as CSV',
    async () => {
      // "Sản phẩm;Số sao" in Windows-1258: ả = 61 D2, ẩ = E2 D2, ố = F4 EC.
      const line = [0x53, 0x61, 0xd2, 0x6e, 0x20, 0x70, 0x68, 0xe2, 0xd2, 0x6d, 0x3b, 0x53, 0xf4]
      const bytes = new Uint8Array([...line, 0x0d, 0x0a, ...line, 0x0d, 0x0a])
      const kind = await detectFileKind(bytes, 'tu-xa')
      expect(kind).toEqual({ kind: 'csv', encoding: 'windows-1258', renamed: true })
      expect(renamedNotice(kind, 'tu-xa')).toContain('không có đuôi tệp')
    },
    QUICK,
  )

  it('has no notice for xlsx or ods', () => {
    expect(renamedNotice({ kind: 'xlsx' }, 'a.xlsx')).toBeNull()
    expect(renamedNotice({ kind: 'ods' }, 'a.ods')).toBeNull()
  })
})
