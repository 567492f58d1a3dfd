/**
 * The office's own rules for reading results where the law is silent. One today: how long a 1★-2★
 * result stands. The law gives a validity of 36 months only to the certificate of a 3★-5★ product
 * (QĐ 1048 and QĐ 148, procedure annex); a 1★-2★ product gets no certificate, so without a rule of
 * the office a 2★ of 2018 would still count in 2026. The office sets the months in Cài đặt; the
 * default, 36, mirrors the certificate.
 */
import { z } from 'zod'
import { CERTIFICATE_MONTHS } from './certificates'

export const rankingRulesSchema = z.object({
  /** Months a 1★-2★ result stands from its date, unless a later result replaces it first. */
  lowStarResultMonths: z.number().int().min(1).max(120),
})
export type RankingRules = z.infer<typeof rankingRulesSchema>

export const DEFAULT_RANKING_RULES: RankingRules = { lowStarResultMonths: CERTIFICATE_MONTHS }

/** The key of the settings record that holds the rules (Cài đặt writes it, reports read it). */
export const RANKING_RULES_KEY = 'ranking-rules'

/** The rules a stored setting holds; a missing or unreadable value gives the defaults. */
export function rankingRulesFrom(stored: unknown): RankingRules {
  const parsed = rankingRulesSchema.safeParse(stored)
  return parsed.success ? parsed.data : DEFAULT_RANKING_RULES
}
