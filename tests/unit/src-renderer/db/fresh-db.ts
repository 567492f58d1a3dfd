/**
 * A new, empty register database per test (fake-indexeddb), deleted after the test. Call
 * `useFreshDatabases('name')` at the top of a test file; it registers the clean-up.
 */
import 'fake-indexeddb/auto'
import Dexie from 'dexie'
import { afterEach } from 'vitest'
import type { OcopDatabase } from '@/db/database'
import { openDatabase } from '@/db/open-database'

export function useFreshDatabases(prefix: string): () => Promise<OcopDatabase> {
  let counter = 0
  const opened: OcopDatabase[] = []
  afterEach(async () => {
    for (const db of opened.splice(0)) {
      db.close()
      await Dexie.delete(db.name)
    }
  })
  return async () => {
    const db = await openDatabase({
      name: `${prefix}-${++counter}`,
      appVersion: 'test',
      writeBackup: async () => undefined,
    })
    opened.push(db)
    return db
  }
}
