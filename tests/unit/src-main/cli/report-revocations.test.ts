import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findRevocation, loadReportModel } from '../../../../src-main/cli/report-command'
import { REPORT_SHEET } from '../../../../src-main/services/excel/report-xlsx'
import { loadWorkbook, type Worksheet } from '../../../../src-main/services/excel/workbook'
import { serializeBackup, type BackupTables } from '../../../../src-shared/db/backup-format'
import type { Revocation } from '../../../../src-shared/db/records'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '../../../../src-shared/db/schema'
import { MY_HAO_OFFICE, myHaoData } from '../../src-shared/reports/my-hao-fixture'
import { OWN_DECISION, PROVINCE_DECISION } from '../../src-shared/revocations/revocation-fixture'
import { runBuilt } from '../services/built-files'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ocop-revocations-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The Mỹ Hào demo register with `revocations`, as a backup file Cài đặt writes. */
async function backupFile(
  revocations: Revocation[] = [OWN_DECISION, PROVINCE_DECISION],
  name = 'sao-luu.json',
) {
  const data = myHaoData()
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as BackupTables
  Object.assign(tables, {
    units: data.units,
    producers: data.producers,
    products: data.products,
    evaluations: data.evaluations,
    revocations,
    criteriaSets: data.criteriaSets,
    settings: [{ key: 'office', value: MY_HAO_OFFICE }],
  })
  const content = await serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: 'test',
    kind: 'manual',
    createdAt: '2026-01-01T00:00:00.000Z',
    tables,
  })
  const file = join(dir, name)
  await writeFile(file, content)
  return file
}

const ocop = (args: string[]) =>
  runBuilt('cli.js', args, { cwd: tmpdir(), env: { ...process.env, INIT_CWD: dir } })

/** The paragraphs of a .docx's body (table cells included), each as the text of its runs. */
async function docxParagraphs(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(file))
  const xml = await zip.file('word/document.xml')!.async('string')
  return xml
    .split('</w:p>')
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    )
    .filter((text) => text !== '')
}

/** Each row of a sheet as the text of its cells, empty cells left out. */
function rowsOf(sheet: Worksheet): string[][] {
  const rows: string[][] = []
  sheet.eachRow((row) => {
    const cells: string[] = []
    row.eachCell((cell) => {
      const value = cell.value
      if (typeof value === 'string' || typeof value === 'number') {
        if (value !== '') cells.push(String(value))
      }
    })
    rows.push(cells)
  })
  return rows
}

describe('loadReportModel, revocations', () => {
  const base = { kind: 'revocations', date: '2026-01-01' } as const

  it('takes the latest decision, or the one --decision names', async () => {
    const dataFile = await backupFile()
    const latest = await loadReportModel({ ...base, dataFile })
    expect(latest.model.type).toBe('TTr')
    // A Tờ trình without --signed is dated as the decision it asks for.
    expect(latest.model.signedOn).toBe(PROVINCE_DECISION.date)
    const own = await loadReportModel({ ...base, dataFile, decision: '125/QĐ-UBND' })
    expect(own.model.type).toBe('QĐ')
    expect(own.model.number).toBe('125')
    expect(own.model.sample).toBe(true)
  })

  it('refuses a number or a signing date for a decision the office signs itself', async () => {
    const dataFile = await backupFile()
    await expect(
      loadReportModel({ ...base, dataFile, decision: '125', docNumber: '9' }),
    ).rejects.toThrow(/--number và --signed chỉ dùng cho tờ trình/)
  })

  it('says when the backup has no decision, or not the one named, listing those it has', () => {
    expect(() => findRevocation([], undefined)).toThrow(
      /không có quyết định thu hồi giấy chứng nhận nào/,
    )
    expect(() => findRevocation([OWN_DECISION, PROVINCE_DECISION], '99/QĐ-UBND')).toThrow(
      /Không có quyết định thu hồi số "99\/QĐ-UBND"[\s\S]*125\/QĐ-UBND {2}ngày 15\/03\/2022[\s\S]*2345\/QĐ-UBND {2}ngày 10\/05\/2023/,
    )
  })
})

