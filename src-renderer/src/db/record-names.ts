/**
 * Records as messages and the history of changes name them: a product by its name, an evaluation
 * by its product and year, a plan target by its plan, a revocation decision by its number. A
 * record that is gone is named from its last image in the audit log.
 */
import type { AuditEntry } from '@shared/db/records'
import { revocationLabel } from '@shared/exchange/register-tables'
import type { NamedRecord } from '@shared/messages/catalogue'
import type { OcopDatabase } from './database'

type Image = Record<string, unknown>

const text = (value: unknown): string => (typeof value === 'string' ? value : '')

/** The latest image of a record the audit log holds (after its last change, or before a delete). */
export async function lastLoggedImage(
  db: OcopDatabase,
  table: string,
  id: string,
): Promise<unknown> {
  const lines: AuditEntry[] = await db.auditLog.where('recordId').equals(id).toArray()
  const last = lines.filter((line) => line.table === table).at(-1)
  return last === undefined ? null : (last.after ?? last.before ?? null)
}

/** The record as it is now, or as the audit log last saw it. */
async function imageOf(db: OcopDatabase, table: string, id: string): Promise<unknown> {
  if (table === 'settings') return null
  return (await db.table(table).get(id)) ?? lastLoggedImage(db, table, id)
}

async function nameOfImage(db: OcopDatabase, table: string, image: unknown): Promise<string> {
  if (typeof image !== 'object' || image === null) return ''
  const record = image as Image
  if (table === 'evaluations') {
    const product = await imageOf(db, 'products', text(record.productId))
    const productName = text((product as Image | null)?.name) || text(record.productId)
    return `${productName} (${String(record.year)})`
  }
  if (table === 'planTargets') {
    const plan = await imageOf(db, 'plans', text(record.planId))
    return text((plan as Image | null)?.name) || text(record.planId)
  }
  if (table === 'roundEntries') {
    const product = await imageOf(db, 'products', text(record.productId))
    return text((product as Image | null)?.name) || text(record.productId)
  }
  if (table === 'roundScores') {
    const entry = await nameOfImage(
      db,
      'roundEntries',
      await imageOf(db, 'roundEntries', text(record.entryId)),
    )
    const member = await imageOf(db, 'roundMembers', text(record.memberId))
    return `${entry} – ${text((member as Image | null)?.name) || text(record.memberId)}`
  }
  if (table === 'revocations') return revocationLabel(record.number)
  if (table === 'setAside') return nameOfImage(db, text(record.table), record.record)
  if (table === 'revocations') return `Quyết định thu hồi số ${text(record.number)}`
  if (table === 'issuedDocuments') return `${text(record.reference)} ${text(record.subject)}`.trim()
  return text(record.name) || text(record.id)
}

/** A record named from `image` (a record of `table`), or from the register and the log by id. */
export async function namedRecord(
  db: OcopDatabase,
  table: string,
  id: string,
  image?: unknown,
): Promise<NamedRecord> {
  const known = image ?? (await imageOf(db, table, id))
  return { table, name: table === 'settings' ? '' : (await nameOfImage(db, table, known)) || id }
}
