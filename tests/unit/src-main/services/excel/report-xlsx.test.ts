import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import type { DocRow, OfficialDocument } from '../../../../../src-shared/documents/model'
import {
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  RECIPIENTS_LABEL,
  SAMPLE_MARK,
  SIZES,
} from '../../../../../src-shared/documents/lines'
import type { JobProgressReport } from '../../../../../src-main/workers/protocol'
import {
  MOTTO_RULE,
  REPORT_SHEET,
  SHORT_RULE,
  SIGNATURE_SPACE,
  columnLetter,
  pngSize,
  writeReportXlsx,
} from '../../../../../src-main/services/excel/report-xlsx'
import { runJob } from '../../../../../src-main/services/excel/jobs'
import { lineCount } from '../../../../../src-main/services/excel/report-xlsx-style'
import { buildReport } from '../../../../../src-shared/reports/build'
import { myHaoData } from '../../../src-shared/reports/my-hao-fixture'
import {
  loadWorkbook,
  type Cell,
  type Worksheet,
} from '../../../../../src-main/services/excel/workbook'

const HYPERLINK = '=HYPERLINK("http://x.example","bấm vào đây")'

function productsModel(rows: DocRow[] = defaultRows()): OfficialDocument {
  return {
    type: 'BC',
    // A unit under its people's committee: the one kind of issuer with a parent line.
    issuer: {
      parent: 'UBND THỊ XÃ MỸ HÀO',
      name: ['PHÒNG KINH TẾ'],
      nameInText: 'Phòng Kinh tế thị xã Mỹ Hào',
      abbreviation: 'KT',
      place: 'Mỹ Hào',
    },
    number: '5',
    signedOn: '2021-01-05',
    title: {
      type: 'DANH SÁCH',
      subject: 'Sản phẩm OCOP của thị xã Mỹ Hào',
      subtitle: '(Tính đến ngày 31/12/2020)',
    },
    sections: [
      {
        heading: 'I. Danh sách sản phẩm',
        paragraphs: ['Danh sách các sản phẩm OCOP còn hiệu lực công nhận đến ngày báo cáo.'],
        table: {
          columns: [
            { key: 'stt', title: 'STT', width: 5, align: 'center' },
            { key: 'product', title: 'Tên sản phẩm', width: 28, align: 'left' },
            { key: 'producer', title: 'Chủ thể', width: 26, align: 'left' },
            { key: 'score', title: 'Điểm', width: 7, align: 'right' },
            { key: 'stars', title: 'Hạng sao', width: 7, align: 'center' },
            {
              key: 'decisionNo',
              title: 'Số',
              width: 12,
              group: 'Quyết định công nhận',
              align: 'left',
              noBreak: true,
            },
            {
              key: 'decisionDate',
              title: 'Ngày',
              width: 11,
              group: 'Quyết định công nhận',
              align: 'center',
            },
            { key: 'note', title: 'Ghi chú', width: 14, align: 'left' },
          ],
          rows,
        },
      },
    ],
    notes: ['Hạng sao theo quyết định công nhận còn hiệu lực tại ngày báo cáo.'],
    recipients: {
      addressees: [],
      copies: ['Sở Nông nghiệp và Môi trường', 'Chủ tịch, các PCT UBND thị xã'],
      archive: 'KT',
    },
    signers: [
      { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn A' },
    ],
    annexes: [],
    landscape: true,
    fileName: 'danh-sach-san-pham-ocop-2020-12-31',
    sample: false,
  }
}

function defaultRows(): DocRow[] {
  return [
    { kind: 'group', label: 'I. Sản phẩm 4 sao' },
    {
      kind: 'data',
      cells: [1, 'Bánh cuốn Mỹ Hào', HYPERLINK, 75.5, 4, '12/QĐ-UBND', '05/01/2020', 'mới'],
    },
    { kind: 'data', cells: [2, '+84 912 345 678', '@chủ thể', 80, 4, null, '', 'nâng hạng'] },
    { kind: 'subtotal', cells: ['Cộng', null, null, null, 2, null, null, null] },
    { kind: 'group', label: 'II. Sản phẩm 3 sao' },
    { kind: 'data', cells: [3, 'Nhãn lồng', 'HTX Nhãn', 60, 3, '3/QĐ', '07/02/2020', 'mới'] },
    { kind: 'subtotal', cells: ['Cộng', null, null, null, 1, null, null, null] },
    { kind: 'total', cells: ['Tổng cộng', null, null, null, 3, null, null, null] },
  ]
}

async function sheetOf(bytes: Uint8Array): Promise<Worksheet> {
  const workbook = await loadWorkbook(bytes)
  const sheet = workbook.getWorksheet(REPORT_SHEET)
  if (!sheet) throw new Error('no report sheet')
  return sheet
}

function cells(sheet: Worksheet): Cell[] {
  const found: Cell[] = []
  sheet.eachRow({ includeEmpty: false }, (row) =>
    row.eachCell({ includeEmpty: false }, (cell) => {
      found.push(cell)
    }),
  )
  return found
}

function findCell(sheet: Worksheet, text: string): Cell {
  const cell = cells(sheet).find((c) => c.value === text)
  if (!cell) throw new Error(`no cell "${text}"`)
  return cell
}

/** The XML of the `index`-th sheet (1-based) as written in the file. */
async function sheetXml(bytes: Uint8Array, index: number): Promise<string> {
  const file = (await JSZip.loadAsync(bytes)).file(`xl/worksheets/sheet${index}.xml`)
  if (!file) throw new Error(`no sheet${index}.xml`)
  return file.async('string')
}

/**
 * A column's printed width in mm: a width unit is a digit of the default font, Calibri 11 pt
 * (1038/2048 em), as LibreOffice reads it (0.0771 in, measured) and Excel prints it.
 */
const widthMm = (width: number): number => width * (1038 / 2048) * 11 * (25.4 / 72)
/** The printable width of A4 inside the decree's margins (30 mm left, 15 mm right). */
const lineMm = (landscape: boolean): number => (landscape ? 297 : 210) - 30 - 15

function merges(sheet: Worksheet): string[] {
  return (sheet.model as unknown as { merges: string[] }).merges
}

/** A tiny valid PNG (w × h, grey). */
function png(width: number, height: number): Uint8Array {
  const crcTable = Array.from({ length: 256 }, (_, n) => {
    let c = n
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1
    return c >>> 0
  })
  const crc = (bytes: Uint8Array): number => {
    let c = 0xffffffff
    for (const byte of bytes) c = (crcTable[(c ^ byte) & 0xff] as number) ^ (c >>> 8)
    return (c ^ 0xffffffff) >>> 0
  }
  const chunk = (type: string, data: Uint8Array): Buffer => {
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
    const out = Buffer.alloc(body.length + 8)
    out.writeUInt32BE(data.length, 0)
    body.copy(out, 4)
    out.writeUInt32BE(crc(body), body.length + 4)
    return out
  }
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(width, 0)
  ihdr.writeUInt32BE(height, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 0 // greyscale
  const raw = Buffer.alloc((width + 1) * height, 0x80)
  for (let y = 0; y < height; y++) raw[y * (width + 1)] = 0
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array()),
    ]),
  )
}

