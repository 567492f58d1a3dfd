import { defineStore } from 'pinia'
import { computed, shallowRef } from 'vue'
import type { Plan, PlanTarget } from '@shared/db/records'
import type { PlanInput } from '@shared/domain/plan-input'
import { planProgress, PlanMeasurer, type PlanProgress } from '@shared/domain/plans'
import type { IsoDate } from '@shared/dates'
import { viCollator } from '@shared/text/vietnamese'
import { useDatabase } from '@/db/instance'
import { deletePlan, listPlans, restorePlan, savePlan, type StoredPlan } from '@/db/plans-repo'
import { useOfficeScopeStore } from './office-scope'
import { useRegisterStore } from './register'
import { useUnitsStore } from './units'

/**
 * The office's plans and their targets, and their progress against the register: measured on the
 * products of the owning office chosen (all of them unless the clerk chose one).
 */
export const usePlansStore = defineStore('plans', () => {
  const plans = shallowRef<Plan[]>([])
  const targets = shallowRef<PlanTarget[]>([])

  /** Newest period first, then by name. */
  const sorted = computed(() =>
    [...plans.value].sort((a, b) => b.fromYear - a.fromYear || viCollator.compare(a.name, b.name)),
  )
  const targetsByPlan = computed(() => {
    const map = new Map<string, PlanTarget[]>()
    for (const target of targets.value) {
      map.set(target.planId, [...(map.get(target.planId) ?? []), target])
    }
    return map
  })

  /** What the plans are measured on: the products in the office scope, their ranks, the units. */
  const measured = computed(() => ({
    products: useOfficeScopeStore().products,
    index: useRegisterStore().evaluationIndex,
    units: useUnitsStore().units,
  }))
  // One measurer per register state: dates measured for one plan serve the others.
  const measurer = computed(() => new PlanMeasurer(measured.value))

  function progressOf(planId: string, date: IsoDate): PlanProgress | null {
    const plan = plans.value.find((p) => p.id === planId)
    if (!plan) return null
    return planProgress(
      plan,
      targetsByPlan.value.get(plan.id) ?? [],
      measured.value,
      date,
      measurer.value,
    )
  }

  async function load() {
    const stored = await listPlans(useDatabase())
    plans.value = stored.plans
    targets.value = stored.targets
  }

  function put(stored: StoredPlan) {
    plans.value = [...plans.value.filter((p) => p.id !== stored.plan.id), stored.plan]
    targets.value = [...targets.value.filter((t) => t.planId !== stored.plan.id), ...stored.targets]
  }

  async function save(input: PlanInput, id: string | null): Promise<StoredPlan> {
    const stored = await savePlan(useDatabase(), input, id)
    put(stored)
    return stored
  }

  async function remove(id: string): Promise<StoredPlan> {
    const stored = await deletePlan(useDatabase(), id)
    plans.value = plans.value.filter((p) => p.id !== id)
    targets.value = targets.value.filter((t) => t.planId !== id)
    return stored
  }

  async function restore(stored: StoredPlan) {
    await restorePlan(useDatabase(), stored)
    put(stored)
  }

  return { plans, targets, sorted, targetsByPlan, progressOf, load, save, remove, restore }
})
