/**
 * `npm run ocop -- demo --out FILE.json`: the Mỹ Hào practice register as a backup file, in the
 * format Cài đặt writes and reads, so every report can be tried from the command line.
 */
import { serializeBackup } from '@shared/db/backup-format'
import { CURRENT_SCHEMA_VERSION, TABLE_NAMES, type TableName } from '@shared/db/schema'
import { demoRegisterTables } from '@shared/domain/demo-register'
import type { UnitCatalogueEntry } from '@shared/domain/units'
import criteriaCatalogue from '../../resources/catalogues/criteria-sets.json'
import unitCatalogue from '../../resources/catalogues/units-my-hao.json'
import { version } from '../../package.json'

/** The backup file's text, dated `now`. */
export function demoBackup(now: string): Promise<string> {
  const demo: Partial<Record<TableName, unknown[]>> = demoRegisterTables(
    { units: unitCatalogue.units as UnitCatalogueEntry[] },
    criteriaCatalogue,
    now,
  )
  const tables = Object.fromEntries(TABLE_NAMES.map((name) => [name, demo[name] ?? []])) as Record<
    TableName,
    unknown[]
  >
  return serializeBackup({
    schemaVersion: CURRENT_SCHEMA_VERSION,
    appVersion: version,
    kind: 'manual',
    createdAt: now,
    tables,
  })
}
