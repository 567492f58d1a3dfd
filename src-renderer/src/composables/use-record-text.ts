import { useI18n } from 'vue-i18n'
import { formatViDate, isIsoDate } from '@shared/dates'
import { classificationPath } from '@shared/domain/classification'
import { usePlansStore } from '@/stores/plans'
import { useRegisterStore } from '@/stores/register'
import { useUnitsStore } from '@/stores/units'
import { formatNumber } from './format'

/** How to find the name of what a field's code or id stands for. */
type NameLookup = (id: string) => string | undefined

/**
 * Records and their fields in the clerk's words, for the history of changes: a table by what it
 * holds, a field by its label, a value as the forms show it (a producer by its name, a status by
 * its label, a date as dd/mm/yyyy).
 */
export function useRecordText() {
  const i18n = useI18n()
  const { t } = i18n
  const register = useRegisterStore()
  const units = useUnitsStore()
  const plans = usePlansStore()

  // Classification codes are the sets' own; every set is searched, as the line names no set.
  const classification: NameLookup = (code) =>
    register.criteriaSets
      .map((set) => classificationPath(set, code).at(-1)?.name)
      .find((name) => name !== undefined)

  const NAMED_FIELDS: Readonly<Record<string, NameLookup>> = {
    producerId: (id) => register.producerById.get(id)?.name,
    productId: (id) => register.productById.get(id)?.name,
    criteriaSetId: (id) => register.criteriaSetById.get(id)?.name,
    unitId: (id) => units.byId.get(id)?.name,
    successorId: (id) => units.byId.get(id)?.name,
    planId: (id) => plans.plans.find((plan) => plan.id === id)?.name,
    groupCode: classification,
    productSetCode: classification,
  }

  // Coded values with their labels, by field and, where one field name means two things, table.
  const CODED: Readonly<Record<string, string>> = {
    status: 'productStatus',
    type: 'producerType',
    councilLevel: 'councilLevel',
    'evaluations.kind': 'evaluationKind',
    'units.kind': 'units.kind',
    'planTargets.kind': 'plans.kinds',
    'issuedDocuments.type': 'issued.types',
    'issuedDocuments.source': 'reports.kinds',
  }

  // An issued document's kept content reads as what it is: its data is for the app, not the clerk.
  const SUMMARISED: Readonly<Record<string, (value: object) => string>> = {
    'issuedDocuments.document': () => t('history.detail.keptDocument'),
    'issuedDocuments.files': (files) =>
      (files as { name: string }[]).map((file) => file.name).join('; '),
  }

  const translated = (key: string, fallback: string) => (i18n.te(key) ? t(key) : fallback)

  function tableLabel(table: string): string {
    return translated(`backups.table.${table}`, translated(`history.table.${table}`, table))
  }

  function fieldLabel(table: string, field: string): string {
    if (field === 'kind') return translated(`history.kindOf.${table}`, t('history.fields.kind'))
    return translated(`history.fields.${field}`, field)
  }

  function fieldValue(table: string, field: string, value: unknown): string {
    if (value === null || value === undefined || value === '') return t('app.none')
    if (typeof value === 'boolean') return t(value ? 'history.detail.yes' : 'history.detail.no')
    if (typeof value === 'number') return formatNumber(value)
    if (field === 'chartPng') return t('history.detail.keptChart')
    if (typeof value === 'string') {
      const lookup = NAMED_FIELDS[field]
      if (lookup) return lookup(value) ?? value
      const coded = CODED[`${table}.${field}`] ?? CODED[field]
      if (coded) return translated(`${coded}.${value}`, value)
      return isIsoDate(value) ? formatViDate(value) : value
    }
    const summarised = SUMMARISED[`${table}.${field}`]
    if (summarised) return summarised(value)
    const entries = Object.entries(value)
    // Part scores and the like read as "A: 25; B: 20"; anything deeper as its data.
    return !Array.isArray(value) && entries.every(([, v]) => typeof v !== 'object')
      ? entries
          .map(([key, v]) => `${key}: ${typeof v === 'number' ? formatNumber(v) : String(v)}`)
          .join('; ')
      : JSON.stringify(value)
  }

  return { tableLabel, fieldLabel, fieldValue }
}
