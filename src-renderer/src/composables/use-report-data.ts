import { computed, type ComputedRef } from 'vue'
import type { ReportData } from '@shared/reports/model'
import { usePlansStore } from '@/stores/plans'
import { useRegisterStore } from '@/stores/register'
import { useSettingsStore } from '@/stores/settings'
import { useUnitsStore } from '@/stores/units'

/** The register as the documents read it (reports, a round's papers, a revocation's), in step with the stores. */
export function useReportData(): ComputedRef<ReportData> {
  const register = useRegisterStore()
  const settings = useSettingsStore()
  const units = useUnitsStore()
  const plans = usePlansStore()
  return computed(() => ({
    office: settings.office,
    units: units.units,
    producers: register.producers,
    products: register.products,
    evaluations: register.evaluations,
    revocations: register.revocations,
    criteriaSets: register.criteriaSets,
    plans: plans.plans,
    planTargets: plans.targets,
    offices: register.offices,
    rankingRules: register.rankingRules,
  }))
}
