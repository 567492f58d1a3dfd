import { readdirSync } from 'node:fs'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import {
  MIB,
  detectFileKind,
  renamedMessage,
  type FileKind,
} from '../../../../../src-main/services/import/file-kind'
import { formatMessage } from '../../../../../src-shared/messages/format'
import { thrown } from '../../thrown'
import { FIXTURE_SETS, OWN_FIXTURES, badMessages, fixtureBytes } from './fixture-sets'

const { bad: BAD, commune: COMMUNE } = OWN_FIXTURES

/** The notice the import screen shows for a renamed file, in Vietnamese; null when none. */
function renamedNotice(kind: FileKind, file: string): string | null {
  const message = renamedMessage(kind, file)
  return message === null ? null : formatMessage(message)
}

/** Each test gets this budget: a check that hangs fails instead of blocking the run. */
const QUICK = 5_000

/** A renamed CSV or .xls is read by what it is: its README line is the notice, not a refusal. */
const READ_ANYWAY = 'Phần mềm sẽ đọc theo định dạng'

for (const set of FIXTURE_SETS) {
  describe.skipIf(!set.present)(`detectFileKind: the files in bad/ of ${set.title}`, () => {
    // A skipped set is still collected: read nothing that is not there.
    const told = set.present ? badMessages(set.bad) : new Map<string, string>()
    const refused = [...told].filter(([, message]) => !message.includes(READ_ANYWAY))
    const renamed = [...told].filter(([, message]) => message.includes(READ_ANYWAY))

    it('has a README line for every file of the folder', () => {
      const files = readdirSync(set.bad).filter((name) => name.endsWith('.xlsx'))
      expect(files.length).toBeGreaterThanOrEqual(7)
      expect(files.filter((file) => !told.has(file))).toEqual([])
      expect(renamed.length).toBe(2)
    })

    it.each(refused)(
      '%s is refused with the README message',
      async (file, message) => {
        const error = await thrown(detectFileKind(fixtureBytes(set.bad, file), file))
        expect(error.code).toMatch(/^import\.file\./)
        expect(error.message).toBe(message)
        expect(error.where).toEqual({ file })
        expect(error.technicalCause).toBeTruthy()
      },
      QUICK,
    )

    it.each(renamed)(
      '%s is read by what it is, with the README notice',
      async (file, message) => {
        const kind = await detectFileKind(fixtureBytes(set.bad, file), file)
        expect(kind).toMatchObject({ renamed: true })
        const notice = renamedNotice(kind, file)
        expect(notice).not.toBeNull()
        expect(message.startsWith(notice ?? '-')).toBe(true)
      },
      QUICK,
    )
  })
}

describe('detectFileKind: what each file in tests/fixtures/bad is', () => {
  it.each([
    ['empty_0_bytes.xlsx', 'import.file.empty'],
    ['truncated_half.xlsx', 'import.file.corrupt'],
    ['random_bytes.xlsx', 'import.file.unknown'],
    ['encrypted_container.xlsx', 'import.file.encrypted'],
    ['zip_without_workbook.xlsx', 'import.file.no-workbook'],
  ])(
    '%s is refused with %s',
    async (file, code) => {
      expect((await thrown(detectFileKind(fixtureBytes(BAD, file), file))).code).toBe(code)
    },
    QUICK,
  )

  it('tells a renamed .xls and a renamed CSV by their bytes', async () => {
    const xls = 'legacy_xls_renamed.xlsx'
    expect(await detectFileKind(fixtureBytes(BAD, xls), xls)).toEqual({
      kind: 'xls',
      renamed: true,
    })
    const csv = 'csv_renamed.xlsx'
    expect(await detectFileKind(fixtureBytes(BAD, csv), csv)).toEqual({
      kind: 'csv',
      encoding: 'utf-8',
      renamed: true,
    })
  })
})

describe('detectFileKind: the files in tests/fixtures/commune', () => {
  const accepted: [file: string, kind: Partial<FileKind>][] = [
    ['01_clean_list.xlsx', { kind: 'xlsx' }],
    ['02_report_title_block.xlsx', { kind: 'xlsx' }],
    ['03_two_level_sections.xlsx', { kind: 'xlsx' }],
    ['04_messy_values.xlsx', { kind: 'xlsx' }],
    ['05_tcvn3_fonts.xlsx', { kind: 'xlsx' }],
    ['06_unicode_nfd.xlsx', { kind: 'xlsx' }],
    ['07_sheets_totals.xlsx', { kind: 'xlsx' }],
    ['08_csv_utf8_bom_comma.csv', { kind: 'csv', encoding: 'utf-8', renamed: false }],
    ['09_csv_cp1258_semicolon.csv', { kind: 'csv', encoding: 'windows-1258', renamed: false }],
    ['10_legacy_biff8.xls', { kind: 'xls', renamed: false }],
    ['11_abbreviated_reordered.xlsx', { kind: 'xlsx' }],
    ['12_bad_rows.xlsx', { kind: 'xlsx' }],
    ['13_vni_times.xlsx', { kind: 'xlsx' }],
    // UTF-16 text (Excel's "Unicode Text") is a CSV too; its encoding is the reader's to name.
    ['14_utf16le_tabs.csv', { kind: 'csv', renamed: false }],
    ['15_libreoffice_list.ods', { kind: 'ods' }],
    ['16_tcvn3_biff8.xls', { kind: 'xls', renamed: false }],
  ]
  it.each(accepted)(
    '%s is accepted',
    async (file, kind) => {
      const result = await detectFileKind(fixtureBytes(COMMUNE, file), file)
      expect(result).toMatchObject(kind)
      expect(renamedNotice(result, file)).toBeNull()
    },
    QUICK,
  )
})

describe('detectFileKind: synthetic cases', () => {
  const reference = fixtureBytes(COMMUNE, '01_clean_list.xlsx')

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
    'refuses 01_clean_list.xlsx truncated at %s',
    async (cut) => {
      const length = cut > 0 && cut < 1 ? Math.floor(reference.length * cut) : cut
      const bytes = reference.slice(0, length)
      const error = await thrown(detectFileKind(bytes, 'cat.xlsx'))
      expect(error.code).toBe('import.file.corrupt')
      expect(error.message).toContain('Tệp "cat.xlsx" bị hỏng hoặc chưa tải về đầy đủ')
    },
    QUICK,
  )

  // Cuts before the end of the Workbook stream. (This .xls ends with its mini stream, which holds
  // only the document summary: a cut there leaves every row readable.)
  it.each([100, 512, 4096, 8192])(
    'refuses the legacy .xls truncated at %s',
    async (cut) => {
      const bytes = fixtureBytes(COMMUNE, '10_legacy_biff8.xls').slice(0, cut)
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
