// @vitest-environment node
import * as XLSX from '@e965/xlsx'
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import { DEFAULT_COUNCIL_RULES, productResult } from '@shared/rounds/results'
import { partLevelSheet, partScoresOf, type ScoringSheet } from '@shared/rounds/sheets'
import {
  KEY_SHEET,
  readMemberWorkbook,
  writeMemberWorkbook,
  writeMemberWorkbooksZip,
  type MemberWorkbookInput,
} from '../../../../../src-main/services/excel/member-workbook'
import shipped from '../../../../../resources/catalogues/criteria-sets.json'

const qd1048 = loadBuiltInCriteriaSets(shipped).find((set) => set.id === 'qd-1048')!
const scoring = partLevelSheet(qd1048)
const input: MemberWorkbookInput = {
  round: { id: 'dot-2020', name: 'Đợt 1 năm 2020', criteriaSetName: qd1048.name },
  member: { id: 'tv-1', name: 'Nguyễn Văn An', role: 'Chủ tịch Hội đồng' },
  products: [
    {
      id: 'sp-1',
      name: 'Tương Bần',
      producer: 'HTX Tương Bần',
      unit: 'Bần Yên Nhân',
      group: 'Thực phẩm',
      sheet: scoring,
    },
    {
      id: 'sp-2',
      name: 'Bánh cuốn/chả: Phú Thị?',
      producer: 'Hộ Lê Thị Hoa',
      unit: '',
      group: 'Thực phẩm',
      sheet: scoring,
    },
  ],
}

