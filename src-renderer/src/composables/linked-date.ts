import type { RouteLocationNormalizedLoaded } from 'vue-router'
import { isIsoDate, type IsoDate } from '@shared/dates'
import { registerToday } from '@/db/instance'

/**
 * The date a screen opens on: the one another screen linked it with (?ngay=…, so it shows what
 * that screen counted), else the register's today.
 */
export function linkedDate(route: RouteLocationNormalizedLoaded): IsoDate {
  const linked = route.query.ngay
  return typeof linked === 'string' && isIsoDate(linked) ? linked : registerToday()
}
