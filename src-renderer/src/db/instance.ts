/** The open database, and which register it holds. */
import { todayIso, type IsoDate } from '@shared/dates'
import { DEMO_TODAY } from '@shared/domain/demo-my-hao-plan'
import type { OcopDatabase } from './database'
import type { RegisterKind } from './register-choice'

let current: { db: OcopDatabase; kind: RegisterKind } | undefined

/** Sets the open database once at start (and in tests). */
export function setDatabase(db: OcopDatabase, kind: RegisterKind = 'real'): void {
  current = { db, kind }
}

/** The open database; stores call repositories with it. */
export function useDatabase(): OcopDatabase {
  if (!current) throw new Error('database not opened yet')
  return current.db
}

/**
 * True while the practice register is open. The one question every path that lets data leave
 * the register asks: backups, and later the packages sent to other offices, refuse sample data,
 * and documents made from it say "DỮ LIỆU MẪU".
 */
export function isPracticeRegister(): boolean {
  return current?.kind === 'practice'
}

/** The date "as of today" means in the open register: 31/12/2020 in the practice register. */
export function registerToday(): IsoDate {
  return isPracticeRegister() ? DEMO_TODAY : todayIso()
}
