// One import measurement in a fresh Node process, so its peak RSS is its own:
//   node import-child.mjs check <bundle.cjs> <file.xlsx> <units.csv>
//   node import-child.mjs read <bundle.cjs> <file.xlsx>   (readTable alone: the reader's share)
//   node import-child.mjs scan <file.xlsx>
// Prints one JSON line { ms, MiB, ... }; MiB is the process's peak RSS.
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import JSZip from 'jszip'
import Papa from 'papaparse'
import { peakMiB } from './peak-rss.mjs'

const require = createRequire(import.meta.url)
const [mode, ...args] = process.argv.slice(2)

function units(csvPath) {
  const rows = Papa.parse(readFileSync(csvPath, 'utf8'), { header: true, skipEmptyLines: true })
  return rows.data.map((u) => ({
    id: u.code,
    name: u.full_name,
    kind: u.kind === 'Xã' ? 'xa' : 'phuong',
    validFrom: null,
    validTo: null,
  }))
}

async function check(bundle, file, unitsCsv) {
  const { checkFile } = require(bundle)
  const bytes = new Uint8Array(readFileSync(file))
  const candidates = units(unitsCsv)
  const start = performance.now()
  const result = await checkFile(bytes, file, { units: candidates })
  const ms = performance.now() - start
  const count = (status) => result.rows.filter((r) => r.status === status).length
  return { ms, rows: result.rows.length, ok: count('ok'), errors: count('error') }
}

async function read(bundle, file) {
  const { readTable } = require(bundle)
  const bytes = new Uint8Array(readFileSync(file))
  const start = performance.now()
  const table = await readTable(bytes, file, { kind: 'xlsx' })
  const ms = performance.now() - start
  return { ms, rows: table.sheets.reduce((n, s) => n + s.rows.length, 0) }
}

/** The least any reader must do: inflate the sheet part and look at every cell's value once. */
async function scan(file) {
  const bytes = readFileSync(file)
  const start = performance.now()
  const zip = await JSZip.loadAsync(bytes)
  const xml = await zip.file('xl/worksheets/sheet1.xml').async('string')
  const shared = zip.file('xl/sharedStrings.xml')
  const strings = shared ? await shared.async('string') : ''
  let cells = 0
  let chars = 0
  const cell = /<c [^>]*?(?:\/>|>([\s\S]*?)<\/c>)/g
  const value = /<v>([^<]*)<\/v>|<t[^>]*>([^<]*)<\/t>/
  for (let m = cell.exec(xml); m !== null; m = cell.exec(xml)) {
    cells += 1
    const v = m[1] === undefined ? null : value.exec(m[1])
    if (v) chars += (v[1] ?? v[2]).length
  }
  for (const m of strings.matchAll(/<t[^>]*>([^<]*)<\/t>/g)) chars += m[1].length
  const ms = performance.now() - start
  return { ms, cells, chars }
}

const result =
  mode === 'check'
    ? await check(...args)
    : mode === 'read'
      ? await read(...args)
      : await scan(...args)
const MiB = peakMiB()
console.log(JSON.stringify({ ...result, MiB }))
