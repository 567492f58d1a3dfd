/**
 * Whatever a commune sends, checkFile either gives an ImportCheck whose rows
 * are ok/warning/error with Vietnamese messages, or refuses the file with an AppError whose
 * message starts "Tệp" — never another error, never a hang.
 *
 * The commune fixtures are mutated with a seeded PRNG (the same cases on every run): truncated,
 * bytes flipped anywhere, bytes flipped inside an inflated XML part re-zipped with jszip, CSV
 * records shuffled, and odd values (huge strings, negative numbers, dates, formulas, errors,
 * emoji, control characters, merges) written into copies of the workbooks with ExcelJS.
 * A failing case names its number, so `CASE=<n>` can be reproduced by hand.
 */
import { readFileSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import JSZip from 'jszip'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import {
  createWorkbook,
  loadWorkbook,
  workbookToBytes,
} from '../../../../../src-main/services/excel/workbook'
import { checkFile } from '../../../../../src-main/services/import/check-file'
import { AppError } from '../../../../../src-shared/errors'
import type { UnitCandidate } from '../../../../../src-shared/import/units-match'
import { formatMessage } from '../../../../../src-shared/messages/format'
import { prng, type Random } from '../../../../../tools/fixtures/random.mjs'

const COMMUNE = join(__dirname, '../../../../fixtures/commune')
/** A case that takes longer than this is a hang. */
const CASE_MS = 10_000
const SUITE_MS = 120_000

const units: UnitCandidate[] = Papa.parse<Record<string, string>>(
  readFileSync(join(COMMUNE, 'units.csv'), 'utf8'),
  { header: true, skipEmptyLines: true },
).data.map((u) => ({
  id: u.code ?? '',
  name: u.full_name ?? '',
  kind: u.kind === 'Xã' ? 'xa' : 'phuong',
  validFrom: null,
  validTo: null,
}))

const fixtures = readdirSync(COMMUNE)
  .filter((f) => /\.(xlsx|xls|csv)$/.test(f) && f !== 'units.csv')
  .sort()
  .map((file) => ({ file, bytes: new Uint8Array(readFileSync(join(COMMUNE, file))) }))
const xlsx = fixtures.filter((f) => f.file.endsWith('.xlsx'))
const csv = fixtures.filter((f) => f.file.endsWith('.csv'))

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i

type Outcome = { ok: true } | { ok: false; problem: string }

/** Runs one case and says what, if anything, broke the rule above. */
async function judge(bytes: Uint8Array, fileName: string): Promise<Outcome> {
  let timer: ReturnType<typeof setTimeout> | undefined
  const hang = new Promise<'hang'>((resolve) => {
    timer = setTimeout(() => resolve('hang'), CASE_MS)
  })
  const run = checkFile(bytes, fileName, { units }).then(
    (check) => ({ check }),
    (error: unknown) => ({ error }),
  )
  const result = await Promise.race([run, hang])
  clearTimeout(timer)
  if (result === 'hang') return { ok: false, problem: `no answer within ${CASE_MS} ms` }
  if ('error' in result) {
    const e = result.error
    if (!(e instanceof AppError)) {
      const stack = e instanceof Error ? (e.stack ?? e.message) : String(e)
      return { ok: false, problem: `non-AppError: ${stack}` }
    }
    if (!e.message.startsWith('Tệp')) return { ok: false, problem: `message: ${e.message}` }
    return { ok: true }
  }
  for (const row of result.check.rows) {
    if (!['ok', 'warning', 'error'].includes(row.status)) {
      return { ok: false, problem: `row ${row.row} status ${String(row.status)}` }
    }
    for (const m of row.messages) {
      const text = formatMessage(m)
      if (!VIETNAMESE.test(text)) return { ok: false, problem: `row message: ${text}` }
    }
  }
  for (const m of result.check.messages) {
    const text = formatMessage(m)
    if (!VIETNAMESE.test(text)) return { ok: false, problem: `file message: ${text}` }
  }
  return { ok: true }
}

interface Case {
  name: string
  fileName: string
  make: () => Promise<Uint8Array>
}

async function runCases(cases: Case[]) {
  const failures: string[] = []
  for (const c of cases) {
    let bytes: Uint8Array
    try {
      bytes = await c.make()
    } catch (error) {
      failures.push(`${c.name}: could not build the case: ${String(error)}`)
      continue
    }
    const outcome = await judge(bytes, c.fileName)
    if (!outcome.ok) failures.push(`${c.name}: ${outcome.problem}`)
  }
  expect(failures).toEqual([])
}

// ---------------------------------------------------------------------------------------------
// Mutators

function truncated(random: Random, bytes: Uint8Array): Uint8Array {
  return bytes.slice(0, random.int(bytes.length))
}

function flipped(random: Random, bytes: Uint8Array): Uint8Array {
  const out = bytes.slice()
  const flips = 1 + random.int(8)
  for (let i = 0; i < flips; i++) {
    const at = random.int(out.length)
    out[at] = out[at]! ^ (1 + random.int(255))
  }
  return out
}

const XML_JUNK = [
  '<',
  '>',
  '"',
  '&',
  '&#xFFFFFFF;',
  '&#0;',
  '&bogus;',
  '_x0000_',
  '<c r="ZZZZZ99999999" t="s"><v>999999</v></c>',
  '<c r="A1" t="n"><v>1e999</v></c>',
  '<c r="B2" s="9999" t="d"><v>not a date</v></c>',
  '<c t="inlineStr"><is><t>Phường ẩn</t></is></c>',
  '<row r="0">',
  '<row r="99999999"><c r="XFD99999999"><v>1</v></c></row>',
  '<mergeCell ref="A1:XFD1048576"/>',
  '<mergeCell ref="C3:A1"/>',
  '<mergeCells><mergeCell ref="B2:D40"/></mergeCells>',
  '<numFmt numFmtId="164" formatCode="[$-x]yyyy&quot;"/>',
  '</sheetData>',
  '<sheetData>',
  '</row>',
  '</c>',
  '<v>',
  '<si><t>',
]

/** Mutates the text of one XML part: flipped characters, cut or doubled slices, odd markup. */
function mutatedXml(random: Random, xml: string): string {
  let out = xml
  const edits = 1 + random.int(6)
  for (let i = 0; i < edits; i++) {
    const at = random.int(out.length + 1)
    switch (random.int(5)) {
      case 0:
        out = out.slice(0, at) + String.fromCharCode(random.int(0x3000)) + out.slice(at + 1)
        break
      case 1:
        out = out.slice(0, at) + out.slice(at + random.int(200))
        break
      case 2:
        out = out.slice(0, at) + out.slice(at, at + random.int(400)) + out.slice(at)
        break
      default:
        out = out.slice(0, at) + random.pick(XML_JUNK) + out.slice(at)
    }
  }
  return out
}

async function xmlMutated(random: Random, bytes: Uint8Array): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes)
  const parts = Object.keys(zip.files).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'))
  const sheetParts = parts.filter((p) => p.startsWith('xl/worksheets/'))
  // Mostly the sheets, where the rows are; sometimes strings, styles, the workbook or the rels.
  const path =
    random.next() < 0.6 && sheetParts.length > 0 ? random.pick(sheetParts) : random.pick(parts)
  const text = await zip.file(path)!.async('string')
  zip.file(path, mutatedXml(random, text))
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

