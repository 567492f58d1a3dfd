/**
 * The .xlsx reader, one rule of the format at a time, on hand-written XML: what a clerk would see
 * in the cell (its value and text), or the problem the row will be warned about.
 */
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { detectFileKind } from '../../../../../src-main/services/import/file-kind'
import { readTable } from '../../../../../src-main/services/import/read-table'
import { readCells, stylesXml, xlsxBytes } from './xlsx-parts'

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

describe('CDATA sections', () => {
  it('are text in shared strings, inline strings and <v> values', async () => {
    const cells = await readCells({
      strings: [
        '<t><![CDATA[Bánh <đa> & "cua"]]></t>',
        '<r><t>Tương </t></r><r><rPr><b/></rPr><t><![CDATA[<Bần>]]></t></r>',
        '<t>Gạo <![CDATA[nếp & cái]]> hoa vàng</t>',
      ],
      sheetData:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>' +
        '<row r="2"><c r="A2" t="inlineStr"><is><t><![CDATA[Chè <Tân Cương>]]></t></is></c>' +
        '<c r="B2"><v><![CDATA[72.5]]></v></c>' +
        '<c r="C2" t="str"><f>A1</f><v><![CDATA[x</v> & y]]></v></c>' +
        '<c r="D2" t="s"><v><![CDATA[1]]></v></c></row>',
    })
    expect(cells.get('A1')).toMatchObject({ value: 'Bánh <đa> & "cua"' })
    expect(cells.get('B1')).toMatchObject({ value: 'Tương <Bần>' })
    expect(cells.get('C1')).toMatchObject({ value: 'Gạo nếp & cái hoa vàng' })
    expect(cells.get('A2')).toMatchObject({ value: 'Chè <Tân Cương>' })
    expect(cells.get('B2')).toMatchObject({ value: 72.5, text: '72.5' })
    expect(cells.get('C2')).toMatchObject({ value: 'x</v> & y' })
    expect(cells.get('D2')).toMatchObject({ value: 'Tương <Bần>' })
  })

  it('line ends are LF as XML reads them; a CR Excel escaped (_x000D_) is kept', async () => {
    const cells = await readCells({
      strings: ['<t>hai\r\ndòng</t>', '<t>hai_x000D_\ndòng</t>', '<t><![CDATA[một\rdòng]]></t>'],
      sheetData:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>2</v></c></row>',
    })
    expect([...cells.values()].map((c) => c.value)).toEqual([
      'hai\ndòng',
      'hai\r\ndòng',
      'một\ndòng',
    ])
  })

  it('a comment inside a value is left out', async () => {
    const cells = await readCells({
      sheetData: '<row r="1"><c r="A1"><v>7<!-- bảy -->2</v></c></row>',
    })
    expect(cells.get('A1')).toMatchObject({ value: 72 })
  })
})

describe('ISO dates (t="d")', () => {
  it('are the calendar date written, at UTC midnight, with or without a time or zone', async () => {
    const cells = await readCells({
      sheetData:
        '<row r="1"><c r="A1" t="d"><v>2019-12-20T00:00:00</v></c><c r="B1" t="d"><v>2019-12-20</v></c>' +
        '<c r="C1" t="d"><v>2021-03-05T00:00:00Z</v></c><c r="D1" t="d"><v>2021-03-05T00:00:00+07:00</v></c>' +
        '<c r="E1" t="d"><v>2021-02-31</v></c></row>',
    })
    expect(cells.get('A1')).toMatchObject({ value: utc(2019, 12, 20), text: '20/12/2019' })
    expect(cells.get('B1')).toMatchObject({ value: utc(2019, 12, 20) })
    expect(cells.get('C1')).toMatchObject({ value: utc(2021, 3, 5) })
    expect(cells.get('D1')).toMatchObject({ value: utc(2021, 3, 5) })
    // Not a day of the calendar: kept as the text written, for the row to question.
    expect(cells.get('E1')).toMatchObject({ value: '2021-02-31' })
  })
})

