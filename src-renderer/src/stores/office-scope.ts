import { defineStore } from 'pinia'
import { computed } from 'vue'
import type { RecordOrigin } from '@shared/db/records'
import {
  ALL_OFFICES,
  effectiveScope,
  inOfficeScope,
  inScope,
  officeScopeFromKey,
  officeScopeKey,
  scopeOffices,
  type OfficeScope,
} from '@shared/exchange/office-scope'
import { usePreference } from '@/composables/use-preference'
import { useRegisterStore } from './register'

/**
 * The owning office the register's views are scoped to (Đơn vị sở hữu). One choice for the whole
 * register rather than a filter per screen: a district reading commune A's figures sees A's
 * products in the list, A's stars, a plan measured on A's products and a report of A's products,
 * and the report it prints agrees with the list it checked. It is remembered like the other
 * choices (pref:register.officeScope) and applies only while the register holds records of another
 * office; each view that it narrows shows the choice, so it is never a hidden filter.
 */
export const useOfficeScopeStore = defineStore('office-scope', () => {
  const register = useRegisterStore()
  const remembered = usePreference<string>('register.officeScope', 'all', (stored) =>
    officeScopeFromKey(stored) ? (stored as string) : undefined,
  )

  /** The other offices a view may be scoped to, by name. */
  const offices = computed(() => scopeOffices(register.offices, register.foreignOwners))
  /** There is something to choose: the register holds records of another office. */
  const offered = computed(() => register.hasForeign)
  const scope = computed<OfficeScope>(() =>
    effectiveScope(
      officeScopeFromKey(remembered.value) ?? ALL_OFFICES,
      register.hasForeign,
      offices.value,
    ),
  )

  function choose(next: OfficeScope): void {
    remembered.value = officeScopeKey(next)
  }
  function includes(record: { origin?: RecordOrigin }): boolean {
    return inOfficeScope(record, scope.value)
  }

  /** The products and producers in the scope: what the star views and the plans count. */
  const products = computed(() => inScope(register.products, scope.value))
  const producers = computed(() => inScope(register.producers, scope.value))

  return { offices, offered, scope, choose, includes, products, producers }
})
