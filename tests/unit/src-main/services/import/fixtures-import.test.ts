/**
 * Steps 1-6 of the import over the commune fixtures through `checkFile` (the function the worker
 * job and the CLI run): the data sheet is chosen automatically and must be the manifest's; the rows
 * are compared field by field with expected/<file>.expected.csv. The project's own fixtures always
 * run; ../shared/fixtures runs too when it is beside the repository.
 *
 * Rows a clerk gets by default are those without errors and without warnings other than
 * STARS_SCORE_MISMATCH (unknown units and duplicates are held out until resolved).
 *
 * Error codes of a manifest's `errors` map one to one onto ImportMessage codes (MISSING_PRODUCT,
 * SCORE_OUT_OF_RANGE, STARS_OUT_OF_RANGE, UNKNOWN_COMMUNE, DUPLICATE_ROW, YEAR_OUT_OF_RANGE,
 * DATE_INVALID); its empty column (whole row) is our column ''.
 */
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { checkFile } from '../../../../../src-main/services/import/check-file'
import { producerTypeLabel, type ImportRow } from '../../../../../src-shared/import/rows'
import {
  FIXTURE_SETS,
  fixtureBytes,
  readCsv,
  readManifest,
  readUnits,
  type ManifestFile,
} from './fixture-sets'
import { formatMessage } from '../../../../../src-shared/messages/format'

function ddmmyyyy(iso: string | null): string {
  if (iso === null) return ''
  const [y, m, d] = iso.split('-')
  return `${d}/${m}/${y}`
}

/** A row in the columns of the expected CSVs; `fullName` gives a unit's name by its code. */
function asExpected(row: ImportRow, fullName: ReadonlyMap<string, string>): Record<string, string> {
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

const byDefault = (row: ImportRow): boolean =>
  row.messages.every((m) => m.code === 'STARS_SCORE_MISMATCH')

for (const set of FIXTURE_SETS) {
  describe.skipIf(!set.present)(`import steps 1-6 over the commune files of ${set.title}`, () => {
    // A skipped set is still collected: read nothing that is not there.
    const files = set.present ? readManifest(set.commune) : []

    it('lists its files, each with its expected rows', () => {
      expect(files.length).toBeGreaterThan(0)
      for (const entry of files) {
        expect(existsSync(join(set.commune, entry.file)), entry.file).toBe(true)
        expect(existsSync(join(set.commune, entry.expected)), entry.expected).toBe(true)
      }
    })

    it.each(files.map((entry) => [entry.file, entry] as const))(
      '%s gives exactly its expected rows and messages',
      async (_file, entry: ManifestFile) => {
        const { units, fullName } = readUnits(set.commune)
        const check = await checkFile(fixtureBytes(set.commune, entry.file), entry.file, { units })
        expect(check.sheet).toBe(entry.sheet ?? check.sheets[0]?.name)
        expect(check.messages.filter((m) => m.level === 'error')).toEqual([])
        const { rows } = check
        expect(rows.filter(byDefault).map((row) => asExpected(row, fullName))).toEqual(
          readCsv(join(set.commune, entry.expected)),
        )
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
}
