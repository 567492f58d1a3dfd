/**
 * Opening the database safely: when the file on disk is an older schema version, the data is
 * backed up first (through main, to the backup folder) and only then upgraded. If that backup
 * cannot be written, the upgrade does not happen.
 */
import Dexie from 'dexie'
import { AppError } from '@shared/errors'
import { CURRENT_SCHEMA_VERSION, DB_NAME } from '@shared/db/schema'
import { OcopDatabase } from './database'
import { createBackupContent } from './backup-tables'

export interface OpenOptions {
  name?: string
  appVersion: string
  /** Writes a pre-upgrade backup; must resolve only once the file is safely on disk. */
  writeBackup(content: string): Promise<unknown>
}

/** Opens (and if needed upgrades) the register's database. */
export async function openDatabase(options: OpenOptions): Promise<OcopDatabase> {
  const name = options.name ?? DB_NAME
  if (await Dexie.exists(name)) {
    // Opening without a schema reads the version on disk without upgrading anything.
    const probe = new Dexie(name)
    await probe.open()
    try {
      if (probe.verno > CURRENT_SCHEMA_VERSION) {
        throw new AppError({
          code: 'db.newer',
          params: {},
          cause: `on disk v${probe.verno}, app v${CURRENT_SCHEMA_VERSION}`,
        })
      }
      if (probe.verno < CURRENT_SCHEMA_VERSION) {
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
