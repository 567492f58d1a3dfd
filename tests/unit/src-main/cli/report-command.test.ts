import { spawn } from 'node:child_process'
import { mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import JSZip from 'jszip'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findPlan, loadReportModel, parseReportDate } from '../../../../src-main/cli/report-command'
import { REPORT_SHEET } from '../../../../src-main/services/excel/report-xlsx'
import { loadWorkbook, type Worksheet } from '../../../../src-main/services/excel/workbook'
import { serializeBackup, type BackupTables } from '../../../../src-shared/db/backup-format'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '../../../../src-shared/db/schema'
import { todayIso } from '../../../../src-shared/dates'
import { numberLine, placeDateLine } from '../../../../src-shared/documents/lines'
import type { OfficeIdentity } from '../../../../src-shared/domain/office'
import { MY_HAO_OFFICE, PLAN, myHaoData } from '../../src-shared/reports/my-hao-fixture'
import { builtFile } from '../services/built-files'

let dir: string
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ocop-report-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

/** The Mỹ Hào demo register as a backup file, as Cài đặt writes it. */
async function backupFile(office: OfficeIdentity = MY_HAO_OFFICE, name = 'sao-luu.json') {
  const data = myHaoData(office)
  const tables = Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as BackupTables
  Object.assign(tables, {
    units: data.units,
    producers: data.producers,
    products: data.products,
    evaluations: data.evaluations,
    criteriaSets: data.criteriaSets,
    plans: data.plans,
    planTargets: data.planTargets,
    settings: [{ key: 'office', value: office }],
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

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

function ocop(args: string[]): Promise<Run> {
  const cli = builtFile('cli.js')
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [cli, ...args], {
      cwd: tmpdir(),
      env: { ...process.env, INIT_CWD: dir },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

async function sheetOf(file: string, name = REPORT_SHEET): Promise<Worksheet> {
  const workbook = await loadWorkbook(await readFile(file))
  const sheet = workbook.getWorksheet(name)
  if (!sheet) throw new Error(`no sheet "${name}"`)
  return sheet
}

/** The group rows of the products list in the annex ("I. Sản phẩm 4 sao", "II. Phường …"). */
async function groupLabels(file: string): Promise<string[]> {
  return texts(await sheetOf(file, 'Phụ lục')).filter((text) => /^[IVX]+\. /.test(text))
}

/** The paragraphs of a .docx's body, each as the text of its runs. */
async function docxParagraphs(file: string): Promise<string[]> {
  const xml = await (
    await JSZip.loadAsync(await readFile(file))
  )
    .file('word/document.xml')!
    .async('string')
  return xml
    .split('</w:p>')
    .map((paragraph) =>
      [...paragraph.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    )
    .filter((text) => text !== '')
}

function texts(sheet: Worksheet): string[] {
  const found: string[] = []
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      if (typeof cell.value === 'string') found.push(cell.value)
    }),
  )
  return found
}

describe('parseReportDate', () => {
  it('reads YYYY-MM-DD and dd/mm/yyyy, refusing dates that do not exist', () => {
    expect(parseReportDate('2020-12-31')).toBe('2020-12-31')
    expect(parseReportDate('31/12/2020')).toBe('2020-12-31')
    expect(parseReportDate('5/1/2021')).toBe('2021-01-05')
    expect(parseReportDate('31/02/2020')).toBeNull()
    expect(parseReportDate('2020-13-01')).toBeNull()
    expect(parseReportDate('hôm qua')).toBeNull()
  })
})

describe('findPlan', () => {
  const other = { ...PLAN, id: 'plan-2021', name: 'Kế hoạch OCOP năm 2021' }
  it('finds a plan by id, by name, by a unique part of its name, or the only one', () => {
    expect(findPlan([PLAN, other], 'plan-2021').id).toBe('plan-2021')
    expect(findPlan([PLAN, other], 'kế hoạch ocop năm 2021').id).toBe('plan-2021')
    expect(findPlan([PLAN, other], '2019-2020').id).toBe(PLAN.id)
    expect(findPlan([PLAN], undefined).id).toBe(PLAN.id)
  })
  it('lists the plans when the choice is missing, unknown or ambiguous', () => {
    expect(() => findPlan([PLAN, other], undefined)).toThrow(/--plan[\s\S]*plan-2021/)
    expect(() => findPlan([PLAN, other], 'không có')).toThrow(/Không có kế hoạch "không có"/)
    expect(() => findPlan([PLAN, other], 'Kế hoạch')).toThrow(/Có 2 kế hoạch khớp/)
    expect(() => findPlan([], 'x')).toThrow(/không có kế hoạch nào/)
  })
})

describe('loadReportModel', () => {
  const UNITS = { kind: 'units', date: '2020-12-31', signedOn: '2021-01-05' } as const

  it('builds the model from a backup file', async () => {
    const { model, missingOffice } = await loadReportModel({
      kind: 'products',
      dataFile: await backupFile(),
      date: '2020-12-31',
      signedOn: '2021-01-05',
      docNumber: '5',
      grouping: 'units',
    })
    expect(model.type).toBe('BC')
    // A people's committee: its name on two lines, no parent line above it.
    expect(model.issuer.parent).toBeNull()
    expect(model.issuer.name).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ XÃ MỸ HÀO'])
    expect(numberLine(model.number, model.type, model.issuer.abbreviation)).toBe('Số: 05/BC-UBND')
    // The signing date and the data date are kept apart.
    expect(model.signedOn).toBe('2021-01-05')
    expect(model.title.subtitle).toBe('(Tính đến ngày 31/12/2020)')
    expect(model.signers).toEqual([
      { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn A' },
    ])
    expect(model.recipients?.archive).toBe('KT')
    // The list goes to the annex, grouped by commune and ward.
    const groups = model.annexes[0]?.sections
      .flatMap((section) => section.table?.rows ?? [])
      .flatMap((row) => (row.kind === 'group' ? [row.label] : []))
    expect(groups?.length).toBeGreaterThan(1)
    for (const label of groups ?? []) expect(label).toMatch(/^[IVX]+\. (Xã|Phường) /)
    expect(missingOffice).toEqual([])
  })

  it('names the office fields that Cài đặt has left empty', async () => {
    const file = await backupFile({ ...MY_HAO_OFFICE, signerName: '', placeName: '' })
    const { missingOffice } = await loadReportModel({
      kind: 'units',
      dataFile: file,
      date: '2020-12-31',
      signedOn: '2021-01-05',
    })
    expect(missingOffice).toEqual(['địa danh', 'họ tên người ký'])
  })

  it('refuses a missing or foreign data file in Vietnamese', async () => {
    await expect(
      loadReportModel({ ...UNITS, dataFile: join(dir, 'khong-co.json') }),
    ).rejects.toThrow(/Không tìm thấy tệp dữ liệu/)
    await writeFile(join(dir, 'la.json'), '{"a":1}')
    await expect(loadReportModel({ ...UNITS, dataFile: join(dir, 'la.json') })).rejects.toThrow(
      /không phải là tệp sao lưu của OCOP Desk/,
    )
  })
})

describe('ocop report (built CLI)', () => {
  it('writes each kind of report from a backup file, with progress', async () => {
    await backupFile()
    for (const kind of ['products', 'plan', 'units', 'certificates', 'producers']) {
      const run = await ocop([
        'report',
        kind,
        '--data',
        'sao-luu.json',
        '--out',
        `${kind}.xlsx`,
        '--date',
        '31/12/2020',
        '--number',
        '05',
        '--signed',
        '05/01/2021',
      ])
      expect(run.stderr, kind).not.toContain('Lỗi')
      expect(run.code, kind).toBe(0)
      expect(run.stdout).toContain(join(dir, `${kind}.xlsx`))
      expect(run.stderr).toMatch(/\[\d+\/\d+\] Đang/)
      const workbook = await loadWorkbook(await readFile(join(dir, `${kind}.xlsx`)))
      const sheet = workbook.getWorksheet(REPORT_SHEET)!
      expect(sheet.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN')
      expect(sheet.getCell('A2').value).toBe('THỊ XÃ MỸ HÀO')
      expect(sheet.getCell('A4').value).toBe('Số: 05/BC-UBND')
      expect(texts(sheet)).toContain('Mỹ Hào, ngày 05 tháng 01 năm 2021')
      expect(texts(sheet)).toContain('(Tính đến ngày 31/12/2020)')
      expect(sheet.pageSetup.paperSize).toBe(9)
      const annex = workbook.getWorksheet('Phụ lục')
      // Every kind but the summary by unit lists its products or producers in an annex.
      expect(annex === undefined, kind).toBe(kind === 'units')
      if (annex) expect(texts(annex), kind).toContain('(Tính đến ngày 31/12/2020)')
    }
  }, 60_000)

  it('writes a Word report with the signing date apart from the data date', async () => {
    await backupFile()
    const run = await ocop([
      'report',
      'products',
      '--data',
      'sao-luu.json',
      '--out',
      'bao-cao.docx',
      '--date',
      '31/12/2020',
      '--signed',
      '05/01/2021',
      '--number',
      '05',
    ])
    expect(run.stderr).not.toContain('Lỗi')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain(join(dir, 'bao-cao.docx'))
    const paragraphs = await docxParagraphs(join(dir, 'bao-cao.docx'))
    expect(paragraphs).toContain('Số: 05/BC-UBND')
    expect(paragraphs).toContain('Mỹ Hào, ngày 05 tháng 01 năm 2021')
    expect(paragraphs).toContain('(Tính đến ngày 31/12/2020)')
    expect(paragraphs).toContain('Nơi nhận:')
    expect(paragraphs).toContain('- Lưu: VT, KT.')
    expect(paragraphs).toContain('Nguyễn Văn A')
    // The list follows in its annex, which cites the report it goes with.
    expect(paragraphs).toContain('DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN CÒN HIỆU LỰC')
    expect(paragraphs).toContain(
      '(Kèm theo Báo cáo số 05/BC-UBND ngày 05 tháng 01 năm 2021 của Ủy ban nhân dân thị xã Mỹ Hào)',
    )
    expect(paragraphs.join('\n')).not.toContain('ngày 31 tháng 12 năm 2020')
  }, 30_000)

  it('signs today when --signed is not given', async () => {
    await backupFile()
    const before = todayIso()
    const run = await ocop([
      'report',
      'units',
      '--data',
      'sao-luu.json',
      '--out',
      'dv.xlsx',
      '--date',
      '31/12/2020',
    ])
    const after = todayIso()
    expect(run.code).toBe(0)
    const lines = texts(await sheetOf(join(dir, 'dv.xlsx')))
    expect([placeDateLine('Mỹ Hào', before), placeDateLine('Mỹ Hào', after)]).toContain(
      lines.find((text) => text.startsWith('Mỹ Hào, ngày')),
    )
  }, 30_000)

  it('groups the products list with --by, and still with --group', async () => {
    await backupFile()
    const args = ['report', 'products', '--data', 'sao-luu.json', '--date', '31/12/2020']
    const byStars = await ocop([...args, '--out', 'sao.xlsx'])
    const byUnits = await ocop([...args, '--out', 'by.xlsx', '--by', 'units'])
    const alias = await ocop([...args, '--out', 'group.xlsx', '--group', 'units'])
    const both = await ocop([...args, '--out', 'both.xlsx', '--by', 'units', '--group', 'units'])
    for (const run of [byStars, byUnits, alias, both]) expect(run.stderr).not.toContain('Lỗi')
    const stars = await groupLabels(join(dir, 'sao.xlsx'))
    expect(stars.length).toBeGreaterThan(1)
    for (const label of stars) expect(label).toMatch(/^[IVX]+\. Sản phẩm \d sao$/)
    const units = await groupLabels(join(dir, 'by.xlsx'))
    expect(units.length).toBeGreaterThan(1)
    for (const label of units) expect(label).toMatch(/^[IVX]+\. (Xã|Phường) /)
    expect(await groupLabels(join(dir, 'group.xlsx'))).toEqual(units)
    expect(await groupLabels(join(dir, 'both.xlsx'))).toEqual(units)
  }, 60_000)

  it('keeps an existing file unless --force', async () => {
    await backupFile()
    const args = ['report', 'products', '--data', 'sao-luu.json', '--out', 'ds.xlsx']
    const first = await ocop([...args, '--date', '2020-12-31'])
    expect(first.code).toBe(0)
    const again = await ocop(args)
    expect(again.code).toBe(1)
    expect(again.stderr).toMatch(/đã có nên không ghi đè/)
    const forced = await ocop([...args, '--force'])
    expect(forced.code).toBe(0)
  }, 30_000)

  it('answers mistakes with a Vietnamese message and exit code 2', async () => {
    await backupFile()
    const cases: [string[], RegExp][] = [
      [['report'], /cần đúng một loại báo cáo/],
      [['report', 'sales', '--data', 'a.json', '--out', 'b.xlsx'], /không có loại báo cáo "sales"/],
      [['report', 'units', '--out', 'b.xlsx'], /cần --data/],
      [['report', 'units', '--data', 'sao-luu.json'], /cần --out/],
      [
        ['report', 'units', '--data', 'sao-luu.json', '--out', 'b.pdf'],
        /"b\.pdf" phải có đuôi \.docx \(Word\) hoặc \.xlsx \(Excel\)/,
      ],
      [['report', 'units', '--data', 'sao-luu.json', '--out', 'b'], /phải có đuôi \.docx/],
      [
        ['report', 'units', '--data', 'sao-luu.json', '--out', 'b.xlsx', '--date', '32/01/2020'],
        /--date "32\/01\/2020" không phải là một ngày/,
      ],
      [
        ['report', 'units', '--data', 'sao-luu.json', '--out', 'b.xlsx', '--signed', '5/13/2021'],
        /--signed "5\/13\/2021" không phải là một ngày; hãy ghi dạng dd\/mm\/yyyy/,
      ],
      [
        ['report', 'units', '--data', 'sao-luu.json', '--out', 'b.xlsx', '--plan', 'x'],
        /--plan chỉ dùng cho báo cáo plan/,
      ],
      [
        ['report', 'products', '--data', 'sao-luu.json', '--out', 'b.xlsx', '--group', 'x'],
        /--group phải là stars/,
      ],
      [
        ['report', 'products', '--data', 'sao-luu.json', '--out', 'b.xlsx', '--by', 'xa'],
        /--by phải là stars \(theo hạng sao\), units \(theo xã, phường\) hoặc office \(theo đơn vị gửi\)/,
      ],
      [
        ['report', 'units', '--data', 'sao-luu.json', '--out', 'b.xlsx', '--by', 'units'],
        /--by chỉ dùng cho báo cáo products/,
      ],
      [
        [
          'report',
          'products',
          '--data',
          'sao-luu.json',
          '--out',
          'b.xlsx',
          '--by',
          'stars',
          '--group',
          'units',
        ],
        /--by và --group là một tuỳ chọn; hãy ghi một lần/,
      ],
      [['check', 'a.xlsx', '--out', 'b.xlsx'], /không dùng tuỳ chọn --out/],
    ]
    for (const [args, message] of cases) {
      const run = await ocop(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toMatch(message)
    }
    // A usage mistake writes nothing.
    expect(await readdir(dir)).toEqual(['sao-luu.json'])
  }, 30_000)

  it('fails with exit code 1 on a bad data file or an unknown plan', async () => {
    await backupFile()
    await writeFile(join(dir, 'hong.json'), '{"format": "ocop-desk-backup", ')
    const broken = await ocop(['report', 'units', '--data', 'hong.json', '--out', 'b.xlsx'])
    expect(broken.code).toBe(1)
    expect(broken.stderr).toMatch(/bị hỏng hoặc bị cắt dở/)
    const plan = await ocop([
      'report',
      'plan',
      '--data',
      'sao-luu.json',
      '--out',
      'b.xlsx',
      '--plan',
      'không có',
    ])
    expect(plan.code).toBe(1)
    expect(plan.stderr).toMatch(/Không có kế hoạch "không có"[\s\S]*plan-2019-2020/)
  }, 30_000)

  it('lists the report command in the help text', async () => {
    const run = await ocop(['--help'])
    expect(run.stdout).toContain('report LOẠI')
    expect(run.stdout).toContain('--out TỆP.docx|.xlsx')
    for (const option of [
      '--data',
      '--date',
      '--signed',
      '--plan',
      '--by',
      '--group',
      '--number',
    ]) {
      expect(run.stdout).toContain(option)
    }
  })
})
