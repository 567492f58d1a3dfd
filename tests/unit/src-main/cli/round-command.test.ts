import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import ExcelJS from 'exceljs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parseBackup, serializeBackup } from '@shared/db/backup-format'
import type { Evaluation, Product, Round, RoundEntry, RoundMember } from '@shared/db/records'
import { CURRENT_SCHEMA_VERSION } from '@shared/db/schema'
import { demoBackup } from '../../../../src-main/cli/demo-command'
import type { RoundResultsJson } from '../../../../src-main/cli/round-command'
import {
  KEY_SHEET,
  memberWorkbookFileName,
} from '../../../../src-main/services/excel/member-workbook'
import { runBuilt } from '../services/built-files'

const ROUND = 'demo-round-2020'
let dir: string
let tables: Awaited<ReturnType<typeof parseBackup>>['backup']['tables']

/** Runs the built CLI as `npm run ocop -- …` would: cwd elsewhere, INIT_CWD the clerk's folder. */
const ocop = (args: string[]) =>
  runBuilt('cli.js', args, { cwd: tmpdir(), env: { ...process.env, INIT_CWD: dir } })

/** `round sheets|results` of the practice round, with `extra` options. */
const practiceRound = (what: 'sheets' | 'results', ...extra: string[]) =>
  ocop(['round', what, '--data', 'so.json', '--round', ROUND, ...extra])

/**
 * The practice register with two more rounds copied from its 2020 round, members and products
 * alike: one under the same name (so the name is no longer unique), one of 2021.
 */
async function withCopies(): Promise<string> {
  const rounds = tables.rounds as Round[]
  const members = tables.roundMembers as RoundMember[]
  const entries = tables.roundEntries as RoundEntry[]
  const copy = (id: string, changes: Partial<Round>) => ({
    round: { ...rounds[0]!, ...changes, id, status: 'open' as const },
    members: members.map((m) => ({ ...m, id: `${id}-${m.id}`, roundId: id })),
    entries: entries.map((e) => ({
      ...e,
      id: `${id}-${e.id}`,
      roundId: id,
      outcome: null,
      proposedTo: null,
      evaluationId: null,
    })),
  })
  const twin = copy('demo-round-2020-bis', {})
  const next = copy('demo-round-2021', { name: 'Đánh giá sản phẩm OCOP năm 2021', year: 2021 })
  const content = await serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: 'test',
    kind: 'manual',
    createdAt: '2026-01-01T00:00:00.000Z',
    tables: {
      ...tables,
      rounds: [...rounds, twin.round, next.round],
      roundMembers: [...members, ...twin.members, ...next.members],
      roundEntries: [...entries, ...twin.entries, ...next.entries],
    },
  })
  await writeFile(join(dir, 'ba-dot.json'), content)
  return 'ba-dot.json'
}

/** A member fills in a sheet in Excel: ExcelJS stands in, typing into the score column. */
async function fillIn(file: string, sheetName: string, scores: number[]): Promise<void> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await readFile(file)) as never)
  const sheet = workbook.getWorksheet(sheetName)!
  scores.forEach((value, i) => (sheet.getCell(`D${8 + i}`).value = value))
  await writeFile(file, new Uint8Array(await workbook.xlsx.writeBuffer()))
}

async function resultsJson(args: string[] = []): Promise<RoundResultsJson> {
  const run = await practiceRound('results', '--json', ...args)
  expect(run.stderr).toBe('')
  expect(run.code).toBe(0)
  return JSON.parse(run.stdout) as RoundResultsJson
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'ocop-round-'))
  const content = await demoBackup('2026-01-01T00:00:00.000Z')
  await writeFile(join(dir, 'so.json'), content)
  tables = (await parseBackup(content, 'so.json')).backup.tables
})
afterAll(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('npm run ocop -- round sheets', () => {
  it('writes one workbook per member, one sheet per product, named as the app’s .zip names them', async () => {
    const run = await practiceRound('sheets', '--out', 'phieu')
    expect(run.stderr).toContain('[6/6] Phiếu chấm của Vũ Thị Hạnh')
    expect(run.code).toBe(0)
    const members = tables.roundMembers as RoundMember[]
    const files = (await readdir(join(dir, 'phieu'))).sort()
    expect(files).toEqual(members.map((member, i) => memberWorkbookFileName(i, member.name)))
    expect(run.stdout).toContain(`Đã ghi 6 phiếu chấm của 6 thành viên vào ${join(dir, 'phieu')}`)

    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load((await readFile(join(dir, 'phieu', files[0]!))) as never)
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
      '01 Tương Bần (dữ liệu mẫu)',
      '02 Gạo nếp Hưng Yên (dữ liệu mẫ',
      '03 Bò thịt (dữ liệu mẫu)',
      '04 Gạo Nhật (dữ liệu mẫu)',
      KEY_SHEET,
    ])
    const first = workbook.worksheets[0]!
    expect(first.getCell('B3').text).toBe('Nguyễn Văn Bình (Chủ tịch Hội đồng)')
    expect(first.getCell('B5').text).toBe('HTX Tương Bần (mẫu) — Bần Yên Nhân')
    expect(first.getCell('B6').text).toBe('Thực phẩm')
  })

  it('refuses to replace workbooks already there, writing none, unless --force', async () => {
    const run = await practiceRound('sheets', '--out', 'phieu')
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('01-phieu-cham-nguyen-van-binh.xlsx" đã có')
    expect(run.stderr).not.toContain('[1/6]')
    expect((await practiceRound('sheets', '--out', 'phieu', '-f')).code).toBe(0)
  })
})

