/**
 * Steps 1-6 of the import over the real commune fixtures through `checkFile` (the function the
 * worker job and the CLI run): the data sheet is chosen automatically and must be the manifest's;
 * the rows are compared field by field with expected/<file>.expected.csv.
 *
 * Rows a clerk gets by default are those without errors and without warnings other than
 * STARS_SCORE_MISMATCH (README: unknown units and duplicates are held out until resolved).
 *
 * Error codes of expected/12_bad_rows.xlsx.errors.csv map one to one onto ImportMessage codes
 * (MISSING_PRODUCT, SCORE_OUT_OF_RANGE, STARS_OUT_OF_RANGE, UNKNOWN_COMMUNE, DUPLICATE_ROW,
 * YEAR_OUT_OF_RANGE); its empty column (whole row) is our column ''.
 */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import Papa from 'papaparse'
import { describe, expect, it } from 'vitest'
import { checkFile } from '../../../../../src-main/services/import/check-file'
import { producerTypeLabel, type ImportRow } from '../../../../../src-shared/import/rows'
import type { UnitCandidate } from '../../../../../src-shared/import/units-match'
import { formatMessage } from '../../../../../src-shared/messages/format'

const COMMUNE = join(__dirname, '../../../../../../shared/fixtures/commune')

interface ManifestFile {
  file: string
  sheet?: string
  expected: string
  warnings: { row: number; code: string }[]
  errors?: { row: number; column: string; code: string }[]
}
const manifest = JSON.parse(readFileSync(join(COMMUNE, 'manifest.json'), 'utf8')) as {
  files: ManifestFile[]
}

function csv(name: string): Record<string, string>[] {
  const text = readFileSync(join(COMMUNE, name), 'utf8')
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
}

const unitRows = csv('units.csv')
const units: UnitCandidate[] = unitRows.map((u) => ({
  id: u.code ?? '',
  name: u.full_name ?? '',
  kind: u.kind === 'Xã' ? 'xa' : 'phuong',
  validFrom: null,
  validTo: null,
}))
const fullName = new Map(unitRows.map((u) => [u.code ?? '', u.full_name ?? '']))

function ddmmyyyy(iso: string | null): string {
  if (iso === null) return ''
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

function asExpected(row: ImportRow): Record<string, string> {
  const f = row.fields
  return {
    product: f.product,
    producer: f.producer,
    producer_type: f.producerType === null ? '' : producerTypeLabel(f.producerType),
    commune: f.unit === null ? '' : (fullName.get(f.unit) ?? ''),
    group: f.group,
    score: f.score === null ? '' : f.score.toFixed(1),
    stars: f.stars === null ? '' : String(f.stars),
    year: f.year === null ? '' : String(f.year),
    decision_no: f.decisionNo,
    decision_date: ddmmyyyy(f.decisionDate),
  }
}

async function importFixture(entry: ManifestFile) {
  const bytes = new Uint8Array(readFileSync(join(COMMUNE, entry.file)))
  const check = await checkFile(bytes, entry.file, { units })
  expect(check.sheet).toBe(entry.sheet ?? check.sheets[0]?.name)
  expect(check.messages.filter((m) => m.level === 'error')).toEqual([])
  return check
}

const byDefault = (row: ImportRow): boolean =>
  row.messages.every((m) => m.code === 'STARS_SCORE_MISMATCH')

describe('import steps 1-6 over the commune fixtures', () => {
  it.each(manifest.files.map((entry) => [entry.file, entry] as const))(
    '%s gives exactly its expected rows and messages',
    async (_file, entry) => {
      const { rows } = await importFixture(entry)
      const ready = rows.filter(byDefault)
      expect(ready.map(asExpected)).toEqual(csv(entry.expected))
      const warnings = rows.flatMap((r) =>
        r.messages
          .filter((m) => m.code === 'STARS_SCORE_MISMATCH')
          .map((m) => ({ row: r.row, code: m.code })),
      )
      expect(warnings).toEqual(entry.warnings.map((w) => ({ row: w.row, code: w.code })))
      const problems = rows.flatMap((r) =>
        r.messages
          .filter((m) => m.code !== 'STARS_SCORE_MISMATCH')
          .map((m) => ({ row: r.row, column: m.where.column ?? '', code: m.code })),
      )
      expect(problems).toEqual(
        (entry.errors ?? []).map((e) => ({ row: e.row, column: e.column, code: e.code })),
      )
      for (const row of rows) {
        for (const m of row.messages) {
          expect(formatMessage(m)).toMatch(/^Tệp .+, trang ".+", dòng \d+/u)
        }
      }
    },
    20_000,
  )
})