describe('ocop report revocations (built CLI)', () => {
  it("writes the office's decision as .docx: articles, the annex list with reasons, the signature", async () => {
    await backupFile()
    const run = await ocop([
      'report',
      'revocations',
      '--data',
      'sao-luu.json',
      '--decision',
      '125/QĐ-UBND',
      '--out',
      'thu-hoi.docx',
    ])
    expect(run.stderr).not.toContain('Lỗi')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(join(dir, 'thu-hoi.docx'))
    const text = await docxParagraphs(join(dir, 'thu-hoi.docx'))
    expect(text).toContain('Số: 125/QĐ-UBND')
    expect(text).toContain('Mỹ Hào, ngày 15 tháng 3 năm 2022')
    expect(text).toContain('QUYẾT ĐỊNH')
    expect(text).toContain('Về việc thu hồi Giấy chứng nhận sản phẩm OCOP')
    expect(text).toContain('QUYẾT ĐỊNH:')
    expect(text.filter((p) => /^Điều [123]\. /.test(p))).toHaveLength(3)
    expect(text).toContain('DANH SÁCH SẢN PHẨM BỊ THU HỒI GIẤY CHỨNG NHẬN SẢN PHẨM OCOP')
    expect(text).toContain(
      '(Kèm theo Quyết định số 125/QĐ-UBND ngày 15 tháng 3 năm 2022 của Ủy ban nhân dân thị xã Mỹ Hào)',
    )
    // The annex rows, in the order of their units (Ngọc Lâm before Xuân Dục).
    const ca = text.indexOf('Cá nước ngọt (dữ liệu mẫu)')
    const baBa = text.indexOf('Ba ba (dữ liệu mẫu)')
    expect(ca).toBeGreaterThan(0)
    expect(baBa).toBeGreaterThan(ca)
    expect(text).toContain('GCN-MẪU-2018-BA-BA')
    expect(text).toContain('Hết thời hạn, không đánh giá lại: chủ thể không đăng ký đánh giá lại')
    expect(text).toContain('- Như Điều 3;')
    expect(text).toContain('Nguyễn Văn A')
  }, 30_000)

  it('writes the Tờ trình to the province as .xlsx, the same list on the annex sheet', async () => {
    await backupFile()
    // Without --decision: the latest decision, the province's.
    const run = await ocop([
      'report',
      'revocations',
      '--data',
      'sao-luu.json',
      '--out',
      'to-trinh.xlsx',
      '--number',
      '7',
      '--signed',
      '20/04/2023',
    ])
    expect(run.stderr).not.toContain('Lỗi')
    expect(run.code).toBe(0)
    const workbook = await loadWorkbook(await readFile(join(dir, 'to-trinh.xlsx')))
    const body = rowsOf(workbook.getWorksheet(REPORT_SHEET)!).flat()
    expect(body).toContain('Số: 07/TTr-UBND')
    expect(body).toContain('Mỹ Hào, ngày 20 tháng 4 năm 2023')
    expect(body).toContain('TỜ TRÌNH')
    expect(body).toContain('Về việc đề nghị thu hồi Giấy chứng nhận sản phẩm OCOP')
    expect(body).toContain('Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên.')
    expect(body).toContain('Nguyễn Văn A')
    const annex = rowsOf(workbook.getWorksheet('Phụ lục')!)
    expect(annex.flat()).toContain(
      'DANH SÁCH SẢN PHẨM ĐỀ NGHỊ THU HỒI GIẤY CHỨNG NHẬN SẢN PHẨM OCOP',
    )
    const dataRows = annex.filter((row) => row[0] === '1' || row[0] === '2')
    expect(dataRows).toEqual([
      [
        '1',
        'Gà lông màu (dữ liệu mẫu)',
        'Tổ hợp tác chăn nuôi gà Cẩm Xá (mẫu)',
        'Xã Cẩm Xá',
        '4',
        'GCN-MẪU-2019-GA-LONG-MAU',
        '2420/QĐ-UBND',
        '18/12/2019',
        'Vi phạm quy định: dùng biểu trưng OCOP trên sản phẩm khác',
      ],
      [
        '2',
        'Gạo Nhật (dữ liệu mẫu)',
        'Công ty TNHH Nông sản Minh Đức (mẫu)',
        'Phường Minh Đức',
        '3',
        'GCN-MẪU-2020-GAO-NHAT',
        '3056/QĐ-UBND',
        '15/12/2020',
        'Chủ thể giải thể',
      ],
    ])
  }, 30_000)

  it('fails with a Vietnamese message when the backup has no decision or not the one named', async () => {
    await backupFile([], 'trong.json')
    const none = await ocop(['report', 'revocations', '--data', 'trong.json', '--out', 'a.docx'])
    expect(none.code).toBe(1)
    expect(none.stderr).toMatch(/không có quyết định thu hồi giấy chứng nhận nào/)
    await backupFile()
    const unknown = await ocop([
      'report',
      'revocations',
      '--data',
      'sao-luu.json',
      '--decision',
      '99',
      '--out',
      'a.docx',
    ])
    expect(unknown.code).toBe(1)
    expect(unknown.stderr).toMatch(
      /Không có quyết định thu hồi số "99"[\s\S]*125\/QĐ-UBND[\s\S]*2345\/QĐ-UBND/,
    )
    // Options that do not belong to the revocation paper are usage mistakes.
    const cases: [string[], RegExp][] = [
      [['--date', '31/12/2022'], /--date không dùng cho báo cáo revocations/],
      [['--decision', ' '], /--decision cần số của quyết định thu hồi/],
    ]
    for (const [extra, message] of cases) {
      const run = await ocop([
        'report',
        'revocations',
        '--data',
        'sao-luu.json',
        '--out',
        'b.docx',
        ...extra,
      ])
      expect(run.code, extra.join(' ')).toBe(2)
      expect(run.stderr).toMatch(message)
    }
    const elsewhere = await ocop([
      'report',
      'units',
      '--data',
      'sao-luu.json',
      '--out',
      'c.xlsx',
      '--decision',
      '125',
    ])
    expect(elsewhere.code).toBe(2)
    expect(elsewhere.stderr).toMatch(/--decision chỉ dùng cho báo cáo revocations/)
    expect((await readdir(dir)).sort()).toEqual(['sao-luu.json', 'trong.json'])
  }, 30_000)

  it('lists revocations and --decision in the help text', async () => {
    const run = await ocop(['--help'])
    expect(run.stdout).toMatch(/revocations +Văn bản thu hồi giấy chứng nhận OCOP/)
    expect(run.stdout).toContain('--decision SỐ')
  })
})
