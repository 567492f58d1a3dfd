/**
 * The office's identity in the exchange between offices (src-shared/exchange/identity.ts), kept in
 * the register as the setting IDENTITY_KEY, and the install that holds it.
 *
 * The identity travels with the register: a backup restored on a second PC brings it along. The
 * install id does not: it is kept in the origin's localStorage, outside every register (the
 * practice register shares it), so the second PC sees an identity made elsewhere and the clerk
 * chooses which PC keeps it; the other takes a new one.
 *
 * The identity's audit lines keep no image of it: the private key is not copied into the log
 * (Lịch sử thay đổi shows a line's values), and a change of identity is not reverted from there
 * (its revert refuses a line without images): the packages sent since name it.
 */
import type { AuditAction, OfficeRecord } from '@shared/db/records'
import {
  IDENTITY_KEY,
  createOfficeIdentity,
  officeIdentitySchema,
  type OfficeIdentityKey,
} from '@shared/exchange/identity'
import {
  SHARED_TABLES,
  TRAVELLING_TABLES,
  isOwnedHere,
  revisionOf,
  type OwnedRecord,
} from '@shared/exchange/ownership'
import { normalizeText } from '@shared/text/vietnamese'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'

const INSTALL_KEY = 'ocop-desk.install'

/** This install's id, made on first use. */
export function installIdOf(storage: Storage = localStorage): string {
  const known = storage.getItem(INSTALL_KEY)
  if (known) return known
  const made = crypto.randomUUID()
  storage.setItem(INSTALL_KEY, made)
  return made
}

/** The name and unit of the office, which the clerk may edit; the id and the key never change. */
export type IdentityOffice = Pick<OfficeIdentityKey, 'name' | 'unitName' | 'unitCode'>

/**
 * Whether the register has an identity, and whether this install holds it: 'other-install' when
 * the register was restored from another PC's backup.
 */
export type IdentityStatus = 'none' | 'here' | 'other-install'

export function identityStatus(
  identity: OfficeIdentityKey | null,
  installId: string,
): IdentityStatus {
  if (identity === null) return 'none'
  return identity.installId === installId ? 'here' : 'other-install'
}

/** The register's identity; a stored value that is not one is treated as none (and logged). */
export async function loadIdentity(db: OcopDatabase): Promise<OfficeIdentityKey | null> {
  const stored = (await db.settings.get(IDENTITY_KEY))?.value
  if (stored === undefined) return null
  const parsed = officeIdentitySchema.safeParse(stored)
  if (parsed.success) return parsed.data
  console.error('the stored exchange identity is not one; treated as none', parsed.error)
  return null
}

function cleaned(office: IdentityOffice): IdentityOffice {
  return {
    name: normalizeText(office.name),
    unitName: normalizeText(office.unitName),
    unitCode: office.unitCode.trim(),
  }
}

/** "Phòng Kinh tế thị xã Mỹ Hào (Phường Mỹ Hào, mã 12103)", as the audit lines name the office. */
function officeLabel(office: IdentityOffice): string {
  if (office.unitName === '') return office.name
  const unit =
    office.unitCode === '' ? office.unitName : `${office.unitName}, mã ${office.unitCode}`
  return `${office.name} (${unit})`
}

async function writeIdentity(
  db: OcopDatabase,
  identity: OfficeIdentityKey,
  action: AuditAction,
  summary: string,
): Promise<OfficeIdentityKey> {
  const value = officeIdentitySchema.parse(identity)
  await db.settings.put({ key: IDENTITY_KEY, value })
  await recordAudit(db, { action, table: 'settings', recordId: IDENTITY_KEY, summary })
  return value
}

/** Makes the office's identity, held by this install; refused when the register has one. */
export async function createIdentity(
  db: OcopDatabase,
  office: IdentityOffice,
  installId: string,
): Promise<OfficeIdentityKey> {
  // The key pair is made before the transaction: a Dexie transaction ends at a foreign await.
  const identity = await createOfficeIdentity(cleaned(office), installId, new Date().toISOString())
  return db.transaction('rw', db.settings, db.auditLog, async () => {
    if ((await loadIdentity(db)) !== null) throw new Error('the register has an identity already')
    return writeIdentity(
      db,
      identity,
      'create',
      `Tạo danh tính trao đổi dữ liệu: ${officeLabel(identity)}`,
    )
  })
}