/** CSV records in another order (the header too, sometimes), as bytes in the file's encoding. */
function shuffledCsv(random: Random, bytes: Uint8Array): Uint8Array {
  const lines: Uint8Array[] = []
  let start = 0
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x0a) {
      lines.push(bytes.subarray(start, i + 1))
      start = i + 1
    }
  }
  if (start < bytes.length) lines.push(bytes.subarray(start))
  const keepHeader = random.next() < 0.7
  const body = keepHeader ? lines.slice(1) : lines
  for (let i = body.length - 1; i > 0; i--) {
    const j = random.int(i + 1)
    ;[body[i], body[j]] = [body[j]!, body[i]!]
  }
  const all = keepHeader ? [lines[0]!, ...body] : body
  const out = new Uint8Array(all.reduce((n, l) => n + l.length, 0))
  let at = 0
  for (const line of all) {
    out.set(line, at)
    at += line.length
  }
  return out
}

const CONTROL = '\u0000\u0001\u0007\u000b\u001b\u007f\u200b\ufeff'

function oddValue(random: Random): unknown {
  switch (random.int(14)) {
    case 0:
      return 'Bánh '.repeat(2_000 + random.int(8_000)) // up to ~50k characters
    case 1:
      return -random.int(1_000_000) / (1 + random.int(10))
    case 2:
      return new Date(Date.UTC(1800 + random.int(400), random.int(12), 1 + random.int(28)))
    case 3:
      return { formula: 'A1/0', result: { error: '#DIV/0!' } }
    case 4:
      return { formula: 'CONCAT("Xã ","Cẩm Xá")', result: 'Xã Cẩm Xá' }
    case 5:
      return { formula: 'SUM(G2:G9)', result: 1e308 * (random.next() < 0.5 ? 1 : -1) }
    case 6:
      return '🍵🌾 Chè búp 🇻🇳 ' + '👩‍🌾'.repeat(random.int(50))
    case 7:
      return `Tên${CONTROL}sản\r\nphẩm\t${CONTROL.repeat(random.int(20))}`
    case 8:
      return { error: random.pick(['#N/A', '#REF!', '#VALUE!', '#NAME?']) }
    case 9:
      return { richText: [{ text: 'Phường ' }, { text: 'Dị Sử', font: { name: '.VnTime' } }] }
    case 10:
      return random.next() < 0.5
    case 11:
      return random.pick(['5 sao', '★★★★', '0', '101', '-3', '72,5', '1.000,5', 'NaN', '∞'])
    case 12:
      return random.pick(['31/02/2021', '2021-13-45', '00/00/0000', '12/2021', 'ngày 5 tháng 3'])
    default:
      return null
  }
}

