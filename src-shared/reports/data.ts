/**
 * The register a report needs, from the tables of a backup file (the CLI's input). The tables are
 * those parseBackup has already checked; a missing table counts as empty.
 */
import type {
  CriteriaSet,
  Evaluation,
  OfficeRecord,
  Plan,
  PlanTarget,
  Producer,
  Product,
  Revocation,
  Setting,
  Unit,
} from '../db/records'
import { EMPTY_OFFICE, type OfficeIdentity } from '../domain/office'
import { RANKING_RULES_KEY, rankingRulesFrom } from '../domain/ranking-rules'
import type { ReportData } from './model'

// The office identity is the settings record with this key (as Cài đặt saves it).
const OFFICE_KEY = 'office'

/** The value of the settings record with `key`, if the table has one. */
function settingValue(settings: readonly unknown[], key: string): unknown {
  const record = settings.find(
    (s): s is Setting => typeof s === 'object' && s !== null && (s as Partial<Setting>).key === key,
  )
  return record?.value
}

/** The office identity stored in the settings table; unknown or non-text fields are ignored. */
export function officeFromSettings(settings: readonly unknown[]): OfficeIdentity {
  const stored = (settingValue(settings, OFFICE_KEY) ?? {}) as Record<string, unknown>
  const office = { ...EMPTY_OFFICE }
  for (const key of Object.keys(EMPTY_OFFICE) as (keyof OfficeIdentity)[]) {
    const value = typeof stored === 'object' && stored !== null ? stored[key] : undefined
    if (typeof value === 'string') office[key] = value
  }
  return office
}

/** ReportData from a backup file's tables (after parseBackup). */
export function reportDataFromTables(tables: Record<string, unknown[]>): ReportData {
  const table = <T>(name: string): T[] => (Array.isArray(tables[name]) ? (tables[name] as T[]) : [])
  const settings = table<unknown>('settings')
  return {
    office: officeFromSettings(settings),
    units: table<Unit>('units'),
    producers: table<Producer>('producers'),
    products: table<Product>('products'),
    evaluations: table<Evaluation>('evaluations'),
    revocations: table<Revocation>('revocations'),
    criteriaSets: table<CriteriaSet>('criteriaSets'),
    plans: table<Plan>('plans'),
    planTargets: table<PlanTarget>('planTargets'),
    offices: table<OfficeRecord>('offices'),
    rankingRules: rankingRulesFrom(settingValue(settings, RANKING_RULES_KEY)),
  }
}