describe('writeReportXlsx: products report (streamed)', () => {
  it('writes the header block, title, table and closing block of Nghị định 30', async () => {
    const progress: JobProgressReport[] = []
    const bytes = await writeReportXlsx(productsModel(), { onProgress: (p) => progress.push(p) })
    const sheet = await sheetOf(bytes)

    expect(sheet.getCell('A1').value).toBe('UBND THỊ XÃ MỸ HÀO')
    expect(sheet.getCell('A1').font.bold).toBeFalsy()
    expect(sheet.getCell('A2').value).toBe('PHÒNG KINH TẾ')
    expect(sheet.getCell('A2').font.bold).toBe(true)
    expect(sheet.getCell('A3').value).toBe(SHORT_RULE)
    expect(sheet.getCell('A4').value).toBe('Số: 05/BC-KT')
    const national = findCell(sheet, NATIONAL_NAME)
    expect(national.row).toBe(1)
    expect(national.font.bold).toBe(true)
    const motto = findCell(sheet, NATIONAL_MOTTO)
    expect(motto.row).toBe(2)
    expect(motto.font.bold).toBe(true)
    expect(findCell(sheet, MOTTO_RULE).row).toBe(3)
    const date = findCell(sheet, 'Mỹ Hào, ngày 05 tháng 01 năm 2021')
    expect(date.row).toBe(4)
    expect(date.font.italic).toBe(true)

    // Left half and right half of the header block are merged, side by side.
    const split = Number(national.col) - 1
    expect(merges(sheet)).toEqual(
      expect.arrayContaining([
        `A1:${columnLetter(split)}1`,
        `${columnLetter(split + 1)}1:H1`,
        `A2:${columnLetter(split)}2`,
        `${columnLetter(split + 1)}2:H2`,
      ]),
    )

    const title = findCell(sheet, 'DANH SÁCH')
    expect(title.font.bold).toBe(true)
    expect(title.alignment.horizontal).toBe('center')
    expect(merges(sheet)).toContain(`A${title.row}:H${title.row}`)
    expect(findCell(sheet, 'Sản phẩm OCOP của thị xã Mỹ Hào').font.bold).toBe(true)
    expect(findCell(sheet, '(Tính đến ngày 31/12/2020)').font.italic).toBe(true)
    expect(findCell(sheet, 'I. Danh sách sản phẩm').font.bold).toBe(true)
    const paragraph = findCell(
      sheet,
      'Danh sách các sản phẩm OCOP còn hiệu lực công nhận đến ngày báo cáo.',
    )
    expect(paragraph.alignment.wrapText).toBe(true)
    expect(merges(sheet)).toContain(`A${paragraph.row}:H${paragraph.row}`)

    expect(progress.at(-1)?.stage).toMatch(/nén/)
    expect(progress.some((p) => p.stage === 'Đang ghi phần cuối văn bản' && p.done === 8)).toBe(
      true,
    )
  })

  it('writes no parent line above a people\'s committee, and "Số" beside the date under both rules', async () => {
    const committee: OfficialDocument = {
      ...productsModel(),
      issuer: {
        parent: null,
        name: ['ỦY BAN NHÂN DÂN', 'THỊ XÃ MỸ HÀO'],
        nameInText: 'Ủy ban nhân dân thị xã Mỹ Hào',
        abbreviation: 'UBND',
        place: 'Mỹ Hào',
      },
    }
    const sheet = await sheetOf(await writeReportXlsx(committee))
    expect(
      cells(sheet)
        .filter((c) => Number(c.col) === 1 && Number(c.row) <= 4)
        .map((c) => c.value),
    ).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ XÃ MỸ HÀO', SHORT_RULE, 'Số: 05/BC-UBND'])
    expect(sheet.getCell('A1').font.bold).toBe(true)
    expect(sheet.getCell('A2').font.bold).toBe(true)
    expect(findCell(sheet, 'Mỹ Hào, ngày 05 tháng 01 năm 2021').row).toBe(4)

    // One name line: its rule right under it, "Số" still on the date's row.
    const oneLine = await sheetOf(
      await writeReportXlsx({
        ...committee,
        issuer: { ...committee.issuer, name: ['UBND XÃ NHÂN HÒA'] },
      }),
    )
    expect(oneLine.getCell('A2').value).toBe(SHORT_RULE)
    expect(findCell(oneLine, MOTTO_RULE).row).toBe(3)
    expect(findCell(oneLine, 'Số: 05/BC-UBND').row).toBe(4)
    expect(findCell(oneLine, 'Mỹ Hào, ngày 05 tháng 01 năm 2021').row).toBe(4)

    // A parent over a two-line name: the left column is the longer, "Số" and the date move down.
    const tall = await sheetOf(
      await writeReportXlsx({
        ...productsModel(),
        issuer: { ...productsModel().issuer, name: ['PHÒNG KINH TẾ', 'THỊ XÃ MỸ HÀO'] },
      }),
    )
    expect(tall.getCell('A1').value).toBe('UBND THỊ XÃ MỸ HÀO')
    expect(tall.getCell('A4').value).toBe(SHORT_RULE)
    expect(findCell(tall, MOTTO_RULE).row).toBe(3)
    expect(findCell(tall, 'Số: 05/BC-KT').row).toBe(5)
    expect(findCell(tall, 'Mỹ Hào, ngày 05 tháng 01 năm 2021').row).toBe(5)
  })

  it('writes a letter (công văn): the subject under the number, no title rows', async () => {
    const letter: OfficialDocument = {
      ...productsModel(),
      type: 'CV',
      number: '12',
      title: { type: 'CÔNG VĂN', subject: 'đề nghị đánh giá, phân hạng sản phẩm OCOP' },
      // Phòng Kinh tế (KT) writes it, its general section (TH) drafts it.
      recipients: { addressees: ['Ủy ban nhân dân tỉnh Hưng Yên'], copies: [], archive: 'TH' },
    }
    const sheet = await sheetOf(await writeReportXlsx(letter))
    const number = findCell(sheet, 'Số: 12/KT-TH')
    const subject = findCell(sheet, 'V/v đề nghị đánh giá, phân hạng sản phẩm OCOP')
    expect(Number(subject.row)).toBe(Number(number.row) + 1)
    expect(subject.font.size).toBe(12)
    expect(cells(sheet).some((c) => c.value === 'CÔNG VĂN')).toBe(false)
    findCell(sheet, 'Kính gửi: Ủy ban nhân dân tỉnh Hưng Yên.')
  })

  it('writes a two-level table header with merged parents, repeated on every page', async () => {
    const sheet = await sheetOf(await writeReportXlsx(productsModel()))
    const stt = findCell(sheet, 'STT')
    const top = Number(stt.row)
    const parent = findCell(sheet, 'Quyết định công nhận')
    expect(parent.row).toBe(top)
    expect(parent.col).toBe(6)
    expect(merges(sheet)).toEqual(
      expect.arrayContaining([`A${top}:A${top + 1}`, `F${top}:G${top}`, `H${top}:H${top + 1}`]),
    )
    expect(sheet.getCell(`F${top + 1}`).value).toBe('Số')
    expect(sheet.getCell(`G${top + 1}`).value).toBe('Ngày')
    for (const cell of [stt, parent, sheet.getCell(`G${top + 1}`)]) {
      expect(cell.font.bold).toBe(true)
      expect(cell.alignment).toMatchObject({ horizontal: 'center', wrapText: true })
    }
    // A short table in the body repeats no header: it would stand over the closing block alone.
    expect(sheet.pageSetup.printTitlesRow).toBeUndefined()
    const long = productsModel()
    const table = long.sections[0]!.table!
    table.rows = Array.from({ length: 30 }, () => table.rows).flat()
    const longSheet = await sheetOf(await writeReportXlsx(long))
    const longTop = Number(findCell(longSheet, 'STT').row)
    expect(longSheet.pageSetup.printTitlesRow).toBe(`${longTop}:${longTop + 1}`)
  })

  it('sets A4, orientation, the decree margins, 100 % without fit to width, page numbers from page 2', async () => {
    const bytes = await writeReportXlsx(productsModel())
    const landscape = await sheetOf(bytes)
    const setup = landscape.pageSetup
    expect(setup.paperSize).toBe(9)
    expect(setup.orientation).toBe('landscape')
    // Shrinking the sheet to the paper printed the header at ~8.7 pt: it prints at full size.
    expect(setup.scale).toBe(100)
    expect(setup.fitToPage).toBe(false)
    expect(await sheetXml(bytes, 1)).not.toContain('fitToPage')
    expect(setup.firstPageNumber).toBe(1)
    const mm = (inches: number | undefined): number => Math.round((inches ?? 0) * 25.4)
    expect(mm(setup.margins?.top)).toBeGreaterThanOrEqual(20)
    expect(mm(setup.margins?.top)).toBeLessThanOrEqual(25)
    expect(mm(setup.margins?.bottom)).toBeGreaterThanOrEqual(20)
    expect(mm(setup.margins?.bottom)).toBeLessThanOrEqual(25)
    expect(mm(setup.margins?.left)).toBeGreaterThanOrEqual(30)
    expect(mm(setup.margins?.left)).toBeLessThanOrEqual(35)
    expect(mm(setup.margins?.right)).toBeGreaterThanOrEqual(15)
    expect(mm(setup.margins?.right)).toBeLessThanOrEqual(20)
    expect(landscape.headerFooter.differentFirst).toBe(true)
    expect(landscape.headerFooter.oddHeader).toMatch(/^&C.*&P$/)
    expect(landscape.headerFooter.firstHeader ?? '').toBe('')

    const portrait = await sheetOf(await writeReportXlsx({ ...productsModel(), landscape: false }))
    expect(portrait.pageSetup.orientation).toBe('portrait')
  })

  it('marks a sample from the practice register above its title and on every page', async () => {
    const real = await sheetOf(await writeReportXlsx(productsModel()))
    expect(cells(real).map((c) => c.value)).not.toContain(SAMPLE_MARK)

    const sample = await sheetOf(await writeReportXlsx({ ...productsModel(), sample: true }))

    const mark = findCell(sample, SAMPLE_MARK)
    expect(mark.row).toBe(5)
    expect(mark.font.bold).toBe(true)
    expect(merges(sample)).toContain('A5:H5')
    expect(findCell(sample, 'DANH SÁCH').row).toBeGreaterThan(5)
    expect(sample.headerFooter.oddHeader).toMatch(/^&L.*DỮ LIỆU MẪU.*&C.*&P$/)
    expect(sample.headerFooter.firstHeader).toContain('DỮ LIỆU MẪU')
  })

  it('bolds group, subtotal and total rows, merges group rows and borders every table cell', async () => {
    const sheet = await sheetOf(await writeReportXlsx(productsModel()))
    const group = findCell(sheet, 'I. Sản phẩm 4 sao')
    expect(group.font.bold).toBe(true)
    expect(merges(sheet)).toContain(`A${group.row}:H${group.row}`)
    const subtotal = findCell(sheet, 'Cộng')
    expect(subtotal.font.bold).toBe(true)
    expect(sheet.getCell(`E${subtotal.row}`).value).toBe(2)
    expect(sheet.getCell(`E${subtotal.row}`).font.bold).toBe(true)
    const total = findCell(sheet, 'Tổng cộng')
    expect(total.font.bold).toBe(true)
    expect(sheet.getCell(`E${total.row}`).value).toBe(3)

    const data = findCell(sheet, 'Bánh cuốn Mỹ Hào')
    expect(data.font.bold).toBeFalsy()
    const score = sheet.getCell(`D${data.row}`)
    expect(score.value).toBe(75.5)
    expect(score.numFmt).toBe('0.0')
    expect(score.alignment.horizontal).toBe('right')
    expect(sheet.getCell(`E${data.row}`).numFmt ?? 'General').not.toBe('0.0')

    const top = Number(findCell(sheet, 'STT').row)
    for (let r = top; r <= Number(total.row); r++) {
      for (let c = 1; c <= 8; c++) {
        const border = sheet.getRow(r).getCell(c).border
        expect(border?.top?.style, `${columnLetter(c)}${r}`).toBe('thin')
        expect(border?.bottom?.style, `${columnLetter(c)}${r}`).toBe('thin')
        expect(border?.left?.style, `${columnLetter(c)}${r}`).toBe('thin')
        expect(border?.right?.style, `${columnLetter(c)}${r}`).toBe('thin')
      }
    }
    // Column widths come from the content and the paper: together they span the printable
    // width of a landscape A4 page, and the longest texts get the widest columns.
    const widths = [1, 2, 3, 4, 5, 6, 7, 8].map((c) => sheet.getColumn(c).width ?? 0)
    const printed = widths.reduce((sum, w) => sum + widthMm(w), 0)
    expect(printed).toBeLessThanOrEqual(lineMm(true))
    expect(printed).toBeGreaterThan(lineMm(true) - 0.2)
    expect(Math.max(...widths)).toBe(widths[2])
    expect(widths[4]).toBeLessThan(widths[1] as number)
  })

  it('writes notes, "Nơi nhận" on the left and the signature block on the right', async () => {
    const sheet = await sheetOf(await writeReportXlsx(productsModel()))
    const note = findCell(
      sheet,
      'Hạng sao theo quyết định công nhận còn hiệu lực tại ngày báo cáo.',
    )
    expect(note.font.italic).toBe(true)
    const label = findCell(sheet, RECIPIENTS_LABEL)
    expect(label.font).toMatchObject({ bold: true, italic: true, size: 12 })
    expect(label.col).toBe(1)
    const authority = findCell(sheet, 'TM. ỦY BAN NHÂN DÂN')
    expect(authority.row).toBe(label.row)
    expect(Number(authority.col)).toBeGreaterThan(1)
    expect(authority.font.bold).toBe(true)
    const delegation = findCell(sheet, 'KT. CHỦ TỊCH')
    expect(delegation.row).toBe(Number(label.row) + 1)
    const title = findCell(sheet, 'PHÓ CHỦ TỊCH')
    expect(title.row).toBe(Number(label.row) + 2)
    expect(title.font.bold).toBe(true)
    expect(findCell(sheet, '- Sở Nông nghiệp và Môi trường;').font.size).toBe(11)
    expect(findCell(sheet, '- Chủ tịch, các PCT UBND thị xã;').row).toBe(Number(label.row) + 2)
    // The drafting unit closes the list.
    expect(findCell(sheet, '- Lưu: VT, KT.').row).toBe(Number(label.row) + 3)
    const name = findCell(sheet, 'Nguyễn Văn A')
    expect(name.font.bold).toBe(true)
    expect(name.row).toBe(Number(title.row) + SIGNATURE_SPACE + 1)
    expect(name.col).toBe(authority.col)
  })

  it('shares the printable width of its orientation between the two halves of a page without a table', async () => {
    const withoutTable = (landscape: boolean): OfficialDocument => ({
      ...productsModel(),
      landscape,
      sections: [{ heading: 'I. Đề nghị', paragraphs: ['Đề nghị công nhận 1 sản phẩm.'] }],
    })
    for (const landscape of [false, true]) {
      const sheet = await sheetOf(await writeReportXlsx(withoutTable(landscape)))
      const widths = [1, 2].map((c) => sheet.getColumn(c).width ?? 0)
      expect(sheet.getColumn(3).width).toBeUndefined()
      const total = widths.reduce((sum, w) => sum + widthMm(w), 0)
      // Wider than the line, LibreOffice printed the right half on pages of its own.
      expect(total, landscape ? 'landscape' : 'portrait').toBeLessThanOrEqual(lineMm(landscape))
      expect(total).toBeGreaterThan(lineMm(landscape) - 0.2)
      // The issuer's half is the narrower one.
      expect(widths[0]).toBeLessThan(widths[1] as number)
      expect(sheet.pageSetup).toMatchObject({ scale: 100, fitToPage: false })
    }
  })

  it('writes every cell in Times New Roman and never a formula, even for "=HYPERLINK(…)"', async () => {
    const bytes = await writeReportXlsx(productsModel())
    const sheet = await sheetOf(bytes)
    const all = cells(sheet)
    expect(all.length).toBeGreaterThan(60)
    for (const cell of all) {
      expect(cell.font?.name, cell.address).toBe('Times New Roman')
      expect(cell.formula, cell.address).toBeUndefined()
      expect(typeof cell.value === 'string' || typeof cell.value === 'number', cell.address).toBe(
        true,
      )
    }
    const producer = findCell(sheet, HYPERLINK)
    expect(producer.type).toBe(3) // ValueType.String
    expect(findCell(sheet, '+84 912 345 678').type).toBe(3)
    expect(findCell(sheet, '@chủ thể').type).toBe(3)
    // And in the file itself: no <f> element, every text a shared string.
    const xml = await sheetXml(bytes, 1)
    expect(xml).not.toMatch(/<f[ >]/)
    expect(xml).not.toMatch(/t="str"/)
  })

  it('removes control characters that would make the file unreadable', async () => {
    const bytes = await writeReportXlsx(
      productsModel([
        { kind: 'data', cells: [1, 'Chè\u0007 Tân Cương', 'A\u0000B', 80, 4, null, null, null] },
      ]),
    )
    const sheet = await sheetOf(bytes)
    expect(findCell(sheet, 'Chè Tân Cương').type).toBe(3)
    expect(findCell(sheet, 'AB').type).toBe(3)
  })
})

