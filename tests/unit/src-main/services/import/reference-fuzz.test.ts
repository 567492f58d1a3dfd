/**
 * The values the .xlsx reader gives, judged cell by cell on generated workbooks: against what the
 * generator wrote (ExcelJS, seeded) and against a reference reader (SheetJS) reading the same
 * bytes. Workbooks hold Vietnamese text in NFC and NFD, XML-special characters, numbers, dates
 * under date and non-date formats, booleans, error values, formulas, rich text and merged cells;
 * some are rewritten after ExcelJS (inline strings, CDATA sections, ISO dates) to reach the parts
 * of the format ExcelJS does not write. A failing case names its seed.
 */
import * as XLSX from '@e965/xlsx'
import JSZip from 'jszip'
import { describe, expect, it } from 'vitest'
import { createWorkbook, workbookToBytes } from '../../../../../src-main/services/excel/workbook'
import { readTable, type TableCell } from '../../../../../src-main/services/import/read-table'
import { prng, type Random } from '../../../../../tools/fixtures/random.mjs'

/** What a cell should read as. */
type Expected =
  | { kind: 'text'; value: string }
  | { kind: 'number'; value: number }
  | { kind: 'date'; value: Date }
  | { kind: 'boolean'; value: boolean }
  | { kind: 'error'; value: string }

const WORDS = [
  'Tương Bần',
  'Hợp tác xã Nông nghiệp',
  'Chè búp Tân Cương',
  'Nước mắm <Phú Quốc>',
  'Bánh "đa" & cua',
  "Gạo nếp cái 'hoa vàng'",
  'x ]]> y',
  'Phường Nhân Hòa',
  'Hộ kinh doanh Nguyễn Văn Hùng',
  '🍵 chè, 👩‍🌾',
  'ỐC',
  '  lề trái',
  'hai\ndòng',
  'dòng\r\nmới',
  '123',
  '#REF! ở ghi chú',
  '3 sao (cấp tỉnh)',
]
const NON_DATE_FORMATS = [
  '0.0',
  '0.0 "điểm"',
  '0.0\\ \\đ\\i\\ể\\m',
  '[Red]0.00',
  '#,##0',
  '0%',
  '[<100]0.0;0',
]
const DATE_FORMATS = [
  'dd/mm/yyyy',
  'd-mmm-yy',
  'dd/mm/yyyy hh:mm',
  '"Ngày" dd/mm/yyyy',
  '[$-42A]dd/mm/yyyy',
]
const ERRORS = ['#REF!', '#N/A', '#VALUE!', '#DIV/0!', '#NAME?', '#NUM!', '#NULL!']

function text(random: Random): string {
  const word = random.pick(WORDS)
  return random.next() < 0.25 ? word.normalize('NFD') : word
}

/** Writes a random value into the cell; returns what it should read as, or null for empty. */
function fill(random: Random, cell: import('exceljs').Cell): Expected | null {
  switch (random.int(11)) {
    case 0:
    case 1: {
      const value = text(random)
      cell.value = value
      return { kind: 'text', value: value.replace(/\r\n/g, '\n') }
    }
    case 2: {
      const value = Math.round((random.next() - 0.3) * 10 ** random.int(8)) / 10 ** random.int(4)
      cell.value = value
      if (random.next() < 0.6) cell.numFmt = random.pick(NON_DATE_FORMATS)
      return { kind: 'number', value }
    }
    case 3: {
      const value = new Date(Date.UTC(1990 + random.int(40), random.int(12), 1 + random.int(28)))
      cell.value = value
      cell.numFmt = random.pick(DATE_FORMATS)
      return { kind: 'date', value }
    }
    case 4: {
      const value = random.next() < 0.5
      cell.value = value
      return { kind: 'boolean', value }
    }
    case 5: {
      const value = random.pick(ERRORS)
      cell.value =
        random.next() < 0.5
          ? { error: value as never }
          : { formula: 'A1/0', result: { error: value as never } }
      return { kind: 'error', value }
    }
    case 6: {
      const value = random.int(1000)
      cell.value = { formula: `${value}+0`, result: value }
      return { kind: 'number', value }
    }
    case 7: {
      const value = text(random)
      cell.value = { formula: 'CONCAT("")', result: value }
      return { kind: 'text', value: value.replace(/\r\n/g, '\n') }
    }
    case 8: {
      const parts = [text(random), text(random)]
      cell.value = { richText: parts.map((t, i) => ({ text: t, font: { bold: i === 1 } })) }
      return { kind: 'text', value: parts.join('').replace(/\r\n/g, '\n') }
    }
    default:
      return null
  }
}

