import type { OcopDatabase } from './database'

let current: OcopDatabase | undefined

/** Sets the open database once at start (and in tests). */
export function setDatabase(db: OcopDatabase): void {
  current = db
}

/** The open database; stores call repositories with it. */
export function useDatabase(): OcopDatabase {
  if (!current) throw new Error('database not opened yet')
  return current
}
