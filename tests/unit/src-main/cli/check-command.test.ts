/**
 * `npm run ocop -- check FILE` over the commune fixtures, run as the built CLI (the worker file
 * must be built): the rows a clerk would import, the chosen sheet, and the Vietnamese message and
 * exit code for every unreadable file.
 */
import { spawn } from 'node:child_process'
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { builtFile } from '../services/built-files'
import { OWN_FIXTURES, badMessages, readCsv } from '../services/import/fixture-sets'

const { commune: COMMUNE, bad: BAD } = OWN_FIXTURES
const UNITS = join(COMMUNE, 'units.csv')
const TWO_LEVEL = '03_two_level_sections.xlsx'
const SHEETS = '07_sheets_totals.xlsx'
const REPORT = '02_report_title_block.xlsx'

interface Run {
  code: number | null
  stdout: string
  stderr: string
}

/** Runs the built CLI as `npm run ocop -- …` would: cwd elsewhere, INIT_CWD the fixtures. */
function ocop(args: string[], initCwd = COMMUNE): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [builtFile('cli.js'), ...args], {
      cwd: tmpdir(),
      env: { ...process.env, INIT_CWD: initCwd },
    })
    let stdout = ''
    let stderr = ''
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk))
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk))
    child.on('error', reject)
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

interface JsonRow {
  row: number
  status: string
  fields: Record<string, unknown>
  messages: {
    level: string
    column: string
    code: string
    params: Record<string, unknown>
    text: string
  }[]
}
interface JsonCheck {
  file: string
  sheet: string
  sheets: { name: string }[]
  mapping: { field: string; column: string; confidence: number }[]
  rows: JsonRow[]
  messages: { level: string; code: string; params: Record<string, unknown>; text: string }[]
}

/** The one JSON object of `--json`; fails when stdout holds anything else. */
function json(run: Run): JsonCheck {
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as JsonCheck
}

let dir: string
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ocop-check-'))
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