describe('dates from number formats follow the format grammar', () => {
  // [format, is it a date?]: quoted text, escaped letters, colours, conditions, elapsed hours.
  const formats: [string, boolean][] = [
    ['0.0 "điểm"', false],
    ['0.0\\ \\đ\\i\\ể\\m', false],
    ['0.0\\ \\d\\i\\e\\m', false],
    ['[Red]0.0', false],
    ['[<100]0.0;0', false],
    ['#,##0 "đ"', false],
    ['0.0_);(0.0)', false],
    ['#,##0.00 [$₫-42A]', false],
    ['0 "sao"', false],
    ['@', false],
    ['dd/mm/yyyy', true],
    ['"Ngày" dd/mm/yyyy', true],
    ['[$-42A]dd/mm/yyyy', true],
    ['[h]:mm', true],
    ['mm:ss', true],
    ['d-mmm-yy', true],
  ]

  it.each(formats)('%j: a date is %s in .xlsx', async (numFmt, isDate) => {
    const cells = await readCells({
      styles: stylesXml([{}, { numFmt }]),
      sheetData: '<row r="1"><c r="A1" s="1"><v>43819</v></c></row>',
    })
    const cell = cells.get('A1')!
    expect(cell.value instanceof Date).toBe(isDate)
    if (isDate) expect(cell.value).toEqual(utc(2019, 12, 20))
    else expect(cell.value).toBe(43819)
    expect(cell.numFmt).toBe(numFmt)
  })

  it('the same formats give the same answer in .xls (one rule for both readers)', async () => {
    const XLSX = await import('@e965/xlsx')
    const sheet = XLSX.utils.aoa_to_sheet([formats.map(() => 43819)])
    formats.forEach(([numFmt], c) => {
      const cell = sheet[XLSX.utils.encode_cell({ r: 0, c })] as { z?: string }
      cell.z = numFmt
    })
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, sheet, 'Điểm')
    const bytes = new Uint8Array(
      XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer,
    )
    const table = await readTable(bytes, 'diem.xls', { kind: 'xls', renamed: false })
    const cells = table.sheets[0]!.rows[0]!.cells
    expect(cells.map((cell) => cell.value instanceof Date)).toEqual(formats.map(([, d]) => d))
  })
})

describe('booleans', () => {
  it('are 1/0 and true/false, in any case', async () => {
    const cells = await readCells({
      sheetData:
        '<row r="1"><c r="A1" t="b"><v>1</v></c><c r="B1" t="b"><v>0</v></c>' +
        '<c r="C1" t="b"><v>true</v></c><c r="D1" t="b"><v>false</v></c><c r="E1" t="b"><v>FALSE</v></c></row>',
    })
    expect([...cells.values()].map((c) => [c.value, c.text])).toEqual([
      [true, 'TRUE'],
      [false, 'FALSE'],
      [true, 'TRUE'],
      [false, 'FALSE'],
      [false, 'FALSE'],
    ])
  })
})

describe('relationships written with single quotes', () => {
  it('are followed by the file check and the reader alike', async () => {
    const rel = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
    const bytes = await xlsxBytes({
      rootRels: `<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship Id='rId1' Type='${rel}/officeDocument' Target='/xl/workbook.xml'/></Relationships>`,
      workbookRels: `<Relationships xmlns='http://schemas.openxmlformats.org/package/2006/relationships'><Relationship Target = 'worksheets/sheet1.xml' Id='rId1' Type = '${rel}/worksheet'/><Relationship Id='rId2' Type='${rel}/sharedStrings' Target='sharedStrings.xml'/></Relationships>`,
      strings: ['<t>Tên sản phẩm</t>'],
      sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
    })
    const kind = await detectFileKind(bytes, 'nhay-don.xlsx')
    expect(kind).toEqual({ kind: 'xlsx' })
    const table = await readTable(bytes, 'nhay-don.xlsx', kind)
    expect(table.sheets[0]!.rows[0]!.cells[0]!.value).toBe('Tên sản phẩm')
  })
})

describe('a namespace prefix on the sheet elements', () => {
  it('reads x:c and x:v as c and v', async () => {
    const zip = await JSZip.loadAsync(await xlsxBytes({ strings: ['<t>Tương</t>'], sheetData: '' }))
    zip.file(
      'xl/worksheets/sheet1.xml',
      '<x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData><x:row r="3"><x:c r="B3" t="s"><x:v>0</x:v></x:c></x:row></x:sheetData></x:worksheet>',
    )
    const bytes = await zip.generateAsync({ type: 'uint8array' })
    const table = await readTable(bytes, 'tien-to.xlsx', { kind: 'xlsx' })
    expect(table.sheets[0]!.rows).toEqual([
      {
        row: 3,
        cells: [
          { value: null, text: '' },
          { value: 'Tương', text: 'Tương' },
        ],
      },
    ])
  })
})

