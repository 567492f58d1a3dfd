/**
 * The import fixtures the tests read: the project's own, in tests/fixtures (written by
 * `npm run fixtures`), and, as an extra check, ../shared/fixtures when that folder sits beside the
 * repository. Both have the same layout: commune/ with manifest.json, expected/ and units.csv, and
 * bad/ with a README table of the message each file gives.
 */
import { existsSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import Papa from 'papaparse'
import type { UnitCandidate } from '@shared/import/units-match'

const REPO = resolve(__dirname, '../../../../..')
const SHARED = resolve(REPO, '../shared/fixtures')

export interface FixtureSet {
  /** The describe title: where the set comes from, and why it is skipped when it is. */
  title: string
  present: boolean
  commune: string
  bad: string
}

const folders = (dir: string) => ({ commune: join(dir, 'commune'), bad: join(dir, 'bad') })

/** The project's own fixtures. */
export const OWN_FIXTURES: FixtureSet = {
  title: 'tests/fixtures',
  present: true,
  ...folders(join(REPO, 'tests/fixtures')),
}

const sharedPresent = existsSync(SHARED)
/** The project's own fixtures, then the shared set (skipped, with one line, when absent). */
export const FIXTURE_SETS: readonly FixtureSet[] = [
  OWN_FIXTURES,
  {
    title: sharedPresent
      ? '../shared/fixtures (extra check)'
      : '../shared/fixtures (extra check; not present beside the repo: skipped)',
    present: sharedPresent,
    ...folders(SHARED),
  },
]

/** One commune file as manifest.json describes it. */
export interface ManifestFile {
  id: string
  file: string
  format: string
  sheet?: string
  header_rows: number[]
  data_rows: number[]
  expected: string
  warnings: { row: number; code: string }[]
  errors?: { row: number; column: string; code: string }[]
}

export function readManifest(commune: string): ManifestFile[] {
  const manifest = JSON.parse(readFileSync(join(commune, 'manifest.json'), 'utf8')) as {
    files: ManifestFile[]
  }
  return manifest.files
}

/** A CSV with a header row (the expected rows, units.csv) as records by column name. */
export function readCsv(path: string): Record<string, string>[] {
  const text = readFileSync(path, 'utf8')
  return Papa.parse<Record<string, string>>(text, { header: true, skipEmptyLines: true }).data
}

export function fixtureBytes(dir: string, name: string): Uint8Array {
  return new Uint8Array(readFileSync(join(dir, name)))
}

/** The units of units.csv as the importer matches them (no validity dates), by code. */
export function readUnits(commune: string): {
  units: UnitCandidate[]
  fullName: Map<string, string>
} {
  const rows = readCsv(join(commune, 'units.csv'))
  return {
    units: rows.map((u) => ({
      id: u.code ?? '',
      name: u.full_name ?? '',
      kind: u.kind === 'Xã' ? 'xa' : 'phuong',
      validFrom: null,
      validTo: null,
    })),
    fullName: new Map(rows.map((u) => [u.code ?? '', u.full_name ?? ''])),
  }
}

/**
 * The message bad/README.md gives for each file: its table rows read
 * | `file` | … | what the clerk is told |.
 */
export function badMessages(bad: string): Map<string, string> {
  const readme = readFileSync(join(bad, 'README.md'), 'utf8')
  const rows = readme.matchAll(/^\|\s*`([^`]+)`\s*\|.*\|\s*([^|]*?)\s*\|$/gmu)
  return new Map([...rows].map((m) => [m[1] ?? '', m[2] ?? '']))
}
