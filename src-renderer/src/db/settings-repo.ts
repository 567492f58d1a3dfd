/** Settings are key-value records; the office identity and the ranking rules are two of them. */
import { EMPTY_OFFICE, type OfficeIdentity } from '@shared/domain/office'
import {
  RANKING_RULES_KEY,
  rankingRulesFrom,
  rankingRulesSchema,
  type RankingRules,
} from '@shared/domain/ranking-rules'
import { normalizeText } from '@shared/text/vietnamese'
import type { OcopDatabase } from './database'
import { recordAudit } from './audit'

const OFFICE_KEY = 'office'

/** Writes a setting of the register with its audit line, in one transaction. */
async function saveSetting(db: OcopDatabase, key: string, value: unknown, summary: string) {
  await db.transaction('rw', db.settings, db.auditLog, async () => {
    const before = (await db.settings.get(key))?.value ?? null
    await db.settings.put({ key, value })
    await recordAudit(db, {
      action: 'update',
      table: 'settings',
      recordId: key,
      summary,
      before,
      after: value,
    })
  })
}

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
  await saveSetting(db, OFFICE_KEY, value, 'Cập nhật thông tin cơ quan')
  return value
}

/** The office's ranking rules; the defaults until Cài đặt saves them. */
export async function getRankingRules(db: OcopDatabase): Promise<RankingRules> {
  return rankingRulesFrom((await db.settings.get(RANKING_RULES_KEY))?.value)
}

/** Saves the ranking rules (checked: a form never sends others). */
export async function saveRankingRules(
  db: OcopDatabase,
  rules: RankingRules,
): Promise<RankingRules> {
  const value = rankingRulesSchema.parse(rules)
  await saveSetting(
    db,
    RANKING_RULES_KEY,
    value,
    `Kết quả 1-2 sao có giá trị ${value.lowStarResultMonths} tháng`,
  )
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