describe('cells the reader cannot value are flagged, never silently blank', () => {
  const errors = ['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!']

  it.each(errors)('the error value %s', async (error) => {
    const cells = await readCells({
      sheetData:
        `<row r="1"><c r="A1" t="e"><v>${error}</v></c>` +
        `<c r="B1" t="e"><f>Sheet2!A1/0</f><v>${error}</v></c></row>`,
    })
    for (const ref of ['A1', 'B1']) {
      expect(cells.get(ref)).toEqual({
        value: null,
        text: error,
        problem: { kind: 'error-value', value: error },
      })
    }
  })

  it('an error value written as a number cell', async () => {
    const cells = await readCells({ sheetData: '<row r="1"><c r="A1"><v>#REF!</v></c></row>' })
    expect(cells.get('A1')?.problem).toEqual({ kind: 'error-value', value: '#REF!' })
  })

  it('a shared string index beyond the table, even alone in its row', async () => {
    const cells = await readCells({
      strings: ['<t>Tương</t>', '<t>Gạo</t>'],
      sheetData:
        '<row r="1"><c r="A1" t="s"><v>1</v></c></row><row r="2"><c r="C2" t="s"><v>57</v></c></row>',
    })
    expect(cells.get('A1')?.value).toBe('Gạo')
    expect(cells.get('C2')).toEqual({
      value: null,
      text: '',
      problem: { kind: 'missing-string', index: 57 },
    })
  })

  it('error cells of an .xls (SheetJS type "e")', async () => {
    const XLSX = await import('@e965/xlsx')
    const sheet = XLSX.utils.aoa_to_sheet([['Tên', 'Điểm']])
    sheet['A2'] = { t: 'e', v: 0x17 } // #REF!
    sheet['B2'] = { t: 'e', v: 0x07 } // #DIV/0!
    sheet['!ref'] = 'A1:B2'
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, sheet, 'Lỗi')
    const bytes = new Uint8Array(
      XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer,
    )
    const table = await readTable(bytes, 'loi.xls', { kind: 'xls', renamed: false })
    expect(table.sheets[0]!.rows[1]!.cells).toEqual([
      { value: null, text: '#REF!', problem: { kind: 'error-value', value: '#REF!' } },
      { value: null, text: '#DIV/0!', problem: { kind: 'error-value', value: '#DIV/0!' } },
    ])
  })

  it('error cells of an .ods, as LibreOffice writes them', async () => {
    const ns =
      'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0"'
    const zip = new JSZip()
    zip.file('mimetype', 'application/vnd.oasis.opendocument.spreadsheet', { compression: 'STORE' })
    zip.file(
      'META-INF/manifest.xml',
      '<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0"><manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/></manifest:manifest>',
    )
    zip.file('styles.xml', `<office:document-styles ${ns} office:version="1.2"/>`)
    zip.file(
      'content.xml',
      `<office:document-content ${ns} office:version="1.2"><office:body><office:spreadsheet><table:table table:name="Lỗi">` +
        '<table:table-row><table:table-cell office:value-type="string"><text:p>Điểm</text:p></table:table-cell></table:table-row>' +
        '<table:table-row><table:table-cell table:formula="of:=1/0" office:value-type="float" office:value="0" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell></table:table-row>' +
        '</table:table></office:spreadsheet></office:body></office:document-content>',
    )
    const bytes = await zip.generateAsync({ type: 'uint8array' })
    const table = await readTable(bytes, 'loi.ods', { kind: 'ods' })
    expect(table.sheets[0]!.rows[1]!.cells).toEqual([
      { value: null, text: '#DIV/0!', problem: { kind: 'error-value', value: '#DIV/0!' } },
    ])
  })
})

describe('the default style (style 0)', () => {
  it('gives its font to a cell without an s attribute, and to s="0"', async () => {
    const cells = await readCells({
      styles: stylesXml([{ font: '.VnTime' }, { font: 'Times New Roman' }]),
      strings: ['<t>T\u00ad\u00acng</t>'],
      sheetData:
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s" s="0"><v>0</v></c>' +
        '<c r="C1" t="s" s="1"><v>0</v></c></row>',
    })
    expect(cells.get('A1')?.font).toBe('.VnTime')
    expect(cells.get('B1')?.font).toBe('.VnTime')
    expect(cells.get('C1')?.font).toBe('Times New Roman')
  })
})

describe('rows and cells', () => {
  it('places cells by reference, and one after another without one', async () => {
    const cells = await readCells({
      sheetData:
        '<row r="2"><c r="C2"><v>1</v></c><c><v>2</v></c><c r="F2"><v>3</v></c></row><row><c><v>4</v></c></row>',
    })
    expect([...cells.entries()].filter(([, c]) => c.value !== null)).toEqual([
      ['C2', { value: 1, text: '1' }],
      ['D2', { value: 2, text: '2' }],
      ['F2', { value: 3, text: '3' }],
      ['A3', { value: 4, text: '4' }],
    ])
  })

  it('spreads a merged range over its cells', async () => {
    const cells = await readCells({
      strings: ['<t>STT</t>'],
      sheetData: '<row r="1"><c r="A1" t="s"><v>0</v></c></row>',
      afterData: '<mergeCells count="1"><mergeCell ref="A1:B2"/></mergeCells>',
    })
    expect(cells.get('A1')).toEqual({ value: 'STT', text: 'STT', merged: { top: 1, left: 1 } })
    for (const ref of ['B1', 'A2', 'B2']) {
      expect(cells.get(ref)).toEqual({ value: null, text: '', merged: { top: 1, left: 1 } })
    }
  })
})
