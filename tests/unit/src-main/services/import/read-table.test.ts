import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createWorkbook, workbookToBytes } from '../../../../../src-main/services/excel/workbook'
import { detectFileKind } from '../../../../../src-main/services/import/file-kind'
import {
  readTable,
  type TableCell,
  type TableFile,
  type TableRow,
} from '../../../../../src-main/services/import/read-table'
import { thrown } from '../../thrown'
import {
  OWN_FIXTURES,
  fixtureBytes,
  readCsv,
  readManifest,
  type ManifestFile,
} from './fixture-sets'

const COMMUNE = OWN_FIXTURES.commune
const files = readManifest(COMMUNE)
const entry = (id: string): ManifestFile => files.find((f) => f.id === id)!

function bytesOf(name: string): Uint8Array {
  return fixtureBytes(COMMUNE, name)
}

async function read(name: string): Promise<TableFile> {
  const bytes = bytesOf(name)
  return readTable(bytes, name, await detectFileKind(bytes, name))
}

function expectedRows(file: ManifestFile): Record<string, string>[] {
  return readCsv(join(COMMUNE, file.expected))
}

function rowAt(rows: TableRow[], row: number): TableCell[] {
  const found = rows.find((r) => r.row === row)
  if (!found) throw new Error(`row ${row} missing`)
  return found.cells
}

function texts(cells: TableCell[]): string[] {
  return cells.map((cell) => cell.text)
}

function ddmmyyyy(date: Date): string {
  const dd = String(date.getUTCDate()).padStart(2, '0')
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0')
  return `${dd}/${mm}/${date.getUTCFullYear()}`
}

const SLOW = 20_000

describe('readTable: every commune fixture', () => {
  it.each(files.map((file) => [file.file, file] as const))(
    '%s reads its sheet, header row and product rows',
    async (file, entry) => {
      const table = await read(file)
      expect(table.fileName).toBe(file)
      const sheet = entry.sheet ? table.sheets.find((s) => s.name === entry.sheet) : table.sheets[0]
      expect(sheet, `sheet ${entry.sheet ?? '(first)'}`).toBeDefined()
      const rowNumbers = new Set(sheet!.rows.map((r) => r.row))
      for (const row of [...entry.header_rows, ...entry.data_rows]) {
        expect(rowNumbers.has(row), `row ${row}`).toBe(true)
      }
      for (const row of sheet!.rows) {
        expect(row.cells.length).toBeGreaterThan(0)
        const last = row.cells[row.cells.length - 1]!
        expect(last.value !== null || last.text !== '' || last.merged !== undefined).toBe(true)
      }
    },
    SLOW,
  )
})

