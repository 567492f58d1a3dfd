import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { formatViDate, type IsoDate } from '@shared/dates'
import { registerToday } from '@/db/instance'
import { matchesSearch } from '@shared/text/vietnamese'
import { useUnitsStore } from '@/stores/units'

/** The days a choice of unit is about: a plan's period, a view's date (today by default). */
export interface UnitPeriod {
  from: IsoDate
  to: IsoDate
}

const today = (): UnitPeriod => ({ from: registerToday(), to: registerToday() })

/**
 * Select options for units: those in force during `period` first, under their plain name; the
 * others say when they were in force ("đến 30/06/2025", "từ 01/07/2025"), so that entering 2018
 * data does not call the units of 2018 retired. Search ignores diacritics.
 */
export function useUnitOptions(period: () => UnitPeriod = today) {
  const units = useUnitsStore()
  const { t } = useI18n()
  return computed(() => {
    const { from, to } = period()
    const inForce = (validFrom: IsoDate | null, validTo: IsoDate | null) =>
      (validFrom === null || validFrom <= to) && (validTo === null || validTo >= from)
    const current = units.units.filter((u) => inForce(u.validFrom, u.validTo))
    const others = units.units.filter((u) => !inForce(u.validFrom, u.validTo))
    return [
      ...current.map((u) => ({ value: u.id, label: u.name })),
      ...others.map((u) => ({
        value: u.id,
        label: `${u.name} (${
          u.validTo !== null && u.validTo < from
            ? t('forms.units.until', { date: formatViDate(u.validTo) })
            : t('forms.units.from', { date: formatViDate(u.validFrom) })
        })`,
      })),
    ]
  })
}

/** NSelect filter that ignores case, diacritics and tone placement. */
export function vietnameseFilter(pattern: string, option: { label?: unknown }): boolean {
  return matchesSearch(typeof option.label === 'string' ? option.label : '', pattern)
}
