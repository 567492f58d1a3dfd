import { useI18n } from 'vue-i18n'
import type { PlanTarget } from '@shared/db/records'
import { useRegisterStore } from '@/stores/register'
import { useUnitsStore } from '@/stores/units'

/** A target's Vietnamese label: "Sản phẩm 3 sao", "Phường Dị Sử: sản phẩm từ 3 sao" … */
export function useTargetLabel() {
  const { t } = useI18n()
  const register = useRegisterStore()
  const units = useUnitsStore()
  return (target: PlanTarget): string =>
    t(`plans.targetLabel.${target.kind}`, {
      stars: target.stars ?? '',
      unit: target.unitId ? (units.byId.get(target.unitId)?.name ?? '') : '',
      product: target.productId ? (register.productById.get(target.productId)?.name ?? '') : '',
    })
}