interface Generated {
  bytes: Uint8Array
  /** Per sheet: the expected cell by "row:col", and the merged ranges (1-based). */
  sheets: {
    name: string
    cells: Map<string, Expected>
    merges: [number, number, number, number][]
  }[]
}

async function generate(seed: number): Promise<Generated> {
  const random = prng(seed)
  const workbook = createWorkbook()
  const sheets: Generated['sheets'] = []
  for (let s = 0; s < 1 + random.int(2); s++) {
    const name = random.pick(['Danh sách', 'DM OCOP', 'Tổng hợp', 'Sheet']) + ` ${s + 1}`
    const sheet = workbook.addWorksheet(name)
    const cells = new Map<string, Expected>()
    const merges: [number, number, number, number][] = []
    const rows = 1 + random.int(30)
    const cols = 1 + random.int(8)
    for (let r = 1; r <= rows; r++) {
      for (let c = 1; c <= cols; c++) {
        const expected = fill(random, sheet.getCell(r, c))
        if (expected !== null) cells.set(`${r}:${c}`, expected)
      }
    }
    if (random.next() < 0.5 && rows > 2 && cols > 2) {
      const top = 1 + random.int(rows - 1)
      const left = 1 + random.int(cols - 1)
      const bottom = Math.min(rows, top + random.int(3))
      const right = Math.min(cols, left + 1 + random.int(2))
      sheet.mergeCells(top, left, bottom, right)
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) if (r !== top || c !== left) cells.delete(`${r}:${c}`)
      }
      merges.push([top, left, bottom, right])
    }
    sheets.push({ name, cells, merges })
  }
  const bytes = await rewrite(random, await workbookToBytes(workbook), sheets)
  return { bytes, sheets }
}

const decodeXml = (xml: string) =>
  xml
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')

/** A `<t>` or `<v>` text turned into a CDATA section, when its text allows one. */
function cdata(random: Random, xml: string): string {
  return xml.replace(
    /<(t|v)( [^>]*)?>([^<]*)<\/\1>/g,
    (whole, name: string, attrs = '', body: string) => {
      const raw = decodeXml(body)
      if (random.next() > 0.3 || raw.includes(']]>') || raw.includes('\r')) return whole
      return `<${name}${attrs}><![CDATA[${raw}]]></${name}>`
    },
  )
}

