/** Settings are key-value records; the office identity is one of them. */
import { EMPTY_OFFICE, type OfficeIdentity } from '@shared/domain/office'
import { normalizeText } from '@shared/text/vietnamese'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'

const OFFICE_KEY = 'office'

export async function getOffice(db: OcopDatabase): Promise<OfficeIdentity> {
  const setting = await db.settings.get(OFFICE_KEY)
  return { ...EMPTY_OFFICE, ...((setting?.value as Partial<OfficeIdentity> | undefined) ?? {}) }
}

export async function saveOffice(
  db: OcopDatabase,
  office: OfficeIdentity,
): Promise<OfficeIdentity> {
  const value = Object.fromEntries(
    Object.entries(office).map(([key, text]) => [key, normalizeText(text)]),
  ) as unknown as OfficeIdentity
  await db.transaction('rw', db.settings, db.auditLog, async () => {
    const before = (await db.settings.get(OFFICE_KEY))?.value ?? null
    await db.settings.put({ key: OFFICE_KEY, value })
    await recordAudit(db, {
      action: 'update',
      table: 'settings',
      recordId: OFFICE_KEY,
      summary: 'Cập nhật thông tin cơ quan',
      before,
      after: value,
    })
  })
  return value
}

/** A remembered UI choice (last tab, last folder kind …); not audited, not part of the register. */
export async function getPreference<T>(db: OcopDatabase, key: string, fallback: T): Promise<T> {
  const setting = await db.settings.get(`pref:${key}`)
  return setting ? (setting.value as T) : fallback
}

export async function setPreference(db: OcopDatabase, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key: `pref:${key}`, value })
}

/** Every remembered choice whose key starts with `prefix`, by the rest of its key. */
export async function getPreferencesStartingWith<T>(
  db: OcopDatabase,
  prefix: string,
): Promise<Record<string, T>> {
  const found = await db.settings.where('key').startsWith(`pref:${prefix}`).toArray()
  return Object.fromEntries(
    found.map((setting) => [setting.key.slice(`pref:${prefix}`.length), setting.value as T]),
  )
}
