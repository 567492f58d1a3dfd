import { computed } from 'vue'
import { useI18n } from 'vue-i18n'
import { todayIso } from '@shared/dates'
import { unitValidOn } from '@shared/domain/units'
import { matchesSearch } from '@shared/text/vietnamese'
import { useUnitsStore } from '@/stores/units'

/** Select options for units: those in force today first, retired ones marked; search without diacritics. */
export function useUnitOptions() {
  const units = useUnitsStore()
  const { t } = useI18n()
  return computed(() => {
    const today = todayIso()
    const valid = units.units.filter((u) => unitValidOn(u, today))
    const retired = units.units.filter((u) => !unitValidOn(u, today))
    return [
      ...valid.map((u) => ({ value: u.id, label: u.name })),
      ...retired.map((u) => ({
        value: u.id,
        label: `${u.name} (${t('units.status.retired').toLowerCase()})`,
      })),
    ]
  })
}

/** NSelect filter that ignores case, diacritics and tone placement. */
export function vietnameseFilter(pattern: string, option: { label?: unknown }): boolean {
  return matchesSearch(typeof option.label === 'string' ? option.label : '', pattern)
}
