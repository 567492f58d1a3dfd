// @vitest-environment node
import * as XLSX from '@e965/xlsx'
import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { loadBuiltInCriteriaSets } from '@shared/domain/criteria'
import {
  ABOUT_SHEET,
  DEFINITION_SHEET,
  readSheetDefinition,
  writeSheetTemplate,
} from '../../../../../src-main/services/excel/sheet-definition'
import shipped from '../../../../../resources/catalogues/criteria-sets.json'

const sets = loadBuiltInCriteriaSets(shipped)

type Line = [
  kind: string,
  code: string,
  text: string,
  points: number | string | null,
  mandatory?: number,
]

/** A made-up sheet with QĐ 148's maxima (the points are the test's, not official ones). */
const LINES: Line[] = [
  ['Phần', 'A', 'Sản phẩm và sức mạnh cộng đồng', 40],
  ['Mục', 'A1', 'Tổ chức sản xuất', 25],
  ['Tiêu chí', 'A1.1', 'Nguồn nguyên liệu', 15, 3],
  ['Lựa chọn', '', 'Không có', 0],
  ['Lựa chọn', '', 'Có, tại địa phương', 15],
  ['Tiêu chí', 'A1.2', 'Liên kết sản xuất', 10],
  ['Lựa chọn', '', 'Có liên kết', '7,5'],
  ['Mục', 'A2', 'Phát triển sản phẩm', 15],
  ['Tiêu chí', 'A2.1', 'Bao bì', 15],
  ['Lựa chọn', '', 'Đạt', 15],
  ['Phần', 'B', 'Khả năng tiếp thị', 25],
  ['Phần', 'C', 'Chất lượng sản phẩm', 35],
]

/** The clerk fills the template in Excel: here ExcelJS stands in. */
async function filled(lines: Line[] = LINES, setId = 'qd-148'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(await writeSheetTemplate()) as never)
  const about = workbook.getWorksheet(ABOUT_SHEET)!
  ;[setId, 'I, II', 'Phiếu nhóm Thực phẩm', 'QĐ 148/QĐ-TTg, Phụ lục III'].forEach(
    (value, i) => (about.getRow(i + 1).getCell(2).value = value),
  )
  const sheet = workbook.getWorksheet(DEFINITION_SHEET)!
  lines.forEach((line, i) => {
    sheet.getRow(i + 2).values = [line[0], line[1], line[2], line[3], line[4] ?? null]
  })
  return new Uint8Array(await workbook.xlsx.writeBuffer())
}

describe('the definition file of a full scoring sheet', () => {
  it('is a template with its instructions, the sheet’s facts and the lines’ header (read by SheetJS)', async () => {
    const book = XLSX.read(await writeSheetTemplate(), { type: 'array' })
    expect(book.SheetNames).toEqual(['Hướng dẫn', ABOUT_SHEET, DEFINITION_SHEET])
    const header = XLSX.utils.sheet_to_json<unknown[]>(book.Sheets[DEFINITION_SHEET]!, {
      header: 1,
    })[0]
    expect(header).toEqual(['Loại dòng', 'Mã', 'Nội dung', 'Điểm', 'Bắt buộc từ (sao)'])
  })

  it('reads a filled file as the sheet its lines describe', async () => {
    const read = await readSheetDefinition(await filled(), sets)
    expect(read.ok).toBe(true)
    if (!read.ok) return
    expect(read.sheet).toMatchObject({
      criteriaSetId: 'qd-148',
      groupCodes: ['I', 'II'],
      name: 'Phiếu nhóm Thực phẩm',
      source: 'QĐ 148/QĐ-TTg, Phụ lục III',
    })
    const [partA, partB] = read.sheet.parts
    expect(partA!.sections.map((s) => [s.code, s.max, s.criteria.length])).toEqual([
      ['A1', 25, 2],
      ['A2', 15, 1],
    ])
    expect(partA!.sections[0]!.criteria[0]).toEqual({
      code: 'A1.1',
      text: 'Nguồn nguyên liệu',
      max: 15,
      mandatoryFrom: 3,
      options: [
        { label: 'Không có', points: 0 },
        { label: 'Có, tại địa phương', points: 15 },
      ],
    })
    expect(partA!.sections[0]!.criteria[1]!.options).toEqual([
      { label: 'Có liên kết', points: 7.5 },
    ])
    expect(partB).toEqual({ code: 'B', name: 'Khả năng tiếp thị', max: 25, sections: [] })
  })

  it('refuses lines it cannot read, naming their rows, and sums that do not add up', async () => {
    const broken: Line[] = [
      ['Lựa chọn', '', 'Trước mọi tiêu chí', 1],
      ...LINES.slice(0, 5),
      ['Tiêu chi', 'A1.2', 'Liên kết', 10],
      ['Tiêu chí', 'A1.3', 'Liên kết', 'mười'],
    ]
    const read = await readSheetDefinition(await filled(broken), sets)
    expect(read).toEqual({
      ok: false,
      problems: [
        { code: 'misplaced', row: 2, kind: 'Lựa chọn' },
        { code: 'line-kind', row: 8, text: 'Tiêu chi' },
        { code: 'not-number', row: 9, column: 'Điểm', text: 'mười' },
      ],
    })

    const short: Line[] = [...LINES.slice(0, 5), ...LINES.slice(7)]
    const unbalanced = await readSheetDefinition(await filled(short), sets)
    expect(unbalanced).toEqual({
      ok: false,
      problems: [
        { code: 'criteria-sum', at: { part: 'A', section: 'A1' }, sum: 15, max: 25, row: 3 },
      ],
    })
  })

  it('refuses a file for a set the app does not have', async () => {
    expect(await readSheetDefinition(await filled(LINES, 'qd-999'), sets)).toEqual({
      ok: false,
      problems: [{ code: 'unknown-set', setId: 'qd-999' }],
    })
  })
})
