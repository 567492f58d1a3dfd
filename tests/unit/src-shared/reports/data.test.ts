import { describe, expect, it } from 'vitest'
import { parseBackup, serializeBackup, type NewBackup } from '@shared/db/backup-format'
import { CURRENT_SCHEMA_VERSION } from '@shared/db/schema'
import { EMPTY_OFFICE } from '@shared/domain/office'
import { DEFAULT_RANKING_RULES, RANKING_RULES_KEY } from '@shared/domain/ranking-rules'
import { buildReport } from '@shared/reports/build'
import { officeFromSettings, reportDataFromTables } from '@shared/reports/data'
import { MY_HAO_OFFICE, annexOf, myHaoData, records, tableOf } from './my-hao-fixture'

function backupOf(settings: unknown[]): NewBackup {
  const data = myHaoData()
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: '0.0.0-test',
    kind: 'manual',
    createdAt: '2026-01-01T00:00:00.000Z',
    tables: {
      units: [...data.units],
      producers: [...data.producers],
      products: [...data.products],
      evaluations: [...data.evaluations],
      criteriaSets: [...data.criteriaSets],
      plans: [...data.plans],
      planTargets: [...data.planTargets],
      changeBatches: [],
      auditLog: [],
      settings,
      setAside: [],
      issuedDocuments: [],
      scoringSheets: [],
      rounds: [],
      roundMembers: [],
      roundEntries: [],
      roundScores: [],
      offices: [],
      packages: [],
      revocations: [],
    },
  }
}

describe('reportDataFromTables: the register of a backup file, for the CLI', () => {
  it('reads a backup written by Cài đặt into the same report as the app builds', async () => {
    const settings = [
      { key: 'pref:reports.products', value: { grouping: 'units' } },
      { key: 'office', value: MY_HAO_OFFICE },
    ]
    const { backup } = await parseBackup(await serializeBackup(backupOf(settings)), 'sao-luu.json')
    const data = reportDataFromTables(backup.tables)
    expect(data.office).toEqual(MY_HAO_OFFICE)
    expect(data.products).toHaveLength(9)
    const options = { date: '2020-12-31', signedOn: '2021-01-05', docNumber: '5' }
    expect(buildReport('products', data, options)).toEqual(
      buildReport('products', myHaoData(), options),
    )
    expect(records(tableOf(buildReport('units', data, options), 1), ['total'])[0]?.total).toBe(7)
  })

  it('leaves the office empty when none was saved, and keeps only its text fields', () => {
    expect(officeFromSettings([])).toEqual(EMPTY_OFFICE)
    expect(
      officeFromSettings([
        { key: 'office', value: { placeName: 'Mỹ Hào', signerName: 42, extra: 'x' } },
      ]),
    ).toEqual({ ...EMPTY_OFFICE, placeName: 'Mỹ Hào' })
    expect(officeFromSettings([{ key: 'office', value: null }])).toEqual(EMPTY_OFFICE)
  })

  it('reads the months a 1★-2★ result stands as Cài đặt saved them, else the default 36', async () => {
    const settings = [{ key: RANKING_RULES_KEY, value: { lowStarResultMonths: 12 } }]
    const { backup } = await parseBackup(await serializeBackup(backupOf(settings)), 'sao-luu.json')
    const data = reportDataFromTables(backup.tables)
    expect(data.rankingRules).toEqual({ lowStarResultMonths: 12 })
    // The demo's 2★ products of 20/12/2018 have lapsed on 31/12/2019 under 12 months.
    const stars = (report: ReturnType<typeof buildReport>) =>
      records(tableOf(annexOf(report))).map((r) => r.stars)
    const options = { date: '2019-12-31', signedOn: '2020-01-06', docNumber: '' }
    expect(stars(buildReport('producers', data, options))).not.toContain(2)
    expect(stars(buildReport('producers', myHaoData(), options))).toContain(2)
    expect(reportDataFromTables({ settings: [] }).rankingRules).toEqual(DEFAULT_RANKING_RULES)
    expect(
      reportDataFromTables({
        settings: [{ key: RANKING_RULES_KEY, value: { lowStarResultMonths: 0 } }],
      }).rankingRules,
    ).toEqual(DEFAULT_RANKING_RULES)
  })

  it('treats a missing table as empty', () => {
    const data = reportDataFromTables({ products: [] })
    expect(data.units).toEqual([])
    expect(data.planTargets).toEqual([])
    expect(data.office).toEqual(EMPTY_OFFICE)
  })
})