describe('readTable: xlsx', () => {
  it('01: one visible sheet, the header texts and the first product row as expected', async () => {
    const table = await read('01_clean_list.xlsx')
    expect(table.sheets.map((s) => [s.name, s.state])).toEqual([['Danh sách OCOP', 'visible']])
    const rows = table.sheets[0]!.rows
    expect(texts(rowAt(rows, 1))).toEqual([
      'STT',
      'Tên sản phẩm',
      'Tên chủ thể',
      'Loại hình chủ thể',
      'Xã, phường',
      'Nhóm sản phẩm',
      'Điểm',
      'Hạng sao',
      'Năm công nhận',
      'Số quyết định',
      'Ngày quyết định',
    ])
    const expected = expectedRows(entry('01'))[0]!
    const cells = rowAt(rows, 2)
    expect(cells[1]!.value).toBe(expected.product)
    expect(cells[2]!.value).toBe(expected.producer)
    expect(cells[6]!.value).toBe(Number(expected.score))
    expect(cells[6]!.numFmt).toBe('0.0')
    expect(cells[7]!.value).toBe(Number(expected.stars))
    expect(cells[9]!.value).toBe(expected.decision_no)
    const date = cells[10]!.value
    expect(date).toBeInstanceOf(Date)
    expect(ddmmyyyy(date as Date)).toBe(expected.decision_date)
    expect(cells[10]!.text).toBe(expected.decision_date)
  })

  it('01: a whole-number score shows with its format (50 → "50.0")', async () => {
    const rows = (await read('01_clean_list.xlsx')).sheets[0]!.rows
    const fifty = rows.flatMap((r) => r.cells).find((c) => c.value === 50 && c.numFmt === '0.0')
    expect(fifty?.text).toBe('50.0')
  })

  it('07: all three sheets in order', async () => {
    const table = await read('07_sheets_totals.xlsx')
    expect(table.sheets.map((s) => s.name)).toEqual(['Hướng dẫn', 'Dữ liệu', 'Tổng hợp'])
  })

  it('05: TCVN3 cells carry their .VnTime / .VnTimeH font, the Unicode note its own', async () => {
    const sheet = (await read('05_tcvn3_fonts.xlsx')).sheets[0]!
    expect(sheet.name).toBe('B¶ng kª')
    expect(rowAt(sheet.rows, 1)[0]!.font).toBe('.VnTimeH')
    expect(rowAt(sheet.rows, 3)[1]!.font).toBe('.VnTimeH')
    expect(rowAt(sheet.rows, 2)[0]!.font).toBe('Times New Roman')
    const product = rowAt(sheet.rows, 4)[1]!
    expect(product.font).toBe('.VnTime')
    // Raw TCVN3 text, soft hyphen (ư = 0xAD) kept: decoding is a later step.
    expect(String(product.value)).toContain('\u00ad')
  })

  it('13: VNI cells carry their VNI-Times font, a product retyped in Unicode its own', async () => {
    const rows = (await read('13_vni_times.xlsx')).sheets[0]!.rows
    // "Tên sản phẩm" typed with the VNI keyboard: each mark is a byte after its vowel.
    expect(rowAt(rows, 3)[1]).toMatchObject({ value: 'Teân saûn phaåm', font: 'VNI-Times' })
    expect(rowAt(rows, 4)[1]!.font).toBe('VNI-Times')
    expect(rowAt(rows, 8)[1]!.font).toBe('Arial')
  })

  it('03: merged header cells point at their top-left; covered cells are empty', async () => {
    const rows = (await read('03_two_level_sections.xlsx')).sheets[0]!.rows
    const row3 = rowAt(rows, 3)
    const row4 = rowAt(rows, 4)
    expect(row3[0]).toMatchObject({ value: 'STT', merged: { top: 3, left: 1 } })
    expect(row4[0]).toEqual({ value: null, text: '', merged: { top: 3, left: 1 } })
    expect(row3[1]).toMatchObject({ value: 'Sản phẩm', merged: { top: 3, left: 2 } })
    expect(row3[2]).toEqual({ value: null, text: '', merged: { top: 3, left: 2 } })
    expect(row4[1]!.value).toBe('Tên')
    expect(row4[1]!.merged).toBeUndefined()
    // A section row merged across A:J keeps its whole width.
    const section = rowAt(rows, 6)
    expect(section[0]!.value).toBe('I. Phường Bần Yên Nhân')
    expect(section).toHaveLength(10)
  })

  it('formula, shared formula, rich text, hyperlink and error cells give plain values', async () => {
    const workbook = createWorkbook()
    const sheet = workbook.addWorksheet('Tính')
    sheet.getCell('A1').value = 2
    sheet.getCell('B1').value = { formula: 'A1*2', result: 4 }
    sheet.getCell('C1').value = { formula: 'TEXT(A1,"0")', result: 'hai' }
    sheet.getCell('A2').value = {
      richText: [{ text: 'Tương ' }, { text: 'Bần', font: { bold: true } }],
    }
    sheet.getCell('B2').value = { text: 'trang OCOP', hyperlink: 'https://ocop.example' }
    sheet.getCell('C2').value = { error: '#N/A' }
    sheet.getCell('D2').value = {
      formula: 'DATE(2021,3,5)',
      result: new Date(Date.UTC(2021, 2, 5)),
    }
    sheet.getCell('D2').numFmt = 'dd/mm/yyyy'
    sheet.getCell('A3').value = true
    const bytes = await workbookToBytes(workbook)
    const table = await readTable(bytes, 'tinh.xlsx', { kind: 'xlsx' })
    const [row1, row2, row3] = table.sheets[0]!.rows
    expect(row1!.cells.map((c) => c.value)).toEqual([2, 4, 'hai'])
    expect(row2!.cells.map((c) => [c.value, c.text])).toEqual([
      ['Tương Bần', 'Tương Bần'],
      ['trang OCOP', 'trang OCOP'],
      [null, '#N/A'],
      [new Date(Date.UTC(2021, 2, 5)), '05/03/2021'],
    ])
    expect(row3!.cells[0]).toMatchObject({ value: true, text: 'TRUE' })
  })

  it('a hidden sheet is reported hidden', async () => {
    const workbook = createWorkbook()
    workbook.addWorksheet('Hiện').getCell('A1').value = 'x'
    const hidden = workbook.addWorksheet('Ẩn')
    hidden.getCell('A1').value = 'y'
    hidden.state = 'hidden'
    const table = await readTable(await workbookToBytes(workbook), 'an.xlsx', { kind: 'xlsx' })
    expect(table.sheets.map((s) => [s.name, s.state])).toEqual([
      ['Hiện', 'visible'],
      ['Ẩn', 'hidden'],
    ])
  })
})

