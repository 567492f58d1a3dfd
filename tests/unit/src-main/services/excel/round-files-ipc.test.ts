// @vitest-environment node
import { createHash } from 'node:crypto'
import ExcelJS from 'exceljs'
import { unzipSync, zipSync } from 'fflate'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import type { EventName, EventPayloads, RequestOf, ResponseOf } from '@shared/ipc/contract'
import { formatMessage } from '@shared/messages/format'
import { partLevelSheet, type ScoringSheet } from '@shared/rounds/sheets'
import { dispatch } from '../../../../../src-main/ipc/dispatch'
import { createServiceHandlers } from '../../../../../src-main/services/services'
import { createThreadJobRunner } from '../../../../../src-main/services/thread-job-runner'
import type { JobRunner } from '../../../../../src-main/workers/protocol'
import { builtFile } from '../built-files'
import shipped from '../../../../../resources/catalogues/criteria-sets.json'

// The round's files through the whole main side as a renderer reaches it: the contract's check,
// the service table, and the built Excel worker on a thread, as the web host runs them.
const sets = loadBuiltInCriteriaSets(shipped)
const qd1048 = sets.find((set) => set.id === 'qd-1048')!

/** Made-up points with QĐ 1048's part maxima (not official ones): part A in two sections. */
const fullSheet: ScoringSheet = {
  criteriaSetId: 'qd-1048',
  groupCodes: ['I'],
  name: 'Phiếu nhóm Thực phẩm',
  source: 'Tệp khai báo của phòng',
  parts: [
    {
      code: 'A',
      name: 'Sản phẩm và sức mạnh cộng đồng',
      max: 35,
      sections: [
        {
          code: 'A1',
          name: 'Tổ chức sản xuất',
          max: 20,
          criteria: [
            {
              code: 'A1.1',
              text: 'Nguyên liệu',
              max: 12,
              options: [{ label: 'Có', points: 12 }],
              mandatoryFrom: 3,
            },
            {
              code: 'A1.2',
              text: 'Liên kết',
              max: 8,
              options: [{ label: 'Có', points: 8 }],
              mandatoryFrom: null,
            },
          ],
        },
        {
          code: 'A2',
          name: 'Phát triển sản phẩm',
          max: 15,
          criteria: [
            {
              code: 'A2.1',
              text: 'Bao bì',
              max: 15,
              options: [{ label: 'Đạt', points: 15 }],
              mandatoryFrom: null,
            },
          ],
        },
      ],
    },
    { code: 'B', name: 'Khả năng tiếp thị', max: 25, sections: [] },
    { code: 'C', name: 'Chất lượng sản phẩm', max: 40, sections: [] },
  ],
}
const partSheet = partLevelSheet(qd1048)

const round = { id: 'dot-2020', name: 'Đợt 1 năm 2020', criteriaSetName: qd1048.name }
const members = [
  { id: 'tv-1', name: 'Nguyễn Văn An', role: 'Chủ tịch Hội đồng' },
  { id: 'tv-2', name: 'Trần Thị Bình', role: 'Ủy viên' },
]
const products = [
  {
    id: 'e-1',
    name: 'Tương Bần',
    producer: 'HTX Tương Bần',
    unit: 'Bần Yên Nhân',
    group: 'Thực phẩm',
    sheet: 0,
  },
  {
    id: 'e-2',
    name: 'Gà Đông Tảo',
    producer: 'Hộ Lê Văn Hòa',
    unit: 'Dị Sử',
    group: 'Chăn nuôi',
    sheet: 1,
  },
]
const sheets = [fullSheet, partSheet]
const entries = products.map(({ id, sheet }) => ({ id, sheet }))

let runner: JobRunner
const events: { event: EventName; payload: unknown }[] = []
beforeAll(() => {
  runner = createThreadJobRunner(builtFile('excel-worker.js'))
})
afterAll(async () => {
  await runner.close()
})

async function call<C extends keyof ResponseOf>(channel: C, request: RequestOf<C>) {
  const handlers = createServiceHandlers({
    version: '0',
    host: 'web',
    dataDir: '/nonexistent',
    backupDir: '/nonexistent/backups',
    jobs: runner,
    emit: <E extends EventName>(event: E, payload: EventPayloads[E]) => {
      events.push({ event, payload })
    },
    openExternal: async () => false,
  })
  const envelope = await dispatch(handlers, channel, request)
  if (!envelope.ok) throw new Error(`${channel}: ${envelope.error.message}`)
  return envelope.value as ResponseOf[C]
}

