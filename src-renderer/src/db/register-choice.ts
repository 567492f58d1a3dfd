/**
 * Which register the app opens: the clerk's own, or the practice register of the Mỹ Hào sample
 * data, each its own IndexedDB database of the same schema. The choice cannot live in either
 * database (it decides which one to open), so it is kept in the origin's localStorage.
 */
import { DB_NAME } from '@shared/db/schema'

export type RegisterKind = 'real' | 'practice'

/** The practice register's database: sample data only, never backed up, never exported. */
export const PRACTICE_DB_NAME = 'ocop-desk-practice'

const CHOICE_KEY = 'ocop-desk.register'

/** The database that holds a register. */
export function databaseNameOf(kind: RegisterKind): string {
  return kind === 'practice' ? PRACTICE_DB_NAME : DB_NAME
}

/** The register the clerk last chose; the real one unless they opened the practice register. */
export function chosenRegister(storage: Storage = localStorage): RegisterKind {
  return storage.getItem(CHOICE_KEY) === 'practice' ? 'practice' : 'real'
}

/** Remembers the register to open at the next start. */
export function chooseRegister(kind: RegisterKind, storage: Storage = localStorage): void {
  if (kind === 'practice') storage.setItem(CHOICE_KEY, kind)
  else storage.removeItem(CHOICE_KEY)
}