/** The member fills the workbook in Excel: here ExcelJS stands in, typing into the score cells. */
async function fillIn(bytes: Uint8Array, scores: Record<string, (number | string)[]>) {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes) as never)
  for (const [sheetName, values] of Object.entries(scores)) {
    const sheet = workbook.getWorksheet(sheetName)!
    values.forEach((value, i) => (sheet.getCell(`D${8 + i}`).value = value))
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('a council member’s score workbook', () => {
  it('has a sheet per product with its details, the maxima, and a hidden key (read by SheetJS)', async () => {
    const bytes = await writeMemberWorkbook(input)
    const book = XLSX.read(bytes, { type: 'array' })
    expect(book.SheetNames).toEqual(['01 Tương Bần', '02 Bánh cuốn chả Phú Thị', KEY_SHEET])
    const first = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets['01 Tương Bần']!, {
      header: 1,
      defval: null,
    })
    expect(first[0]![0]).toBe('PHIẾU CHẤM ĐIỂM SẢN PHẨM OCOP')
    expect(first.slice(1, 6).map((row) => row.slice(0, 2))).toEqual([
      ['Đợt đánh giá', `Đợt 1 năm 2020 — ${qd1048.name}`],
      ['Thành viên', 'Nguyễn Văn An (Chủ tịch Hội đồng)'],
      ['Sản phẩm', 'Tương Bần'],
      ['Chủ thể', 'HTX Tương Bần — Bần Yên Nhân'],
      ['Nhóm sản phẩm', 'Thực phẩm'],
    ])
    expect(first.slice(7, 10).map((row) => [row[0], row[2], row[3]])).toEqual([
      ['A', 35, null],
      ['B', 25, null],
      ['C', 40, null],
    ])
    // The key sheet is hidden from the member.
    expect(book.Workbook?.Sheets?.find((s) => s.name === KEY_SHEET)?.Hidden).toBe(2)
  })

  it('locks everything but the score cells, which only take 0 to the item’s maximum', async () => {
    const bytes = await writeMemberWorkbook(input)
    // Protected as Excel reads it: the sheet's XML, with no password hash to compute or crack.
    const xml = await (
      await JSZip.loadAsync(bytes)
    )
      .file('xl/worksheets/sheet1.xml')!
      .async('string')
    expect(xml).toMatch(/<sheetProtection [^>]*sheet="1"/)
    expect(xml).not.toContain('hashValue')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(Buffer.from(bytes) as never)
    const sheet = workbook.getWorksheet('01 Tương Bần')!
    expect(sheet.getCell('D9').protection).toMatchObject({ locked: false })
    expect(sheet.getCell('C9').protection?.locked).not.toBe(false)
    expect(sheet.getCell('D9').dataValidation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 25],
    })
  })

  it('reads the typed scores back; the results equal what the member typed', async () => {
    const filled = await fillIn(await writeMemberWorkbook(input), {
      '01 Tương Bần': [30.5, 20, 25],
      '02 Bánh cuốn chả Phú Thị': [20, '12,5', 18],
    })
    const read = await readMemberWorkbook(filled, () => scoring)
    expect(read).toMatchObject({ roundId: 'dot-2020', memberId: 'tv-1', problems: [] })
    expect(read.products.get('sp-1')).toEqual({ A: 30.5, B: 20, C: 25 })
    expect(read.products.get('sp-2')).toEqual({ A: 20, B: 12.5, C: 18 })
    const parts = partScoresOf(scoring, read.products.get('sp-1')!)
    const result = productResult(
      qd1048,
      [{ id: 'tv-1', role: 'chu-tich' }],
      [{ memberId: 'tv-1', pass: 1, parts }],
      { ...DEFAULT_COUNCIL_RULES, quorumShare: 1 },
    )
    expect(result.average.total).toBe(75.5)
    expect(result.stars).toBe(4)
  })

  it('names each cell it cannot take, with its sheet, and takes nothing from it', async () => {
    const filled = await fillIn(await writeMemberWorkbook(input), {
      '01 Tương Bần': [36, 'hai mươi', 25],
    })
    const read = await readMemberWorkbook(filled, () => scoring)
    expect(read.problems).toEqual([
      { code: 'out-of-range', sheet: '01 Tương Bần', cell: 'D8', value: 36, max: 35 },
      { code: 'not-number', sheet: '01 Tương Bần', cell: 'D9', text: 'hai mươi' },
    ])
    expect(read.products.get('sp-1')).toEqual({ A: null, B: null, C: 25 })
  })

  it('reads each product by its own sheet, and takes nothing from a sheet it cannot match', async () => {
    const full: ScoringSheet = {
      ...scoring,
      name: 'Phiếu nhóm Thực phẩm',
      parts: scoring.parts.map((part) =>
        part.code !== 'A'
          ? part
          : {
              ...part,
              sections: [
                {
                  code: 'A1',
                  name: 'Tổ chức sản xuất',
                  max: part.max,
                  criteria: [
                    { code: 'A1.1', text: 'Nguyên liệu', max: 20, options: [], mandatoryFrom: 3 },
                    {
                      code: 'A1.2',
                      text: 'Liên kết',
                      max: part.max - 20,
                      options: [],
                      mandatoryFrom: null,
                    },
                  ],
                },
              ],
            },
      ),
    }
    const mixed = {
      ...input,
      products: [{ ...input.products[0]!, sheet: full }, input.products[1]!],
    }
    const filled = await fillIn(await writeMemberWorkbook(mixed), {
      // Part A's heading and its section's take rows 8 and 9: the criteria come next.
      '01 Tương Bần': ['', '', 18, 12, 20, 30],
      '02 Bánh cuốn chả Phú Thị': [20, 15, 18],
    })
    const sheetOf = (id: string) => ({ 'sp-1': full, 'sp-2': scoring })[id]

    const read = await readMemberWorkbook(filled, sheetOf)
    expect(read.problems).toEqual([])
    expect(Object.fromEntries(read.products)).toEqual({
      'sp-1': { 'A1.1': 18, 'A1.2': 12, B: 20, C: 30 },
      'sp-2': { A: 20, B: 15, C: 18 },
    })

    // The office loaded the full sheet after the part-level one was printed; one product left.
    const changed = await readMemberWorkbook(filled, (id) => (id === 'sp-1' ? scoring : undefined))
    expect(changed.problems).toEqual([
      { code: 'sheet-changed', sheet: '01 Tương Bần' },
      { code: 'product-unknown', sheet: '02 Bánh cuốn chả Phú Thị' },
    ])
    expect(changed.products.size).toBe(0)
  })

  it('refuses a workbook that is not a member’s score workbook', async () => {
    const other = new ExcelJS.Workbook()
    other.addWorksheet('Danh sách')
    const read = await readMemberWorkbook(
      new Uint8Array(await other.xlsx.writeBuffer()),
      () => scoring,
    )
    expect(read.problems).toEqual([{ code: 'not-member-workbook' }])
  })

  it('saves a round’s workbooks as one .zip, a file per member that reads back as that member', async () => {
    const zip = await writeMemberWorkbooksZip([
      input,
      { ...input, member: { id: 'tv-2', name: 'Trần Thị Bình', role: 'Ủy viên' } },
    ])
    expect(zip.fileName).toBe('phieu-cham-dot-1-nam-2020.zip')
    const files = unzipSync(zip.bytes)
    expect(Object.keys(files)).toEqual([
      '01-phieu-cham-nguyen-van-an.xlsx',
      '02-phieu-cham-tran-thi-binh.xlsx',
    ])
    const second = await readMemberWorkbook(
      files['02-phieu-cham-tran-thi-binh.xlsx']!,
      () => scoring,
    )
    expect(second).toMatchObject({ roundId: 'dot-2020', memberId: 'tv-2', problems: [] })
  })
})
