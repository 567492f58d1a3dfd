import { useI18n } from 'vue-i18n'
import type { ProductStatus, ProductStatusKind } from '@shared/domain/product-status'

/** Tag colours of a product's status; the words carry the meaning, colour only helps. */
export const STATUS_TAG: Record<
  ProductStatusKind,
  'default' | 'info' | 'success' | 'warning' | 'error'
> = {
  'chua-danh-gia': 'default',
  'da-danh-gia': 'info',
  'dat-ocop': 'success',
  'sap-het-han': 'warning',
  'het-han': 'error',
  'bi-thu-hoi': 'error',
}

/** A product's status in words, with the stars it speaks of ("Đạt OCOP 4 sao"). */
export function useStatusLabel() {
  const { t } = useI18n()
  return (status: ProductStatus): string =>
    status.stars === null
      ? t(`productStatus.${status.kind}`)
      : t(`productStatusStars.${status.kind}`, { n: status.stars })
}