/** A member types scores in Excel: ExcelJS stands in, finding each line by its code in column A. */
async function typeScores(
  bytes: Uint8Array,
  scores: Record<string, Record<string, number | string>>,
): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as never)
  for (const [sheetName, byCode] of Object.entries(scores)) {
    const sheet = workbook.getWorksheet(sheetName)!
    sheet.eachRow((row) => {
      const value = byCode[row.getCell(1).text]
      if (value !== undefined) row.getCell(4).value = value
    })
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex')

describe("a round's member workbooks through the worker", () => {
  it('saves every member’s workbook in one .zip, reads the filled ones back with the scores typed', async () => {
    const zip = await call('round.writeMemberWorkbooks', {
      jobId: 'phieu-1',
      round,
      members,
      sheets,
      products,
    })
    expect(zip.fileName).toBe('phieu-cham-dot-1-nam-2020.zip')
    const files = unzipSync(zip.bytes)
    expect(Object.keys(files)).toEqual([
      '01-phieu-cham-nguyen-van-an.xlsx',
      '02-phieu-cham-tran-thi-binh.xlsx',
    ])
    expect(events.filter((e) => e.event === 'job.progress').at(-1)).toEqual({
      event: 'job.progress',
      payload: { jobId: 'phieu-1', stage: 'write', done: 2, total: 2 },
    })

    const first = await typeScores(files['01-phieu-cham-nguyen-van-an.xlsx']!, {
      '01 Tương Bần': { 'A1.1': 10, 'A1.2': 6.5, 'A2.1': 12, B: 20, C: 33 },
      '02 Gà Đông Tảo': { A: 30, B: '21,5', C: 35 },
    })
    const second = await typeScores(files['02-phieu-cham-tran-thi-binh.xlsx']!, {
      '01 Tương Bần': { 'A1.1': 12, 'A1.2': 8, 'A2.1': 15, B: 25 },
      '02 Gà Đông Tảo': { A: 28, B: 19, C: 36.25 },
    })
    // The first comes alone, the second inside a .zip the secretary made of it.
    const resent = zipSync({ 'gui-lai/02-phieu-cham-tran-thi-binh.xlsx': second })
    const reads = await call('round.readMemberWorkbooks', {
      jobId: 'nhap-1',
      roundId: round.id,
      sheets,
      entries,
      files: [
        { name: '01-phieu-cham-nguyen-van-an.xlsx', bytes: first },
        { name: 'gui-lai.zip', bytes: resent },
      ],
    })

    expect(reads).toEqual([
      {
        fileName: '01-phieu-cham-nguyen-van-an.xlsx',
        archive: null,
        sha256: sha256(first),
        roundId: 'dot-2020',
        memberId: 'tv-1',
        products: {
          'e-1': { 'A1.1': 10, 'A1.2': 6.5, 'A2.1': 12, B: 20, C: 33 },
          'e-2': { A: 30, B: 21.5, C: 35 },
        },
        problems: [],
      },
      {
        fileName: '02-phieu-cham-tran-thi-binh.xlsx',
        archive: 'gui-lai.zip',
        sha256: sha256(second),
        roundId: 'dot-2020',
        memberId: 'tv-2',
        products: {
          'e-1': { 'A1.1': 12, 'A1.2': 8, 'A2.1': 15, B: 25, C: null },
          'e-2': { A: 28, B: 19, C: 36.25 },
        },
        problems: [],
      },
    ])
  })

  it('writes one member’s workbook alone, named after the member', async () => {
    const one = await call('round.writeMemberWorkbook', {
      jobId: 'phieu-2',
      round,
      member: members[1]!,
      sheets,
      products,
    })
    expect(one.fileName).toBe('phieu-cham-tran-thi-binh.xlsx')
    const [read] = await call('round.readMemberWorkbooks', {
      jobId: 'nhap-2',
      roundId: round.id,
      sheets,
      entries,
      files: [{ name: one.fileName, bytes: one.bytes }],
    })
    expect(read).toMatchObject({ memberId: 'tv-2', problems: [] })
    expect(read!.products['e-2']).toEqual({ A: null, B: null, C: null })
  })

  it('names a foreign workbook, a cell it cannot take and a workbook of another round, in Vietnamese', async () => {
    const other = new ExcelJS.Workbook()
    other.addWorksheet('Danh sách').getCell('A1').value = 'Điểm'
    const foreign = new Uint8Array(await other.xlsx.writeBuffer())
    const zip = await call('round.writeMemberWorkbooks', {
      jobId: 'phieu-3',
      round,
      members,
      sheets,
      products,
    })
    const written = unzipSync(zip.bytes)['01-phieu-cham-nguyen-van-an.xlsx']!
    const typo = await typeScores(written, { '02 Gà Đông Tảo': { A: 'ba mươi', B: 26 } })
    const otherRound = await call('round.writeMemberWorkbook', {
      jobId: 'phieu-4',
      round: { ...round, id: 'dot-2021' },
      member: members[0]!,
      sheets,
      products,
    })

    const reads = await call('round.readMemberWorkbooks', {
      jobId: 'nhap-3',
      roundId: round.id,
      sheets,
      entries,
      files: [
        { name: 'bang-diem-cua-xa.xlsx', bytes: foreign },
        { name: 'an.xlsx', bytes: typo },
        { name: 'dot-2021.xlsx', bytes: otherRound.bytes },
      ],
    })

    const sentences = reads.map((read) => read.problems.map((problem) => formatMessage(problem)))
    expect(sentences[0]).toEqual([
      'Tệp "bang-diem-cua-xa.xlsx" không phải phiếu chấm điểm do OCOP Desk lưu cho một thành viên hội đồng (không có phần ghi đợt đánh giá và thành viên) nên không được nhập. Hãy chọn tệp phiếu chấm đã lưu từ trang của đợt đánh giá; điểm chấm trên giấy hoặc tệp khác thì nhập vào bảng điểm.',
    ])
    expect(sentences[1]).toEqual([
      'Tệp "an.xlsx", trang "02 Gà Đông Tảo", ô D8: "ba mươi" không phải là số nên điểm này chưa được nhập. Hãy ghi điểm bằng số (ví dụ 7 hoặc 7,5) rồi nhập lại tệp.',
      'Tệp "an.xlsx", trang "02 Gà Đông Tảo", ô D9: điểm 26 nằm ngoài khoảng từ 0 đến 25 của dòng này nên chưa được nhập. Hãy sửa lại điểm rồi nhập lại tệp.',
    ])
    expect(reads[1]!.products['e-2']).toEqual({ A: null, B: null, C: null })
    expect(sentences[2]![0]).toMatch(
      /^Tệp "dot-2021\.xlsx" là phiếu chấm của một đợt đánh giá khác/,
    )
    expect(reads[2]).toMatchObject({ roundId: '', memberId: '', products: {} })
  })
})

describe("a scoring sheet's definition file through the worker", () => {
  it('saves the template, and refuses a filled one whose criteria miss their section’s maximum, naming the row', async () => {
    const template = await call('round.writeSheetTemplate', { jobId: 'mau-1' })
    expect(template.fileName).toBe('mau-khai-bao-phieu-cham.xlsx')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(template.bytes) as never)
    ;['qd-148', 'I', 'Phiếu nhóm Thực phẩm', 'QĐ 148/QĐ-TTg, Phụ lục III'].forEach(
      (value, i) =>
        (workbook
          .getWorksheet('Thông tin')!
          .getRow(i + 1)
          .getCell(2).value = value),
    )
    const lines: (string | number)[][] = [
      ['Phần', 'A', 'Sản phẩm và sức mạnh cộng đồng', 40],
      ['Mục', 'A1', 'Tổ chức sản xuất', 40],
      ['Tiêu chí', 'A1.1', 'Nguồn nguyên liệu', 15],
      ['Lựa chọn', '', 'Có', 15],
      ['Tiêu chí', 'A1.2', 'Liên kết', 20],
      ['Lựa chọn', '', 'Có', 20],
      ['Phần', 'B', 'Khả năng tiếp thị', 25],
      ['Phần', 'C', 'Chất lượng sản phẩm', 35],
    ]
    lines.forEach((line, i) => (workbook.getWorksheet('Phiếu chấm')!.getRow(i + 2).values = line))
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer())

    const read = await call('round.readSheetDefinition', {
      jobId: 'nap-1',
      fileName: 'phieu-thuc-pham.xlsx',
      bytes,
      criteriaSets: sets,
    })

    expect(read).toMatchObject({
      fileName: 'phieu-thuc-pham.xlsx',
      sha256: sha256(bytes),
      ok: false,
    })
    const problems = read.ok ? [] : read.problems
    expect(problems.map((problem) => formatMessage(problem))).toEqual([
      'Tệp phieu-thuc-pham.xlsx, trang "Phiếu chấm", dòng 3: các tiêu chí của mục A1 cộng lại được 35 điểm, khác điểm tối đa của mục (40). Hãy đối chiếu điểm tối đa của từng tiêu chí với văn bản. Hãy sửa trong tệp khai báo rồi nạp lại.',
    ])

    // Corrected, the same file gives the sheet.
    workbook.getWorksheet('Phiếu chấm')!.getRow(6).getCell(4).value = 25
    workbook.getWorksheet('Phiếu chấm')!.getRow(7).getCell(4).value = 25
    const fixed = await call('round.readSheetDefinition', {
      jobId: 'nap-2',
      fileName: 'phieu-thuc-pham.xlsx',
      bytes: new Uint8Array(await workbook.xlsx.writeBuffer()),
      criteriaSets: sets,
    })
    expect(fixed).toMatchObject({ ok: true, sheet: { criteriaSetId: 'qd-148', groupCodes: ['I'] } })
  })

  it('names a file that is not a workbook at all', async () => {
    const read = await call('round.readSheetDefinition', {
      jobId: 'nap-3',
      fileName: 'ghi-chu.txt',
      bytes: new TextEncoder().encode('Phiếu chấm: xem văn bản'),
      criteriaSets: sets,
    })
    expect(read.ok ? [] : read.problems.map((problem) => formatMessage(problem))).toEqual([
      'Tệp khai báo phiếu chấm "ghi-chu.txt" không phải sổ làm việc Excel (.xlsx) nên không đọc được. Nếu tệp đã được lưu sang định dạng khác (.xls, .ods, .csv …), hãy mở tệp bằng Excel, chọn Lưu thành (Save As) kiểu "Sổ làm việc Excel (*.xlsx)" rồi chọn lại tệp.',
    ])
  })
})
