/**
 * Opening a register's database safely: when the file on disk is an older schema version, the
 * data is backed up first (through main, to the backup folder) and only then upgraded. If that
 * backup cannot be written, the upgrade does not happen. The practice register is the exception:
 * its sample data is never backed up, and a new one is filled with the Mỹ Hào demo.
 */
import Dexie from 'dexie'
import { AppError } from '@shared/errors'
import { CURRENT_SCHEMA_VERSION, DB_NAME } from '@shared/db/schema'
import criteriaCatalogue from '../../../resources/catalogues/criteria-sets.json'
import unitCatalogue from '../../../resources/catalogues/units-my-hao.json'
import { OcopDatabase } from './database'
import { evaluationSetsMiddleware } from './evaluation-sets'
import { createBackupContent, isDatabaseEmpty } from './backup-tables'
import { seedPracticeRegister } from './demo-repo'
import { PRACTICE_DB_NAME } from './register-choice'
import type { UnitCatalogueEntry } from '@shared/domain/units'

export interface OpenOptions {
  name?: string
  appVersion: string
  /**
   * Writes a pre-upgrade backup; must resolve only once the file is safely on disk. Absent for the
   * practice register, which is upgraded without one.
   */
  writeBackup?: (content: string) => Promise<unknown>
}

/**
 * The database as stored, whatever its version: opening without a schema reads the version on
 * disk without upgrading anything. Its evaluations read as the app reads them, by product.
 */
export function storedDatabase(name: string): Dexie {
  const probe = new Dexie(name)
  probe.use(evaluationSetsMiddleware)
  return probe
}

/** Opens (and if needed upgrades) the register's database. */
export async function openDatabase(options: OpenOptions): Promise<OcopDatabase> {
  const name = options.name ?? DB_NAME
  if (await Dexie.exists(name)) {
    const probe = storedDatabase(name)
    await probe.open()
    try {
      if (probe.verno > CURRENT_SCHEMA_VERSION) {
        throw new AppError({
          code: 'db.newer',
          params: {},
          cause: `on disk v${probe.verno}, app v${CURRENT_SCHEMA_VERSION}`,
        })
      }
      if (probe.verno < CURRENT_SCHEMA_VERSION && options.writeBackup) {
        const content = await createBackupContent(probe, 'pre-upgrade', options.appVersion)
        await options.writeBackup(content)
      }
    } finally {
      probe.close()
    }
  }
  const db = new OcopDatabase(name)
  await db.open()
  if (typeof navigator !== 'undefined' && navigator.storage?.persist) {
    // Ask Chromium never to evict the register under storage pressure.
    await navigator.storage.persist().catch(() => false)
  }
  return db
}

/** Opens the practice register, filling it with the Mỹ Hào demo when it is new (or was never filled). */
export async function openPracticeRegister(appVersion: string): Promise<OcopDatabase> {
  const db = await openDatabase({ name: PRACTICE_DB_NAME, appVersion })
  if (await isDatabaseEmpty(db)) {
    await seedPracticeRegister(db, {
      units: { title: unitCatalogue.title, units: unitCatalogue.units as UnitCatalogueEntry[] },
      criteriaSets: criteriaCatalogue,
    })
  }
  return db
}

/** Deletes the practice register (closing it first): the next start fills a new one. */
export async function deletePracticeRegister(open: OcopDatabase): Promise<void> {
  open.close()
  await Dexie.delete(PRACTICE_DB_NAME)
}
