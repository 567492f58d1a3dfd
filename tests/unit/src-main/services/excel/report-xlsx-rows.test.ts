import { describe, expect, it } from 'vitest'
import { textWidthMm } from '@shared/documents/fit'
import { roundBundle } from '@shared/rounds/round-data'
import { buildRoundDocument } from '@shared/rounds/documents'
import { buildReport } from '@shared/reports/build'
import { writeReportXlsx } from '../../../../../src-main/services/excel/report-xlsx'
import { lineCount } from '../../../../../src-main/services/excel/report-xlsx-style'
import { columnLetter } from '../../../../../src-main/services/excel/report-xlsx-style'
import { loadWorkbook, type Worksheet } from '../../../../../src-main/services/excel/workbook'
import { roundRecords } from '../../../support/round-records'
import { myHaoData } from '../../../src-shared/reports/my-hao-fixture'

/** A column's text area in mm: a width unit prints as a Calibri 11 pt digit, less 5/7 of padding. */
const roomMm = (width: number): number => (width - 5 / 7) * (1038 / 2048) * 11 * (25.4 / 72)
/** Times New Roman's lines are 1.15 em apart: a row shorter than its lines cuts the last off. */
const LINE_EM = 1.15

describe('row heights of the report workbook', () => {
  it('counts the lines of a name wrapped at its printed width, capitals and diacritics included', () => {
    // The minutes' column for a member: 20 mm, where "Hồng Nhung" in bold no longer fits a line.
    expect(lineCount('Phạm Thị Hồng Nhung', 10.27, 12, true)).toBe(3)
    expect(lineCount('Phạm Thị Hồng Nhung', 30, 12, true)).toBe(1)
    // A certificate number breaks after its hyphens, each piece on a line of its own.
    expect(lineCount('GCN-MẪU-2020-TUONG-BAN', 12.22, 12)).toBe(4)
    expect(lineCount('Dòng một\nDòng hai', 30, 12)).toBe(2)
  })

  it("makes every table row of the minutes tall enough for its members' long names", async () => {
    const data = myHaoData()
    const names = ['Phạm Thị Hồng Nhung', 'Nguyễn Văn Chủ Tịch Hội Đồng', 'Trần Thị Phương Thảo']
    const built = roundRecords({
      criteriaSetId: 'qd-1048',
      products: data.products.slice(0, 2).map((p) => p.id),
      scores: [
        [
          [30, 20, 30],
          [28, 20, 30],
          [30, 21, 30],
        ],
        [
          [20, 15, 20],
          [20, 15, 21],
          [21, 15, 20],
        ],
      ],
    })
    const bundle = roundBundle(
      {
        rounds: [built.round],
        criteriaSets: data.criteriaSets,
        roundMembers: built.members.map((member, i) => ({ ...member, name: names[i] ?? '' })),
        roundEntries: built.entries,
        roundScores: built.scores,
        scoringSheets: [],
      },
      built.round,
    )
    if (!bundle) throw new Error('no bundle')
    const minutes = buildRoundDocument('minutes', bundle, data, { signedOn: '2020-10-05' })
    if (!minutes.ok) throw new Error(minutes.message)
    const workbook = await loadWorkbook(await writeReportXlsx(minutes.document))

    const checked: string[] = []
    workbook.eachSheet((sheet: Worksheet) => {
      let inTable = false
      sheet.eachRow((row) => {
        row.eachCell((cell, c) => {
          if (cell.value === 'STT') inTable = true
          const border = cell.border?.top?.style === 'thin'
          if (!inTable || !border || typeof cell.value !== 'string' || cell.isMerged) return
          const size = cell.font.size ?? 12
          const room = roomMm(sheet.getColumn(c).width ?? 10)
          // At least the lines its width takes, however the words fall.
          const lines = Math.ceil(textWidthMm(cell.value, size, cell.font.bold === true) / room)
          if (names.includes(cell.value)) checked.push(`${cell.value}: ${lines}`)
          expect(row.height, `${sheet.name} ${cell.address} "${cell.value}"`).toBeGreaterThan(
            lines * size * LINE_EM,
          )
        })
      })
    })
    // The names stand in the members' list and head the columns of their scores.
    expect(checked.length).toBeGreaterThanOrEqual(6)
    expect(checked.some((line) => line.endsWith(': 3'))).toBe(true)
  })

  // 01/12/2022: one certificate expiring (Gà lông màu), one expired, one owner to notify. The
  // owners' list has 7 columns, the certificates' lists 11: it lies over their columns.
  // 31/12/2021: nothing expiring and one expired: the two 11-column lists, wide in different
  // places, overrun the line together, and only the room above their longest words shrinks.
  it.each([
    ['2022-12-01', ['18/12/2019', '20/12/2018', '17/11/2022']],
    ['2021-12-31', ['20/12/2018', '19/12/2021']],
  ])(
    "lays the certificates' lists on %s without breaking a date or a word",
    async (date, dates) => {
      const model = buildReport('certificates', myHaoData(), {
        date,
        signedOn: date,
        docNumber: '',
      })
      const workbook = await loadWorkbook(await writeReportXlsx(model))
      const sheet = workbook.getWorksheet('Phụ lục') as Worksheet
      // A merged cell prints over its whole range.
      const rangeOf = new Map<string, { cols: [number, number]; rows: [number, number] }>()
      for (const range of (sheet.model as { merges: string[] }).merges) {
        const [from, to] = range.split(':').map((a) => sheet.getCell(a))
        rangeOf.set(from!.address, {
          cols: [Number(from!.col), Number(to!.col)],
          rows: [Number(from!.row), Number(to!.row)],
        })
      }
      let inTable = false
      const checked: string[] = []
      sheet.eachRow((row) => {
        row.eachCell((cell, c) => {
          if (cell.value === 'STT') inTable = true
          if (
            !inTable ||
            typeof cell.value !== 'string' ||
            (cell.isMerged && !rangeOf.has(cell.address))
          ) {
            return
          }
          const range = rangeOf.get(cell.address)
          const [from, to] = range?.cols ?? [c, c]
          const [top, bottom] = range?.rows ?? [row.number, row.number]
          let room = 0
          for (let col = from; col <= to; col++) room += roomMm(sheet.getColumn(col).width ?? 10)
          const size = cell.font.size ?? 12
          const bold = cell.font.bold === true
          const where = `${cell.address} (${columnLetter(from)}:${columnLetter(to)})`
          for (const word of cell.value.split(/\s+|(?<=-)/)) {
            expect(textWidthMm(word, size, bold), `"${word}" in ${where}`).toBeLessThanOrEqual(room)
          }
          // Its rows together hold at least the lines its width takes.
          let height = 0
          for (let r = top; r <= bottom; r++) height += sheet.getRow(r).height ?? 15
          const lines = Math.ceil(textWidthMm(cell.value, size, bold) / room)
          expect(height, `"${cell.value}" in ${where}`).toBeGreaterThan(lines * size * LINE_EM)
          checked.push(cell.value)
        })
      })
      // The dates of both lists, and the owners' list's headers laid over two columns or more.
      expect(checked).toEqual(expect.arrayContaining(dates))
      expect(checked).toEqual(expect.arrayContaining(['Người đại diện', 'Điện thoại']))
      const owners = [...rangeOf.keys()].filter((a) => sheet.getCell(a).value === 'Chủ thể')
      expect(owners.length).toBeGreaterThan(0)
    },
  )
})
