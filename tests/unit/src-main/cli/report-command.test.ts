import { spawn } from 'node:child_process'
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { findPlan, loadReportModel, parseReportDate } from '../../../../src-main/cli/report-command'
import { REPORT_SHEET } from '../../../../src-main/services/excel/report-xlsx'
import { loadWorkbook, type Worksheet } from '../../../../src-main/services/excel/workbook'
import { serializeBackup, type BackupTables } from '../../../../src-shared/db/backup-format'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES } from '../../../../src-shared/db/schema'
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

async function sheetOf(file: string): Promise<Worksheet> {
  const workbook = await loadWorkbook(await readFile(file))
  const sheet = workbook.getWorksheet(REPORT_SHEET)
  if (!sheet) throw new Error('no report sheet')
  return sheet
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
  it('builds the model from a backup file', async () => {
    const { model, missingOffice } = await loadReportModel({
      kind: 'products',
      dataFile: await backupFile(),
      date: '2020-12-31',
      docNumber: '5',
      grouping: 'units',
    })
    expect(model.kind).toBe('products')
    expect(model.header.officeName).toBe('ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO')
    expect(model.header.docNumber).toMatch(/^Số: 05\/BC-UBND$/)
    expect(missingOffice).toEqual([])
  })

  it('names the office fields that Cài đặt has left empty', async () => {
    const file = await backupFile({ ...MY_HAO_OFFICE, signerName: '', placeName: '' })
    const { missingOffice } = await loadReportModel({
      kind: 'units',
      dataFile: file,
      date: '2020-12-31',
    })
    expect(missingOffice).toEqual(['địa danh', 'họ tên người ký'])
  })

  it('refuses a missing or foreign data file in Vietnamese', async () => {
    await expect(
      loadReportModel({ kind: 'units', dataFile: join(dir, 'khong-co.json'), date: '2020-12-31' }),
    ).rejects.toThrow(/Không tìm thấy tệp dữ liệu/)
    await writeFile(join(dir, 'la.json'), '{"a":1}')
    await expect(
      loadReportModel({ kind: 'units', dataFile: join(dir, 'la.json'), date: '2020-12-31' }),
    ).rejects.toThrow(/không phải là tệp sao lưu của OCOP Desk/)
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
      ])
      expect(run.stderr, kind).not.toContain('Lỗi')
      expect(run.code, kind).toBe(0)
      expect(run.stdout).toContain(join(dir, `${kind}.xlsx`))
      expect(run.stderr).toMatch(/\[\d+\/\d+\] Đang/)
      const sheet = await sheetOf(join(dir, `${kind}.xlsx`))
      expect(sheet.getCell('A2').value).toBe('ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO')
      expect(sheet.getCell('A4').value).toBe('Số: 05/BC-UBND')
      expect(texts(sheet)).toContain('Mỹ Hào, ngày 31 tháng 12 năm 2020')
      expect(sheet.pageSetup.paperSize).toBe(9)
    }
  }, 60_000)

  it('groups the products list by unit and keeps an existing file unless --force', async () => {
    await backupFile()
    const args = ['report', 'products', '--data', 'sao-luu.json', '--out', 'ds.xlsx']
    const first = await ocop([...args, '--group', 'units', '--date', '2020-12-31'])
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
      [['report', 'units', '--data', 'sao-luu.json', '--out', 'b.pdf'], /phải có đuôi \.xlsx/],
      [
        ['report', 'units', '--data', 'sao-luu.json', '--out', 'b.xlsx', '--date', '32/01/2020'],
        /không phải là một ngày/,
      ],
      [
        ['report', 'units', '--data', 'sao-luu.json', '--out', 'b.xlsx', '--plan', 'x'],
        /--plan chỉ dùng cho báo cáo plan/,
      ],
      [
        ['report', 'products', '--data', 'sao-luu.json', '--out', 'b.xlsx', '--group', 'x'],
        /--group phải là stars/,
      ],
      [['check', 'a.xlsx', '--out', 'b.xlsx'], /không dùng tuỳ chọn --out/],
    ]
    for (const [args, message] of cases) {
      const run = await ocop(args)
      expect(run.code, args.join(' ')).toBe(2)
      expect(run.stderr, args.join(' ')).toMatch(message)
    }
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
    for (const option of ['--data', '--out', '--date', '--plan', '--group', '--number']) {
      expect(run.stdout).toContain(option)
    }
  })
})