describe('writeReportXlsx: plan report with its chart', () => {
  function planModel(): OfficialDocument {
    return {
      ...productsModel(),
      landscape: false,
      title: { type: 'BÁO CÁO', subject: 'Kết quả thực hiện kế hoạch OCOP năm 2020' },
      sections: [
        {
          heading: '1. Kết quả thực hiện các chỉ tiêu',
          table: {
            columns: [
              { key: 'target', title: 'Chỉ tiêu', width: 40, align: 'left' },
              { key: 'baseline', title: 'Năm gốc', width: 10, align: 'right' },
              { key: 'current', title: 'Hiện tại', width: 10, align: 'right' },
              { key: 'goal', title: 'Mục tiêu', width: 10, align: 'right' },
            ],
            rows: [{ kind: 'data', cells: ['Sản phẩm 3 sao trở lên', 4, 6, 8] }],
          },
        },
        { heading: '2. Biểu đồ', image: 'plan-star-chart' },
        {
          heading: '3. Nâng hạng',
          table: {
            columns: [
              { key: 'stt', title: 'STT', width: 5, align: 'center' },
              { key: 'product', title: 'Sản phẩm', width: 30, align: 'left' },
            ],
            rows: [
              { kind: 'data', cells: [1, 'Bánh cuốn'] },
              { kind: 'data', cells: [2, 'Nhãn lồng'] },
            ],
          },
        },
      ],
    }
  }

  it('anchors the PNG below its heading, about 16 cm wide', async () => {
    const bytes = await writeReportXlsx(planModel(), { chartPng: png(800, 400) })
    const workbook = await loadWorkbook(bytes)
    const sheet = workbook.getWorksheet(REPORT_SHEET)!
    const images = sheet.getImages()
    expect(images).toHaveLength(1)
    const heading = findCell(sheet, '2. Biểu đồ')
    const range = images[0]!.range as unknown as { tl: { nativeRow: number } }
    expect(range.tl.nativeRow).toBe(Number(heading.row)) // 0-based: the row under the heading
    const drawing = await (
      await JSZip.loadAsync(bytes)
    )
      .file('xl/drawings/drawing1.xml')!
      .async('string')
    const cx = Number(/<xdr:ext cx="(\d+)"/.exec(drawing)?.[1])
    expect(cx / 360_000).toBeGreaterThan(15.5) // EMU → cm
    expect(cx / 360_000).toBeLessThan(16.5)
    // Short tables in the body repeat no header.
    expect(sheet.pageSetup.printTitlesRow).toBeUndefined()
    expect(sheet.pageSetup.orientation).toBe('portrait')
    for (const cell of cells(sheet)) expect(cell.formula).toBeUndefined()
  })

  it('repeats the first header of the last run of tables with the same columns', async () => {
    const base = productsModel()
    const short = base.sections[0]!.table!
    const table = { ...short, rows: Array.from({ length: 30 }, () => short.rows).flat() }
    const twoLists: OfficialDocument = {
      ...base,
      sections: [
        { heading: 'I. Sắp hết hạn', table },
        { heading: 'II. Đã hết hạn', table },
      ],
    }
    const sheet = await sheetOf(await writeReportXlsx(twoLists))
    const first = Number(findCell(sheet, 'I. Sắp hết hạn').row) + 1
    expect(sheet.pageSetup.printTitlesRow).toBe(`${first}:${first + 1}`)
  })

  it('starts a new page before the chart when it would be cut by a page break', async () => {
    const withChart = (model: OfficialDocument) =>
      writeReportXlsx(model, { chartPng: png(800, 400) })
    const short = await withChart(planModel())
    const shortHeading = Number(findCell(await sheetOf(short), '2. Biểu đồ').row)
    expect(await sheetXml(short, 1)).not.toContain(`<brk id="${shortHeading - 1}"`)
    const long = planModel()
    long.sections[0]!.paragraphs = Array.from({ length: 20 }, (_, i) => `Đoạn ${i + 1}.`)
    const xml = await sheetXml(await withChart(long), 1)
    const sheet = await sheetOf(await writeReportXlsx(long, { chartPng: png(800, 400) }))
    const heading = Number(findCell(sheet, '2. Biểu đồ').row)
    expect(xml).toContain(`<brk id="${heading - 1}"`)
    // No header row repeats above the picture.
    expect(sheet.pageSetup.printTitlesRow).toBeUndefined()
  })

  it('repeats no header when a picture follows the only table', async () => {
    const model = planModel()
    model.sections = model.sections.slice(0, 2)
    const sheet = await sheetOf(await writeReportXlsx(model, { chartPng: png(800, 400) }))
    expect(sheet.pageSetup.printTitlesRow).toBeUndefined()
  })

  it('starts a new page before the notes when the closing block would straddle a page break', async () => {
    const pushed = (paragraphs: number) => {
      const model = productsModel()
      model.sections[0]!.paragraphs = Array.from({ length: paragraphs }, (_, i) => `Đoạn ${i + 1}.`)
      return model
    }
    let moved = 0
    for (let n = 10; n <= 40; n += 2) {
      const bytes = await writeReportXlsx(pushed(n))
      const sheet = await sheetOf(bytes)
      const note = Number(findCell(sheet, pushed(n).notes[0]!).row)
      const xml = await sheetXml(bytes, 1)
      const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))
      // Never a break inside the notes and the closing block: at most one just before them.
      for (const at of breaks) expect(at).toBeLessThanOrEqual(note - 1)
      if (breaks.includes(note - 1)) moved += 1
    }
    expect(moved).toBeGreaterThan(0)
  })

  it('keeps the title and header of a table with its first row, and a group row with the row under it', async () => {
    const rows = Array.from({ length: 12 }, (_, g): DocRow[] => [
      { kind: 'group', label: `Nhóm ${g + 1}` },
      {
        kind: 'data',
        cells: [g + 1, `Sản phẩm ${g + 1}`, 'Chủ thể', 70, 4, '1/QĐ', '01/01/2020', ''],
      },
      {
        kind: 'data',
        cells: [g + 1, `Sản phẩm ${g + 1}b`, 'Chủ thể', 70, 4, '1/QĐ', '01/01/2020', ''],
      },
    ]).flat()
    const pushed = (paragraphs: number) => {
      const model = productsModel(rows)
      const lead = {
        heading: 'Mở đầu',
        paragraphs: Array.from({ length: paragraphs }, (_, i) => `Đoạn ${i + 1}.`),
      }
      model.sections = [lead, ...model.sections]
      return model
    }
    const kept = { title: 0, group: 0 }
    for (let n = 20; n <= 44; n += 1) {
      const bytes = await writeReportXlsx(pushed(n))
      const sheet = await sheetOf(bytes)
      const title = Number(findCell(sheet, 'I. Danh sách sản phẩm').row)
      const first = Number(findCell(sheet, 'Sản phẩm 1').row)
      const groups = rows.flatMap((row) =>
        row.kind === 'group' ? [Number(findCell(sheet, row.label).row)] : [],
      )
      const breaks = [...(await sheetXml(bytes, 1)).matchAll(/<brk id="(\d+)"/g)].map((m) =>
        Number(m[1]),
      )
      for (const at of breaks) {
        // A page never ends between the title and the first row, nor right after a group row.
        expect(at < title || at >= first).toBe(true)
        expect(groups).not.toContain(at)
      }
      if (breaks.includes(title - 1)) kept.title += 1
      if (groups.some((row) => breaks.includes(row - 1))) kept.group += 1
    }
    expect(kept.title).toBeGreaterThan(0)
    expect(kept.group).toBeGreaterThan(0)
  })

  it('takes the last paragraph of the text to the new page with the closing block', async () => {
    // A decision: no table, no notes; its last article ends the text ("… thi hành Quyết định này./.").
    const pushed = (paragraphs: number) => {
      const model = productsModel()
      model.notes = []
      model.sections = [
        { paragraphs: Array.from({ length: paragraphs }, (_, i) => `Điều ${i + 1}. Nội dung.`) },
      ]
      return model
    }
    let moved = 0
    for (let n = 30; n <= 60; n += 2) {
      const bytes = await writeReportXlsx(pushed(n))
      const sheet = await sheetOf(bytes)
      const last = Number(findCell(sheet, `Điều ${n}. Nội dung.`).row)
      const xml = await sheetXml(bytes, 1)
      const breaks = [...xml.matchAll(/<brk id="(\d+)"/g)].map((m) => Number(m[1]))
      // Either no break at all, or one just before the last article: "Nơi nhận" and the signature
      // never stand alone on a page.
      for (const at of breaks) expect(at).toBe(last - 1)
      if (breaks.length > 0) moved += 1
    }
    expect(moved).toBeGreaterThan(0)
  })

  it('prints no placeholder line in the body when no chart was given', async () => {
    const sheet = await sheetOf(await writeReportXlsx(planModel()))
    expect(sheet.getImages()).toHaveLength(0)
    expect(cells(sheet).map((c) => c.value)).not.toContainEqual(
      expect.stringMatching(/biểu đồ kèm theo/),
    )
    // The next section follows straight after the chart's heading.
    expect(Number(findCell(sheet, '3. Nâng hạng').row)).toBe(
      Number(findCell(sheet, '2. Biểu đồ').row) + 1,
    )
  })

  it('reads PNG sizes and refuses other bytes', () => {
    expect(pngSize(png(12, 7))).toEqual({ width: 12, height: 7 })
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeNull()
  })
})