describe('npm run ocop -- round results', () => {
  it('gives each product of the practice round the scores and stars the register recorded', async () => {
    const results = await resultsJson()
    expect(Object.keys(results)).toEqual(['round', 'criteriaSet', 'products'])
    expect(results.round).toBe('Đánh giá, phân hạng sản phẩm OCOP thị xã Mỹ Hào năm 2020')
    expect(results.criteriaSet).toBe('Bộ tiêu chí OCOP theo QĐ 1048/QĐ-TTg')
    const products = tables.products as Product[]
    const evaluations = tables.evaluations as Evaluation[]
    const entries = tables.roundEntries as RoundEntry[]
    expect(results.products).toHaveLength(entries.length)
    results.products.forEach((product, i) => {
      const evaluation = evaluations.find((e) => e.id === entries[i]!.evaluationId)!
      expect(Object.keys(product)).toEqual([
        'product',
        'group',
        'members',
        'average',
        'stars',
        'proposedStars',
        'messages',
      ])
      expect(product.product).toBe(products.find((p) => p.id === evaluation.productId)!.name)
      expect(product.group).toBe('Thực phẩm')
      expect(product.members.map((m) => m.member)).toEqual(
        (tables.roundMembers as RoundMember[]).map((m) => m.name),
      )
      expect(Object.keys(product.members[0]!)).toEqual(['member', 'parts', 'total'])
      expect(Object.keys(product.members[0]!.parts)).toEqual(['A', 'B', 'C'])
      expect(product.average).toEqual({ ...evaluation.partScores, total: evaluation.total })
      expect(product.stars).toBe(evaluation.recognisedStars)
      expect(product.proposedStars).toBe(evaluation.recognisedStars)
      expect(product.messages).toEqual([])
    })
    expect(results.products[0]).toMatchObject({ product: 'Tương Bần (dữ liệu mẫu)', stars: 5 })
    expect(results.products[0]!.members[0]).toEqual({
      member: 'Nguyễn Văn Bình',
      parts: { A: 33, B: 22.5, C: 37 },
      total: 92.5,
    })
  })

  it('prints a Vietnamese table without --json', async () => {
    const run = await practiceRound('results')
    expect(run.code).toBe(0)
    const lines = run.stdout.split('\n')
    expect(lines[0]).toBe('Đợt đánh giá: Đánh giá, phân hạng sản phẩm OCOP thị xã Mỹ Hào năm 2020')
    expect(lines.find((line) => line.startsWith('STT'))).toMatch(
      /^STT +Sản phẩm +Nhóm +A +B +C +Tổng +Sao +Đề nghị$/,
    )
    expect(lines.find((line) => line.includes('Tương Bần'))).toMatch(
      /^ +1 +Tương Bần \(dữ liệu mẫu\) +Thực phẩm +32,00 +23,00 +36,50 +91,50 +5 +5$/,
    )
    expect(run.stdout).not.toContain('cần xem lại')
  })

  it('takes a member’s filled workbook in the place of the member’s stored scores', async () => {
    const before = await resultsJson()
    await mkdir(join(dir, 'da-dien'))
    const chair = join(dir, 'da-dien', memberWorkbookFileName(0, 'Nguyễn Văn Bình'))
    await copyFile(join(dir, 'phieu', '01-phieu-cham-nguyen-van-binh.xlsx'), chair)
    // The chair scores the first product again; the other products' sheets stay blank.
    await fillIn(chair, '01 Tương Bần (dữ liệu mẫu)', [20, 15, 25])
    const after = await resultsJson(['--sheets', 'da-dien'])

    const tuongBan = after.products[0]!
    expect(tuongBan.members[0]).toEqual({
      member: 'Nguyễn Văn Bình',
      parts: { A: 20, B: 15, C: 25 },
      total: 60,
    })
    expect(tuongBan.members.slice(1)).toEqual(before.products[0]!.members.slice(1))
    // (60 + 92 + 91.5 + 91 + 92.5 + 89.5) / 6, and over the spread the council allows.
    expect(tuongBan.average.total).toBe(86.08)
    expect(tuongBan.stars).toBe(4)
    expect(tuongBan.messages).toEqual([
      'tổng điểm của hai thành viên chênh nhau 32,5 điểm, quá 10 điểm cho phép: Hội đồng thảo luận và chấm lại',
    ])
    // Left blank in the workbook: the chair's stored scores stand.
    expect(after.products.slice(1)).toEqual(before.products.slice(1))
  })

  it('refuses a workbook with a score over the maximum, naming the file, sheet and cell', async () => {
    await mkdir(join(dir, 'qua-diem'))
    const file = join(dir, 'qua-diem', 'phieu.xlsx')
    await copyFile(join(dir, 'phieu', '02-phieu-cham-tran-thi-cuc.xlsx'), file)
    await fillIn(file, '03 Bò thịt (dữ liệu mẫu)', [36, 15, 25])
    const run = await practiceRound('results', '--sheets', 'qua-diem')
    expect(run.code).toBe(1)
    expect(run.stdout).toBe('')
    expect(run.stderr).toContain(
      'Tệp "phieu.xlsx" có ô điểm không đọc được nên chưa lấy điểm nào từ tệp; sửa xong thì chạy lại lệnh để nhập lại tệp:\n',
    )
    // Each cell is worded as the app's import of the same workbook words it.
    expect(run.stderr).toContain(
      '  Tệp "phieu.xlsx", trang "03 Bò thịt (dữ liệu mẫu)", ô D8: điểm 36 nằm ngoài khoảng từ 0 đến 35 của dòng này nên chưa được nhập.',
    )
  })
})

