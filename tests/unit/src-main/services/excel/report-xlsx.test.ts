import { deflateSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import JSZip from 'jszip'
import type { ReportModel, DocRow } from '../../../../../src-shared/reports/model'
import { SAMPLE_MARK } from '../../../../../src-shared/reports/header'
import type { JobProgressReport } from '../../../../../src-main/workers/protocol'
import {
  MOTTO_RULE,
  NATIONAL_MOTTO,
  NATIONAL_NAME,
  RECIPIENTS_LABEL,
  REPORT_SHEET,
  SHORT_RULE,
  columnLetter,
  pngSize,
  writeReportXlsx,
} from '../../../../../src-main/services/excel/report-xlsx'
import { runJob } from '../../../../../src-main/services/excel/jobs'
import {
  loadWorkbook,
  type Cell,
  type Worksheet,
} from '../../../../../src-main/services/excel/workbook'

const HYPERLINK = '=HYPERLINK("http://x.example","bấm vào đây")'

function productsModel(rows: DocRow[] = defaultRows()): ReportModel {
  return {
    kind: 'products',
    landscape: true,
    header: {
      parentBody: 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
      officeName: 'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO',
      docNumber: 'Số: 05/BC-UBND',
      placeDate: 'Mỹ Hào, ngày 05 tháng 01 năm 2021',
    },
    titleType: 'DANH SÁCH',
    subject: 'Sản phẩm OCOP của thị xã Mỹ Hào',
    subtitle: '(Tính đến ngày 31/12/2020)',
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
    recipients: [
      '- Sở Nông nghiệp và Môi trường;',
      '- Chủ tịch, các PCT UBND thị xã;',
      '- Lưu: VT, UBND.',
    ],
    signature: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'KT. CHỦ TỊCH', name: 'Nguyễn Văn A' },
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

    expect(sheet.getCell('A1').value).toBe('ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN')
    expect(sheet.getCell('A1').font.bold).toBeFalsy()
    expect(sheet.getCell('A2').value).toBe('ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO')
    expect(sheet.getCell('A2').font.bold).toBe(true)
    expect(sheet.getCell('A3').value).toBe(SHORT_RULE)
    expect(sheet.getCell('A4').value).toBe('Số: 05/BC-UBND')
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
    expect(sheet.pageSetup.printTitlesRow).toBe(`${top}:${top + 1}`)
  })

  it('sets A4, orientation, the decree margins, fit to width and page numbers from page 2', async () => {
    const landscape = await sheetOf(await writeReportXlsx(productsModel()))
    const setup = landscape.pageSetup
    expect(setup.paperSize).toBe(9)
    expect(setup.orientation).toBe('landscape')
    expect(setup.fitToPage).toBe(true)
    expect(setup.fitToWidth).toBe(1)
    expect(setup.fitToHeight).toBe(0)
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
    // Column widths come from the model.
    expect(sheet.getColumn(2).width).toBe(28)
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
    const title = findCell(sheet, 'KT. CHỦ TỊCH')
    expect(title.row).toBe(Number(label.row) + 1)
    expect(findCell(sheet, '- Sở Nông nghiệp và Môi trường;').font.size).toBe(11)
    expect(findCell(sheet, '- Lưu: VT, UBND.').row).toBe(Number(label.row) + 3)
    const name = findCell(sheet, 'Nguyễn Văn A')
    expect(name.font.bold).toBe(true)
    expect(Number(name.row)).toBeGreaterThanOrEqual(Number(title.row) + 4)
    expect(name.col).toBe(authority.col)
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
    const xml = await (
      await JSZip.loadAsync(bytes)
    )
      .file('xl/worksheets/sheet1.xml')!
      .async('string')
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
  function planModel(): ReportModel {
    return {
      ...productsModel(),
      kind: 'plan',
      landscape: false,
      titleType: 'BÁO CÁO',
      subject: 'Kết quả thực hiện kế hoạch OCOP năm 2020',
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
    // The last table's header rows repeat: a repeated header never stands above another table.
    const upgrades = Number(findCell(sheet, 'STT').row)
    expect(sheet.pageSetup.printTitlesRow).toBe(`${upgrades}:${upgrades}`)
    expect(sheet.pageSetup.orientation).toBe('portrait')
    for (const cell of cells(sheet)) expect(cell.formula).toBeUndefined()
  })

  it('repeats the first header of the last run of tables with the same columns', async () => {
    const base = productsModel()
    const table = base.sections[0]!.table!
    const twoLists: ReportModel = {
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
    const sheetXml = async (model: ReportModel): Promise<string> => {
      const bytes = await writeReportXlsx(model, { chartPng: png(800, 400) })
      return (await JSZip.loadAsync(bytes)).file('xl/worksheets/sheet1.xml')!.async('string')
    }
    expect(await sheetXml(planModel())).not.toContain('<rowBreaks')
    const long = planModel()
    long.sections[0]!.paragraphs = Array.from({ length: 20 }, (_, i) => `Đoạn ${i + 1}.`)
    const xml = await sheetXml(long)
    const sheet = await sheetOf(await writeReportXlsx(long, { chartPng: png(800, 400) }))
    const heading = Number(findCell(sheet, '2. Biểu đồ').row)
    expect(xml).toContain(`<brk id="${heading - 1}"`)
    // No header row repeats above the picture.
    expect(sheet.pageSetup.printTitlesRow).toBe(
      `${Number(findCell(sheet, 'STT').row)}:${Number(findCell(sheet, 'STT').row)}`,
    )
  })

  it('repeats no header when a picture follows the only table', async () => {
    const model = planModel()
    model.sections = model.sections.slice(0, 2)
    const sheet = await sheetOf(await writeReportXlsx(model, { chartPng: png(800, 400) }))
    expect(sheet.pageSetup.printTitlesRow).toBeUndefined()
  })

  it('writes a note instead of the picture when no chart was given', async () => {
    const sheet = await sheetOf(await writeReportXlsx(planModel()))
    expect(sheet.getImages()).toHaveLength(0)
    expect(findCell(sheet, '(Không có hình biểu đồ kèm theo.)').font.italic).toBe(true)
  })

  it('reads PNG sizes and refuses other bytes', () => {
    expect(pngSize(png(12, 7))).toEqual({ width: 12, height: 7 })
    expect(pngSize(new Uint8Array([1, 2, 3]))).toBeNull()
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
    expect(sheet.getCell('A2').value).toBe('ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO')
    expect(progress.length).toBeGreaterThan(1)
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