describe('writeReportXlsx: annexes on sheets of their own', () => {
  const ANNEX_TITLE = 'DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN CÒN HIỆU LỰC'
  const REFERENCE =
    '(Kèm theo Báo cáo số 05/BC-KT ngày 05 tháng 01 năm 2021 của Phòng Kinh tế thị xã Mỹ Hào)'

  /** A report whose body sums up and whose list goes to the annex, as the products report does. */
  function annexedModel(): OfficialDocument {
    const base = productsModel()
    return {
      ...base,
      title: { type: 'BÁO CÁO', subject: 'Sản phẩm OCOP được công nhận còn hiệu lực' },
      sections: [
        {
          heading: 'I. ĐÁNH GIÁ CHUNG',
          level: 1,
          paragraphs: ['Danh sách chi tiết tại Phụ lục kèm theo Báo cáo này.'],
        },
      ],
      annexes: [
        {
          title: ANNEX_TITLE,
          subtitle: '(Tính đến ngày 31/12/2020)',
          landscape: true,
          sections: base.sections,
        },
      ],
      landscape: false,
    }
  }

  async function sheetsOf(bytes: Uint8Array): Promise<Worksheet[]> {
    const sheets: Worksheet[] = []
    ;(await loadWorkbook(bytes)).eachSheet((sheet) => {
      sheets.push(sheet)
    })
    return sheets
  }

  it('writes the body on "Báo cáo" and the list on "Phụ lục" under its own heading', async () => {
    const [body, annex, ...more] = await sheetsOf(await writeReportXlsx(annexedModel()))
    expect(more).toEqual([])
    expect(body!.name).toBe(REPORT_SHEET)
    expect(annex!.name).toBe('Phụ lục')
    const bodyTexts = cells(body!).map((c) => c.value)
    expect(bodyTexts).toContain('Danh sách chi tiết tại Phụ lục kèm theo Báo cáo này.')
    expect(bodyTexts).toContain(RECIPIENTS_LABEL)
    expect(bodyTexts).not.toContain('Bánh cuốn Mỹ Hào')

    const heading = [1, 2, 3, 4].map((r) => annex!.getCell(`A${r}`))
    expect(heading.map((c) => c.value)).toEqual([
      'Phụ lục',
      ANNEX_TITLE,
      REFERENCE,
      '(Tính đến ngày 31/12/2020)',
    ])
    expect(heading.map((c) => [c.font.bold ?? false, c.font.italic ?? false])).toEqual([
      [true, false],
      [true, false],
      [false, true],
      [false, true],
    ])
    for (const cell of heading) expect(cell.alignment.horizontal).toBe('center')
    expect(merges(annex!)).toContain('A2:H2')
    // The annex carries no header block and no closing block of its own.
    const annexTexts = cells(annex!).map((c) => c.value)
    expect(annexTexts).not.toContain(NATIONAL_NAME)
    expect(annexTexts).not.toContain(RECIPIENTS_LABEL)
    expect(annexTexts).not.toContain('Nguyễn Văn A')
    // A blank row under the heading, then the annex's sections.
    expect(annex!.getRow(5).cellCount).toBe(0)
    expect(findCell(annex!, 'I. Danh sách sản phẩm').row).toBe(6)
    const stt = Number(findCell(annex!, 'STT').row)
    expect(annex!.pageSetup.printTitlesRow).toBe(`${stt}:${stt + 1}`)
    expect(findCell(annex!, 'Bánh cuốn Mỹ Hào').row).toBeGreaterThan(stt + 1)
  })

  it('names several annexes "Phụ lục I", "Phụ lục II" as their labels and heads each with its own label and title', async () => {
    const model = annexedModel()
    const list = model.annexes[0]!
    model.annexes = [
      list,
      { title: 'KẾT QUẢ NÂNG HẠNG', landscape: list.landscape, sections: list.sections },
    ]
    const [, first, second] = await sheetsOf(await writeReportXlsx(model))
    expect([first!.name, second!.name]).toEqual(['Phụ lục I', 'Phụ lục II'])
    expect(first!.getCell('A1').value).toBe('Phụ lục I')
    expect(second!.getCell('A1').value).toBe('Phụ lục II')
    expect(second!.getCell('A2').value).toBe('KẾT QUẢ NÂNG HẠNG')
    expect(second!.getCell('A3').value).toBe(REFERENCE)
    // Without a subtitle its sections start a row sooner.
    expect(findCell(second!, 'I. Danh sách sản phẩm').row).toBe(5)
  })

  it('prints each sheet at 100 % in its own orientation, numbering its pages from 1', async () => {
    const model = annexedModel()
    const bytes = await writeReportXlsx(model)
    const [body, annex] = await sheetsOf(bytes)
    expect(body!.pageSetup.orientation).toBe('portrait')
    expect(annex!.pageSetup.orientation).toBe('landscape')
    for (const [index, sheet] of [body!, annex!].entries()) {
      expect(sheet.pageSetup).toMatchObject({
        paperSize: 9,
        scale: 100,
        fitToPage: false,
        firstPageNumber: 1,
      })
      expect(sheet.headerFooter.differentFirst).toBe(true)
      expect(sheet.headerFooter.oddHeader).toMatch(/^&C.*&P$/)
      const xml = await sheetXml(bytes, index + 1)
      expect(xml).toMatch(/<pageSetup [^>]*firstPageNumber="1" useFirstPageNumber="1"/)
      expect(xml).not.toContain('fitToPage')
    }
  })

  it('marks a sample on the annex too, above its label', async () => {
    const [, annex] = await sheetsOf(await writeReportXlsx({ ...annexedModel(), sample: true }))
    expect(annex!.getCell('A1').value).toBe(SAMPLE_MARK)
    expect(annex!.getCell('A1').font.bold).toBe(true)
    expect(annex!.getCell('A2').value).toBe('Phụ lục')
    expect(annex!.headerFooter.oddHeader).toContain('DỮ LIỆU MẪU')
  })

  it("writes only the annex sheets with part 'annexes', the whole document when it has none", async () => {
    const progress: JobProgressReport[] = []
    const only = await sheetsOf(
      await writeReportXlsx(annexedModel(), {
        part: 'annexes',
        onProgress: (p) => progress.push(p),
      }),
    )
    expect(only.map((sheet) => sheet.name)).toEqual(['Phụ lục'])
    expect(findCell(only[0]!, 'Bánh cuốn Mỹ Hào').type).toBe(3)
    expect(progress.map((p) => p.stage)).not.toContain('Đang ghi phần cuối văn bản')

    const whole = await sheetsOf(await writeReportXlsx(productsModel(), { part: 'annexes' }))
    expect(whole.map((sheet) => sheet.name)).toEqual([REPORT_SHEET])
  })

  it("sizes every row of the products report's annex for its text wrapped in the fitted columns", async () => {
    const doc = buildReport('products', myHaoData(), {
      date: '2020-12-31',
      signedOn: '2021-01-05',
      docNumber: '5',
    })
    const bytes = await writeReportXlsx(doc)
    const annex = (await loadWorkbook(bytes)).getWorksheet('Phụ lục')!
    const top = Number(findCell(annex, 'STT').row)
    let wrapped = 0
    annex.eachRow((row, r) => {
      if (r < top) return
      row.eachCell((cell, c) => {
        if (typeof cell.value !== 'string' || cell.isMerged) return
        const lines = lineCount(cell.value, annex.getColumn(c).width ?? 10, SIZES.table)
        if (lines > 1) wrapped += 1
        expect(row.height, `${cell.address} "${cell.value}"`).toBeGreaterThanOrEqual(
          lines * SIZES.table * 1.3,
        )
      })
    })
    // The fitted columns are narrower than the model's: names do wrap.
    expect(wrapped).toBeGreaterThan(5)
  })

  it('keeps the chart in the body when the annex is written beside it', async () => {
    const model: OfficialDocument = {
      ...annexedModel(),
      sections: [{ heading: '2. Biểu đồ', image: 'plan-star-chart' }],
    }
    const [body, annex] = await sheetsOf(await writeReportXlsx(model, { chartPng: png(800, 400) }))
    expect(body!.getImages()).toHaveLength(1)
    expect(annex!.getImages()).toHaveLength(0)
    expect(annex!.getCell('A1').value).toBe('Phụ lục')
    expect(annex!.pageSetup.firstPageNumber).toBe(1)
  })
})