describe('readTable: CSV, legacy .xls and .ods', () => {
  async function firstProduct(id: string): Promise<[string, unknown]> {
    const file = entry(id)
    const table = await read(file.file)
    expect(table.sheets).toHaveLength(1)
    expect(table.sheets[0]!.name).toBe(file.file.replace(/\.csv$/, ''))
    const cells = rowAt(table.sheets[0]!.rows, file.data_rows[0]!)
    return [expectedRows(file)[0]!.product!, cells[1]!.value]
  }

  it('08 (UTF-8 BOM, comma): header without BOM, first product as expected', async () => {
    const [expected, actual] = await firstProduct('08')
    expect(actual).toBe(expected)
    const rows = (await read('08_csv_utf8_bom_comma.csv')).sheets[0]!.rows
    expect(rowAt(rows, 1)[0]!.value).toBe('STT')
    // Quoted line breaks stay inside their field: record 3's note has two lines.
    expect(rowAt(rows, 3)[11]!.value).toBe('Đánh giá lại năm 2023\nGiữ nguyên hạng')
  })

  it('09 (Windows-1258, semicolon): decoded, composed to NFC, first product as expected', async () => {
    const [expected, actual] = await firstProduct('09')
    expect(actual).toBe(expected)
    const rows = (await read('09_csv_cp1258_semicolon.csv')).sheets[0]!.rows
    expect(rowAt(rows, 3).map((c) => c.value)).toContain('Xã/phường')
    // The score as written: a decimal comma.
    expect(rowAt(rows, 4)[5]!.value).toBe(expectedRows(entry('09'))[0]!.score!.replace('.', ','))
    expect(rows.some((r) => r.row === 2)).toBe(false) // the all-empty record 2
  })

  it('15 (.ods): the sheet LibreOffice named, its merged title, dates as dates', async () => {
    const table = await read('15_libreoffice_list.ods')
    expect(table.sheets.map((s) => s.name)).toEqual(['Trang tính1'])
    const rows = table.sheets[0]!.rows
    expect(rowAt(rows, 1)).toHaveLength(11)
    expect(rowAt(rows, 1)[10]!.merged).toEqual({ top: 1, left: 1 })
    const date = rowAt(rows, 4)[10]!.value
    expect(date).toBeInstanceOf(Date)
    expect(ddmmyyyy(date as Date)).toBe(expectedRows(entry('15'))[0]!.decision_date)
  })

  it('10 (.xls) gives the same rows as 01', async () => {
    const strip = (t: TableFile) =>
      t.sheets.map((s) => ({
        name: s.name,
        state: s.state,
        rows: s.rows.map((r) => ({ row: r.row, cells: r.cells.map((c) => [c.value, c.text]) })),
      }))
    const xls = await read('10_legacy_biff8.xls')
    const xlsx = await read('01_clean_list.xlsx')
    expect(strip(xls)).toEqual(strip(xlsx))
  })
})

describe('readTable: limits and failures', () => {
  it('refuses an xlsx with more rows than the limit, naming file and sheet', async () => {
    const name = '01_clean_list.xlsx'
    const bytes = bytesOf(name)
    const error = await thrown(
      readTable(bytes, name, { kind: 'xlsx' }, { maxRows: 10, maxCells: 1e6 }),
    )
    expect(error.code).toBe('import.read.too-many-rows')
    expect(error.message).toContain(name)
    expect(error.message).toContain('Danh sách OCOP')
    expect(error.message).toContain('tách danh sách')
  })

  it('refuses a CSV and an .xls with more rows than the limit', async () => {
    for (const name of ['08_csv_utf8_bom_comma.csv', '10_legacy_biff8.xls']) {
      const bytes = bytesOf(name)
      const kind = await detectFileKind(bytes, name)
      const error = await thrown(readTable(bytes, name, kind, { maxRows: 5, maxCells: 1e6 }))
      expect(error.code).toBe('import.read.too-many-rows')
      expect(error.message).toContain(name)
    }
  })

  it('refuses a file with more cells than the limit', async () => {
    const name = '01_clean_list.xlsx'
    const error = await thrown(
      readTable(bytesOf(name), name, { kind: 'xlsx' }, { maxRows: 1000, maxCells: 50 }),
    )
    expect(error.code).toBe('import.read.too-many-cells')
  })

  it('turns a reader crash into an AppError naming the file', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6, 7, 8])
    for (const kind of [{ kind: 'xlsx' }, { kind: 'ods' }] as const) {
      const error = await thrown(readTable(bytes, 'hong.xlsx', kind))
      expect(error.code).toMatch(/^import\.read\./)
      expect(error.message).toContain('hong.xlsx')
    }
  })

  it('refuses a CSV with an unclosed quote', async () => {
    const bytes = new TextEncoder().encode('STT,Tên\n1,"Bánh\n2,Gạo\n')
    const error = await thrown(
      readTable(bytes, 'ngoac.csv', { kind: 'csv', encoding: 'utf-8', renamed: false }),
    )
    expect(error.code).toBe('import.read.csv-quotes')
    expect(error.message).toContain('ngoac.csv')
  })
})