async function oddCells(random: Random, bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = await loadWorkbook(bytes)
  const sheets = workbook.worksheets
  const sheet = sheets[random.int(sheets.length)] ?? workbook.addWorksheet('Trang')
  const writes = 1 + random.int(25)
  for (let i = 0; i < writes; i++) {
    const cell = sheet.getCell(1 + random.int(40), 1 + random.int(14))
    if (cell.isMerged) continue
    cell.value = oddValue(random) as never
    if (random.next() < 0.2) cell.numFmt = random.pick(['0.0', 'dd/mm/yyyy', '@', '#,##0', 'yyyy'])
    if (random.next() < 0.1) cell.font = { name: random.pick(['.VnTime', 'VNI-Times', 'Arial']) }
  }
  if (random.next() < 0.3) {
    const top = 1 + random.int(30)
    const left = 1 + random.int(10)
    try {
      sheet.mergeCells(top, left, top + random.int(5), left + random.int(4))
    } catch {
      // Overlaps an existing merge: leave the sheet as it is.
    }
  }
  return workbookToBytes(workbook)
}

// ---------------------------------------------------------------------------------------------
// Cases: 264 in all, each from its own seed

function cases(
  label: string,
  count: number,
  seed: number,
  from: readonly { file: string; bytes: Uint8Array }[],
  mutate: (random: Random, bytes: Uint8Array) => Uint8Array | Promise<Uint8Array>,
): Case[] {
  return Array.from({ length: count }, (_, i) => {
    const random = prng(seed * 10_007 + i)
    const fixture = random.pick(from)
    return {
      name: `${label} #${i} (${fixture.file})`,
      fileName: fixture.file,
      make: async () => mutate(random, fixture.bytes),
    }
  })
}

describe('checkFile on mutated commune files: a result or an AppError, never a crash or hang', () => {
  it(
    'truncated at random lengths (48 cases)',
    () => runCases(cases('truncated', 48, 1, fixtures, truncated)),
    SUITE_MS,
  )

  it(
    'random bytes flipped anywhere (60 cases)',
    () => runCases(cases('flipped', 60, 2, fixtures, flipped)),
    SUITE_MS,
  )

  it(
    'random edits inside an inflated XML part, re-zipped (72 cases)',
    () => runCases(cases('xml', 72, 3, xlsx, xmlMutated)),
    SUITE_MS,
  )

  it(
    'CSV records shuffled (24 cases)',
    () => runCases(cases('shuffled', 24, 4, csv, shuffledCsv)),
    SUITE_MS,
  )

  it(
    'odd values written into copies of the workbooks (54 cases)',
    () => runCases(cases('values', 54, 5, xlsx, oddCells)),
    SUITE_MS,
  )

  it('hand-made edge cases (6 cases)', async () => {
    const workbook = createWorkbook()
    const sheet = workbook.addWorksheet('Danh sách')
    sheet.getCell('A1').value = 'Tên sản phẩm'
    const plain = await workbookToBytes(workbook)
    const edit = (path: string, change: (xml: string) => string) => async () => {
      const zip = await JSZip.loadAsync(plain)
      zip.file(path, change(await zip.file(path)!.async('string')))
      return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
    }
    const sheetXml = 'xl/worksheets/sheet1.xml'
    await runCases([
      {
        name: 'a merge over the whole sheet',
        fileName: 'gop.xlsx',
        make: edit(sheetXml, (x) =>
          x.replace(
            '</sheetData>',
            '</sheetData><mergeCells><mergeCell ref="A1:XFD1048576"/></mergeCells>',
          ),
        ),
      },
      {
        name: 'a cell beyond column XFD',
        fileName: 'cot.xlsx',
        make: edit(sheetXml, (x) => x.replace('r="A1"', 'r="ZZZZ1"')),
      },
      {
        name: 'no sheetData at all',
        fileName: 'trong.xlsx',
        make: edit(sheetXml, (x) => x.replace(/<sheetData>[\s\S]*<\/sheetData>/, '')),
      },
      {
        name: 'an unclosed cell',
        fileName: 'mo.xlsx',
        make: edit(sheetXml, (x) => x.replace('</c>', '')),
      },
      {
        name: 'a shared string index far out of range',
        fileName: 'chuoi.xlsx',
        make: edit(sheetXml, (x) => x.replace(/<v>\d+<\/v>/, '<v>99999999999</v>')),
      },
      {
        name: 'the workbook part names no sheets',
        fileName: 'sach.xlsx',
        make: edit('xl/workbook.xml', (x) => x.replace(/<sheets>[\s\S]*<\/sheets>/, '<sheets/>')),
      },
    ])
  })
})