describe('report-xlsx job', () => {
  it('returns the file name and bytes, with progress', async () => {
    const progress: JobProgressReport[] = []
    const output = (await runJob('report-xlsx', { model: productsModel() }, (p) =>
      progress.push(p),
    )) as { fileName: string; bytes: Uint8Array }
    expect(output.fileName).toBe('danh-sach-san-pham-ocop-2020-12-31.xlsx')
    expect(output.bytes.byteOffset).toBe(0)
    expect(output.bytes.byteLength).toBe(output.bytes.buffer.byteLength)
    const sheet = await sheetOf(output.bytes)
    expect(sheet.getCell('A2').value).toBe('PHÒNG KINH TẾ')
    expect(progress.length).toBeGreaterThan(1)
  })

  it("names the annexes' file after the report's, with -phu-luc", async () => {
    const model: OfficialDocument = {
      ...productsModel(),
      annexes: [{ title: 'DANH SÁCH', landscape: true, sections: productsModel().sections }],
    }
    const annexes = (await runJob('report-xlsx', { model, part: 'annexes' }, () => undefined)) as {
      fileName: string
    }
    expect(annexes.fileName).toBe('danh-sach-san-pham-ocop-2020-12-31-phu-luc.xlsx')
    const whole = (await runJob('report-xlsx', { model }, () => undefined)) as {
      fileName: string
    }
    expect(whole.fileName).toBe('danh-sach-san-pham-ocop-2020-12-31.xlsx')
  })

  it('writes 2,000 rows with progress along the way', async () => {
    const rows: DocRow[] = Array.from({ length: 2000 }, (_, i) => ({
      kind: 'data',
      cells: [i + 1, `Sản phẩm ${i + 1}`, `Chủ thể ${i + 1}`, 70 + (i % 30), 3, null, null, null],
    }))
    const progress: JobProgressReport[] = []
    const sheet = await sheetOf(
      await writeReportXlsx(productsModel(rows), { onProgress: (p) => progress.push(p) }),
    )
    expect(findCell(sheet, 'Sản phẩm 2000').type).toBe(3)
    expect(progress.filter((p) => p.stage === 'Đang ghi bảng').map((p) => p.done)).toEqual([
      500, 1000, 1500, 2000,
    ])
  })
})
