// Large commune workbooks for the import benchmark, in the layout of commune fixture 01
// (tests/fixtures/commune/01_clean_list.xlsx): one sheet 'Danh sách OCOP', a bold
// Times New Roman header in row 1, then valid, consistent product rows with unique names.
// Written with ExcelJS's streaming WorkbookWriter into os.tmpdir(), cached by row count.
import { existsSync, mkdirSync, readFileSync, renameSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import ExcelJS from 'exceljs'
import Papa from 'papaparse'
import { STANDARD_HEADER, STANDARD_WIDTHS } from '../../tools/fixtures/clean.mjs'
import { GROUPS } from '../../tools/fixtures/data.mjs'

// Bump when the layout changes, so cached files are rebuilt.
const LAYOUT_VERSION = 1
const root = resolve(import.meta.dirname, '../..')
export const FIXTURES = process.env.OCOP_FIXTURES ?? resolve(root, 'tests/fixtures')
export const UNITS_CSV = join(FIXTURES, 'commune/units.csv')
const CACHE = join(tmpdir(), 'ocop-bench-import')

const GROUP_NAMES = Object.values(GROUPS).map((group) => group.name)
const KINDS = ['Tương', 'Bánh cuốn', 'Chổi chít', 'Cá trắm giòn', 'Rau mầm', 'Gạo nếp', 'Mật ong']
const PRODUCERS = [
  ['Hộ kinh doanh', 'Hộ kinh doanh Nguyễn Văn'],
  ['Hợp tác xã', 'HTX Dịch vụ nông nghiệp'],
  ['Tổ hợp tác', 'Tổ hợp tác sản xuất'],
  ['Doanh nghiệp', 'Công ty TNHH'],
]

/** The fixture's communes: full names from units.csv. */
export function communeNames() {
  const text = readFileSync(UNITS_CSV, 'utf8')
  const rows = Papa.parse(text, { header: true, skipEmptyLines: true }).data
  return rows.map((u) => u.full_name)
}

/** A small deterministic PRNG (mulberry32). */
function prng(seed) {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

function starsFor(score) {
  if (score >= 90) return 5
  if (score >= 70) return 4
  return 3
}

async function write(path, rows) {
  const communes = communeNames()
  const random = prng(rows)
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  })
  const sheet = workbook.addWorksheet('Danh sách OCOP')
  sheet.columns = STANDARD_WIDTHS.map((width) => ({ width }))
  const header = sheet.addRow(STANDARD_HEADER)
  header.font = { name: 'Times New Roman', bold: true, size: 12 }
  header.commit()
  for (let i = 1; i <= rows; i++) {
    const commune = communes[i % communes.length]
    const place = commune.replace(/^(Phường|Xã) /, '')
    const [type, producerPrefix] = PRODUCERS[i % PRODUCERS.length]
    const score = Math.round((50 + random() * 50) * 10) / 10
    const year = 2019 + (i % 6)
    const day = 1 + Math.floor(random() * 28)
    const month = Math.floor(random() * 12)
    const row = sheet.addRow([
      i,
      `${KINDS[i % KINDS.length]} ${place} số ${i}`,
      `${producerPrefix} ${place} ${i % 997}`,
      type,
      commune,
      GROUP_NAMES[i % GROUP_NAMES.length],
      score,
      starsFor(score),
      year,
      `${1000 + (i % 8999)}/QĐ-UBND`,
      new Date(Date.UTC(year, month, day)),
    ])
    row.getCell(7).numFmt = '0.0'
    row.getCell(11).numFmt = 'dd/mm/yyyy'
    row.commit()
  }
  sheet.commit()
  await workbook.commit()
}

/** The path of a cached workbook of `rows` product rows, written on first use. */
export async function importWorkbook(rows) {
  mkdirSync(CACHE, { recursive: true })
  const path = join(CACHE, `commune-v${LAYOUT_VERSION}-${rows}.xlsx`)
  if (!existsSync(path)) {
    const partial = `${path}.${process.pid}.part`
    await write(partial, rows)
    renameSync(partial, path)
  }
  return path
}