/** Changes the office's name and unit. */
export async function updateIdentityOffice(
  db: OcopDatabase,
  office: IdentityOffice,
): Promise<OfficeIdentityKey> {
  return db.transaction('rw', db.settings, db.auditLog, async () => {
    const before = await loadIdentity(db)
    if (before === null) throw new Error('the register has no identity to change')
    const identity = { ...before, ...cleaned(office) }
    return writeIdentity(
      db,
      identity,
      'update',
      `Sửa danh tính trao đổi dữ liệu: ${officeLabel(identity)}`,
    )
  })
}

/** The identity another install holds, which this install is to resolve. */
async function identityOfOtherInstall(
  db: OcopDatabase,
  installId: string,
): Promise<OfficeIdentityKey> {
  const identity = await loadIdentity(db)
  if (identity === null || identityStatus(identity, installId) !== 'other-install') {
    throw new Error('the register holds no identity of another install')
  }
  return identity
}

/** This install keeps the identity; the other install, when it opens its register, must take a new one. */
export async function keepIdentityHere(
  db: OcopDatabase,
  installId: string,
): Promise<OfficeIdentityKey> {
  return db.transaction('rw', db.settings, db.auditLog, async () => {
    const identity = await identityOfOtherInstall(db, installId)
    return writeIdentity(
      db,
      { ...identity, installId },
      'update',
      `Máy này giữ danh tính trao đổi dữ liệu của ${identity.name}; máy kia phải nhận danh tính mới`,
    )
  })
}

// Units and criteria sets stay this office's own: they are reference data every office matches
// to its own list (ownership.ts), and this office goes on keeping its list of units.
const HANDED_OVER_TABLES = TRAVELLING_TABLES.filter((table) => !SHARED_TABLES.includes(table))

export interface NewIdentity {
  identity: OfficeIdentityKey
  /** The records that became the old office's. */
  handedOver: number
}

/**
 * This install takes a new identity (a new office id and key pair, same name and unit), leaving
 * the old one to the install that holds it. The records made under the old identity are that
 * office's: each gets it as its origin, with its revision, and so is read-only here as records
 * received from it are; the old office becomes an office this register knows, its key trusted.
 */
export async function takeNewIdentity(
  db: OcopDatabase,
  installId: string,
  now: string,
): Promise<NewIdentity> {
  const old = await identityOfOtherInstall(db, installId)
  const { name, unitName, unitCode } = old
  const fresh = await createOfficeIdentity({ name, unitName, unitCode }, installId, now)
  const tables = [
    db.settings,
    db.auditLog,
    db.offices,
    ...TRAVELLING_TABLES.map((table) => db.table(table)),
  ]
  return db.transaction('rw', tables, async () => {
    const current = await identityOfOtherInstall(db, installId)
    if (current.officeId !== old.officeId) throw new Error('the identity changed meanwhile')

    const planRevisions = new Map(
      (await db.plans.toArray()).map((plan) => [
        plan.id,
        revisionOf('plans', plan, () => undefined),
      ]),
    )
    const planRevision = (planId: string) => planRevisions.get(planId)
    let handedOver = 0
    for (const table of HANDED_OVER_TABLES) {
      const made = ((await db.table(table).toArray()) as OwnedRecord[]).filter(isOwnedHere)
      await db.table(table).bulkPut(
        made.map((record) => ({
          ...record,
          origin: {
            office: old.officeId,
            id: record.id,
            rev: revisionOf(table, record, planRevision),
          },
        })),
      )
      handedOver += made.length
    }

    const before = await db.offices.get(old.officeId)
    const office: OfficeRecord = {
      id: old.officeId,
      name,
      unitName,
      unitCode,
      publicKey: old.publicKey,
      trustedAt: now,
      createdAt: before?.createdAt ?? now,
      updatedAt: now,
    }
    await db.offices.put(office)
    await recordAudit(db, {
      action: before === undefined ? 'create' : 'update',
      table: 'offices',
      recordId: office.id,
      summary: `Thêm đơn vị trao đổi ${name}: danh tính máy này dùng trước đây`,
      before: before ?? null,
      after: office,
    })
    const identity = await writeIdentity(
      db,
      fresh,
      'update',
      `Máy này nhận danh tính trao đổi dữ liệu mới; ${handedOver} bản ghi tạo trước đây trở thành của đơn vị cũ (chỉ xem)`,
    )
    return { identity, handedOver }
  })
}
