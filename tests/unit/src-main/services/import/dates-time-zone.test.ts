/**
 * A date in a sheet is a calendar date: 20/12/2019 stays 20/12/2019 whatever the machine's time
 * zone. This file moves the process's zone (Node reads TZ again when it changes) and reads the
 * same dates east and west of Greenwich.
 */
import { afterAll, describe, expect, it } from 'vitest'
import { readTable } from '../../../../../src-main/services/import/read-table'
import { readCells, stylesXml } from './xlsx-parts'

const zoneBefore = process.env.TZ
afterAll(() => {
  if (zoneBefore === undefined) delete process.env.TZ
  else process.env.TZ = zoneBefore
})

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

describe.each([
  ['Asia/Ho_Chi_Minh', -420],
  ['America/New_York', 300],
])('in %s', (zone, offsetMinutes) => {
  it('the zone is in force', () => {
    process.env.TZ = zone
    expect(new Date(2019, 11, 20).getTimezoneOffset()).toBe(offsetMinutes)
  })

  it('an ISO date (t="d") and a serial under a date format read as the date written', async () => {
    process.env.TZ = zone
    const cells = await readCells({
      styles: stylesXml([{}, { numFmt: 'dd/mm/yyyy' }]),
      sheetData:
        '<row r="1"><c r="A1" t="d"><v>2019-12-20T00:00:00</v></c><c r="B1" t="d"><v>2019-12-20</v></c>' +
        '<c r="C1" s="1"><v>43819</v></c></row>',
    })
    for (const ref of ['A1', 'B1', 'C1']) {
      expect(cells.get(ref), ref).toMatchObject({ value: utc(2019, 12, 20), text: '20/12/2019' })
    }
  })

  it('a date in an .xls reads as the date written', async () => {
    process.env.TZ = zone
    const XLSX = await import('@e965/xlsx')
    const sheet = XLSX.utils.aoa_to_sheet([[43819]])
    ;(sheet['A1'] as { z?: string }).z = 'dd/mm/yyyy'
    const book = XLSX.utils.book_new()
    XLSX.utils.book_append_sheet(book, sheet, 'Ngày')
    const bytes = new Uint8Array(
      XLSX.write(book, { type: 'array', bookType: 'biff8' }) as ArrayBuffer,
    )
    const table = await readTable(bytes, 'ngay.xls', { kind: 'xls', renamed: false })
    expect(table.sheets[0]!.rows[0]!.cells[0]).toMatchObject({
      value: utc(2019, 12, 20),
      text: '20/12/2019',
    })
  })
})