/** Rewrites the ExcelJS output: inline strings, CDATA sections and ISO dates, by chance. */
async function rewrite(random: Random, bytes: Uint8Array, sheets: Generated['sheets']) {
  const zip = await JSZip.loadAsync(bytes)
  const stringsXml = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? ''
  const items = [...stringsXml.matchAll(/<si>([\s\S]*?)<\/si>/g)].map((m) => m[1]!)
  const inline = random.next() < 0.4
  for (const [index, sheet] of sheets.entries()) {
    const path = `xl/worksheets/sheet${index + 1}.xml`
    let xml = await zip.file(path)!.async('string')
    if (inline) {
      xml = xml.replace(
        /<c r="([A-Z]+\d+)"( s="\d+")? t="s"><v>(\d+)<\/v><\/c>/g,
        (_, ref, s = '', i) => `<c r="${ref}"${s} t="inlineStr"><is>${items[Number(i)]}</is></c>`,
      )
    }
    for (const [key, expected] of sheet.cells) {
      if (expected.kind !== 'date' || random.next() > 0.4) continue
      const [r, c] = key.split(':').map(Number)
      const ref = `${String.fromCharCode(64 + c!)}${r}`
      const iso = expected.value.toISOString().slice(0, 19)
      xml = xml.replace(
        new RegExp(`<c r="${ref}"( s="\\d+")><v>[^<]*</v></c>`),
        `<c r="${ref}"$1 t="d"><v>${iso}</v></c>`,
      )
    }
    zip.file(path, cdata(random, xml))
  }
  if (stringsXml) zip.file('xl/sharedStrings.xml', cdata(random, stringsXml))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** How our cell differs from what was written, or null. */
function ours(cell: TableCell | undefined, expected: Expected): string | null {
  const value = cell?.value ?? null
  switch (expected.kind) {
    case 'date':
      return value instanceof Date && value.getTime() === expected.value.getTime()
        ? null
        : `date ${expected.value.toISOString()}, read ${String(value)}`
    case 'error':
      return value === null &&
        cell?.problem?.kind === 'error-value' &&
        cell.problem.value === expected.value
        ? null
        : `error ${expected.value}, read ${JSON.stringify(cell)}`
    default:
      return value === expected.value
        ? null
        : `${expected.kind} ${JSON.stringify(expected.value)}, read ${JSON.stringify(value)}`
  }
}

const MS_PER_DAY = 86_400_000
const EPOCH_1900 = Date.UTC(1899, 11, 30)

/**
 * SheetJS 0.20.3 loses rich-text runs in two places: runs written as CDATA in the shared strings
 * (it reads them as empty), and the runs of an inline string (it keeps the last one only, though
 * its HTML shows them all). Such cells are judged against what was written alone.
 */
function referenceLosesRuns(cell: XLSX.CellObject | undefined): boolean {
  if (typeof cell?.r === 'string') return cell.r.includes('<r>') && cell.r.includes('<![CDATA[')
  return typeof cell?.h === 'string' && cell.h.includes('<span')
}

/** How SheetJS's cell differs from what was written, or null. */
function reference(cell: XLSX.CellObject | undefined, expected: Expected): string | null {
  if (referenceLosesRuns(cell)) return null
  const got = cell === undefined ? 'nothing' : `${cell.t} ${JSON.stringify(cell.v)}`
  switch (expected.kind) {
    case 'text':
      return cell?.t === 's' && cell.v === expected.value ? null : `SheetJS: ${got}`
    case 'number':
      return cell?.t === 'n' && cell.v === expected.value ? null : `SheetJS: ${got}`
    case 'boolean':
      return cell?.t === 'b' && cell.v === expected.value ? null : `SheetJS: ${got}`
    case 'error':
      return cell?.t === 'e' && cell.w === expected.value ? null : `SheetJS: ${got}`
    case 'date': {
      const serial = cell?.t === 'n' ? (cell.v as number) : Number.NaN
      const isDate = typeof cell?.z === 'string' && XLSX.SSF.is_date(cell.z)
      const ms = Math.round(EPOCH_1900 + serial * MS_PER_DAY)
      return isDate && ms === expected.value.getTime() ? null : `SheetJS: ${got} ${String(cell?.z)}`
    }
  }
}

async function judge(seed: number): Promise<string[]> {
  const { bytes, sheets } = await generate(seed)
  const table = await readTable(bytes, `fuzz-${seed}.xlsx`, { kind: 'xlsx' })
  const book = XLSX.read(bytes, { type: 'array', dense: true, cellNF: true, cellDates: false })
  const problems: string[] = []
  for (const sheet of sheets) {
    const read = table.sheets.find((t) => t.name === sheet.name)
    const data = book.Sheets[sheet.name]?.['!data'] ?? []
    if (read === undefined) {
      problems.push(`sheet ${sheet.name} missing`)
      continue
    }
    const byKey = new Map<string, TableCell>()
    for (const row of read.rows)
      row.cells.forEach((cell, i) => byKey.set(`${row.row}:${i + 1}`, cell))
    for (const [key, expected] of sheet.cells) {
      const [r, c] = key.split(':').map(Number) as [number, number]
      const mine = ours(byKey.get(key), expected)
      const theirs = reference(data[r - 1]?.[c - 1], expected)
      if (mine) problems.push(`${sheet.name} ${key}: ${mine}`)
      if (theirs) problems.push(`${sheet.name} ${key}: ${theirs} (the reference disagrees)`)
    }
    // Nothing read that was not written, but the cells merged ranges cover.
    for (const [key, cell] of byKey) {
      if (sheet.cells.has(key)) continue
      const [r, c] = key.split(':').map(Number) as [number, number]
      const covered = sheet.merges.some(([t, l, b, rt]) => r >= t && r <= b && c >= l && c <= rt)
      if (
        cell.value !== null ||
        cell.problem !== undefined ||
        (cell.merged !== undefined) !== covered
      ) {
        problems.push(
          `${sheet.name} ${key}: read ${JSON.stringify(cell)} where nothing was written`,
        )
      }
    }
    for (const [top, left, bottom, right] of sheet.merges) {
      for (let r = top; r <= bottom; r++) {
        for (let c = left; c <= right; c++) {
          const merged = byKey.get(`${r}:${c}`)?.merged
          if (merged?.top !== top || merged.left !== left)
            problems.push(`${sheet.name} ${r}:${c}: not in merge`)
        }
      }
    }
  }
  return problems.map((p) => `seed ${seed}: ${p}`)
}

describe('reader values against what was written and against SheetJS', () => {
  it('agree on 60 generated workbooks', async () => {
    const problems: string[] = []
    for (let seed = 1; seed <= 60; seed++) problems.push(...(await judge(seed)))
    expect(problems).toEqual([])
  }, 60_000)
})