function ddmmyyyy(iso: unknown): string {
  if (typeof iso !== 'string') return ''
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

describe('ocop check (built)', () => {
  it('gives the rows of the two-level file field by field as the expected list', async () => {
    const check = json(await ocop(['check', TWO_LEVEL, '--units', 'units.csv', '--json']))
    const expected = readCsv(join(COMMUNE, `expected/${TWO_LEVEL}.expected.csv`))
    const kept = check.rows.filter((r) =>
      r.messages.every((m) => m.code === 'STARS_SCORE_MISMATCH'),
    )

    expect(check.file).toBe(TWO_LEVEL)
    expect(kept.length).toBe(expected.length)
    expect(
      kept.map(({ fields: f }) => ({
        product: f.product,
        producer: f.producer,
        producer_type: f.producerType,
        commune: f.unit,
        group: f.group,
        score: typeof f.score === 'number' ? f.score.toFixed(1) : '',
        stars: typeof f.stars === 'number' ? String(f.stars) : '',
        year: typeof f.year === 'number' ? String(f.year) : '',
        decision_no: f.decisionNo,
        decision_date: ddmmyyyy(f.decisionDate),
      })),
    ).toEqual(expected)
    // The unit's code of the CSV identifies it.
    expect(kept.find((r) => r.fields.unit === 'Phường Nhân Hòa')?.fields.unitId).toBe('12118')
  })

  it('chooses the data sheet of a file with instructions and totals', async () => {
    const check = json(await ocop(['check', SHEETS, '--json']))

    expect(check.sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Dữ liệu', 'Tổng hợp'])
    expect(check.sheet).toBe('Dữ liệu')
    expect(check.rows.length).toBeGreaterThan(20)
  })

  it('reads the sheet asked for, and finds no products on the instructions sheet', async () => {
    const check = json(await ocop(['check', SHEETS, '--sheet', 'Hướng dẫn', '--json']))

    expect(check.sheet).toBe('Hướng dẫn')
    const noHeader = check.messages.some((m) => m.code === 'NO_HEADER')
    expect(noHeader || check.rows.length === 0).toBe(true)
  })

  it('names the sheets of the file when the sheet asked for is not there', async () => {
    const run = await ocop(['check', SHEETS, '--sheet', 'Trang 5'])

    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain('không có trang "Trang 5"')
    expect(run.stderr).toContain('Hướng dẫn; Dữ liệu; Tổng hợp')
  })

  it('prints the mapping, each row with its problems, and a summary as text', async () => {
    const run = await ocop(['check', TWO_LEVEL, '--units', UNITS])

    expect(run.code).toBe(0)
    expect(run.stdout).toContain(`Tệp: ${TWO_LEVEL}`)
    expect(run.stdout).toContain('→ "DM OCOP"')
    expect(run.stdout).toContain('Dòng tiêu đề: 3, 4')
    expect(run.stdout).toMatch(/Ghép cột:\n {2}A +STT +→ Số thứ tự \(100%\)/u)
    expect(run.stdout).toMatch(/ {2}B +Sản phẩm › Tên +→ Tên sản phẩm \(100%\)/u)
    expect(run.stdout).toContain('Phường Bần Yên Nhân')
    expect(run.stdout).toContain('STARS_SCORE_MISMATCH')
    expect(run.stdout).toMatch(
      /Tổng cộng: 20 dòng sản phẩm — \d+ hợp lệ, \d+ cảnh báo, 0 lỗi; \d+ dòng bỏ qua/u,
    )
  })

  it('gives each message its code, the values it names and its Vietnamese sentence', async () => {
    const check = json(await ocop(['check', '12_bad_rows.xlsx', '--units', 'units.csv', '--json']))
    const messages = check.rows.flatMap((r) => r.messages)

    expect(messages.find((m) => m.code === 'DUPLICATE_ROW')).toEqual({
      level: 'warning',
      column: '',
      code: 'DUPLICATE_ROW',
      params: { firstRow: 7 },
      text: 'Tệp 12_bad_rows.xlsx, trang "Kết quả đánh giá", dòng 17: trùng với dòng 7 (cùng tên sản phẩm, chủ thể, xã/phường và năm công nhận). Hãy bỏ một trong hai dòng hoặc xác nhận giữ cả hai.',
    })
    expect(messages.find((m) => m.code === 'SCORE_OUT_OF_RANGE')).toMatchObject({
      column: 'G',
      params: { value: '105' },
      text: expect.stringMatching(
        /^Tệp 12_bad_rows\.xlsx, trang "Kết quả đánh giá", dòng 8, cột G \(Điểm\): điểm 105 không hợp lệ/u,
      ),
    })
  })

  it('uses the shipped units without --units', async () => {
    const check = json(await ocop(['check', REPORT, '--json']))

    expect(check.rows.length).toBe(16)
    expect(check.rows.every((r) => r.fields.unit !== '' && r.fields.unitId !== null)).toBe(true)
  })

  it('reads validity dates of a units CSV, so a unit merged away is flagged for later years', async () => {
    // Phường Dị Sử ends before every row of the report was recognised.
    const expected = readCsv(join(COMMUNE, `expected/${REPORT}.expected.csv`))
    const inUnit = (unit: string) => expected.find((row) => row.commune === unit)?.product
    const units = join(dir, 'don-vi.csv')
    await writeFile(
      units,
      '\uFEFFcode,kind,name,valid_to\n12121,Phường,Dị Sử,31/12/2018\n12139,Xã,Hưng Long,\n',
    )

    const check = json(await ocop(['check', REPORT, '--units', units, '--json']))

    const diSu = check.rows.find((r) => r.fields.product === inUnit('Phường Dị Sử'))
    expect(diSu?.fields.unit).toBe('')
    expect(diSu?.messages.map((m) => m.code)).toContain('UNKNOWN_COMMUNE')
    const hungLong = check.rows.find((r) => r.fields.product === inUnit('Xã Hưng Long'))
    expect(hungLong?.fields).toMatchObject({ unit: 'Xã Hưng Long', unitId: '12139' })
  })

  it('refuses a units CSV without a name column, in Vietnamese', async () => {
    const units = join(dir, 'khong-ten.csv')
    await writeFile(units, 'code,kind\n12121,Phường\n')

    const run = await ocop(['check', REPORT, '--units', units])

    expect(run.code).toBe(1)
    expect(run.stderr).toContain('không có cột name')
  })

  it('explains a file that does not exist', async () => {
    const run = await ocop(['check', 'khong-co.xlsx'])

    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Không tìm thấy tệp')
  })

  it.each([
    ['no file name', ['check']],
    ['two file names', ['check', 'a.xlsx', 'b.xlsx']],
    ['an option of another command', ['check', 'a.xlsx', '--force']],
    ['--sheet without a name', ['check', 'a.xlsx', '--sheet']],
  ])('answers %s with usage and exit code 2', async (_why, args) => {
    const run = await ocop(args)

    expect(run.code).toBe(2)
    expect(run.stderr).toContain('Cách dùng')
  })
})

describe('ocop check on unreadable files (built)', async () => {
  const told = badMessages(BAD)
  const files = (await readdir(BAD)).filter((name) => name.endsWith('.xlsx'))
  const renamed = ['legacy_xls_renamed.xlsx', 'csv_renamed.xlsx']

  it('knows every file of the folder', () => {
    expect(files.length).toBeGreaterThanOrEqual(7)
    for (const file of files) expect(told.has(file)).toBe(true)
  })

  it.each(files.filter((f) => !renamed.includes(f)))(
    '%s: exit 1 with the README message',
    async (file) => {
      const run = await ocop(['check', file, '--json'], BAD)

      expect(run.code).toBe(1)
      expect(run.stdout).toBe('')
      expect(run.stderr).toContain(`Lỗi: ${told.get(file)}`)
    },
  )

  it.each(renamed)('%s: read anyway, with a note that it was renamed', async (file) => {
    const check = json(await ocop(['check', file, '--json'], BAD))

    expect(check.messages).toContainEqual(
      expect.objectContaining({ level: 'info', code: 'FILE_RENAMED' }),
    )
    expect(check.rows.length).toBeGreaterThan(10)
  })
})