describe('choosing the round', () => {
  it('refuses a name two rounds share, listing them with their years and ids', async () => {
    const data = await withCopies()
    const name = 'Đánh giá, phân hạng sản phẩm OCOP thị xã Mỹ Hào năm 2020'
    const run = await ocop(['round', 'results', '--data', data, '--round', name])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      `Có 2 đợt đánh giá cùng tên "${name}": hãy ghi mã của đợt cần dùng.`,
    )
    expect(run.stderr).toContain(`  demo-round-2020  ${name} (năm 2020)`)
    expect(run.stderr).toContain(`  demo-round-2020-bis  ${name} (năm 2020)`)
    expect(run.stderr).not.toContain('2021')
    // By its id, either is found.
    const byId = await ocop(['round', 'results', '--data', data, '--round', 'demo-round-2020-bis'])
    expect(byId.code).toBe(0)
  })

  it('refuses a round the file does not have, listing every round', async () => {
    const data = await withCopies()
    const run = await ocop(['round', 'sheets', '--data', data, '--round', 'Đợt 3', '--out', 'x'])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain('Không có đợt đánh giá "Đợt 3" trong tệp dữ liệu.')
    expect(run.stderr).toContain('  demo-round-2021  Đánh giá sản phẩm OCOP năm 2021 (năm 2021)')
    expect(run.stderr).toContain('  demo-round-2020-bis  ')
  })

  it('refuses a workbook of another round, by its name', async () => {
    const data = await withCopies()
    const other = [
      'round',
      'sheets',
      '--data',
      data,
      '--round',
      'demo-round-2021',
      '--out',
      'dot-2021',
    ]
    expect((await ocop(other)).code).toBe(0)
    await mkdir(join(dir, 'lan-dot'))
    await copyFile(
      join(dir, 'dot-2021', '03-phieu-cham-le-van-dung.xlsx'),
      join(dir, 'lan-dot', '03-phieu-cham-le-van-dung.xlsx'),
    )
    const run = await ocop([
      'round',
      'results',
      '--data',
      data,
      '--round',
      ROUND,
      '--sheets',
      'lan-dot',
    ])
    expect(run.code).toBe(1)
    expect(run.stderr).toContain(
      'Tệp "03-phieu-cham-le-van-dung.xlsx" là phiếu chấm của đợt "Đánh giá sản phẩm OCOP năm 2021", không phải của đợt này.',
    )
  })

  it('answers a command typed wrong with the usage and exit code 2', async () => {
    const noRound = await ocop(['round', 'results', '--data', 'so.json'])
    expect(noRound.code).toBe(2)
    expect(noRound.stderr).toContain('cần --round')
    const sheetsJson = await practiceRound('sheets', '--json')
    expect(sheetsJson.code).toBe(2)
    expect(sheetsJson.stderr).toContain('--json chỉ dùng cho round results')
  })
})
