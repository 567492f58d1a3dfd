import type { ProductChange, TargetStatus } from '@shared/domain/plans'

type TagType = 'default' | 'success' | 'info' | 'warning' | 'error'

/** Tag colours of a target's status; the words carry the meaning, colour only helps. */
export const STATUS_TAG: Record<TargetStatus, TagType> = {
  dat: 'success',
  'dang-thuc-hien': 'info',
  cham: 'warning',
  'khong-dat': 'error',
}

/** Tag colours of a product's change of star between the baseline and the date. */
export const CHANGE_TAG: Record<ProductChange, TagType> = {
  'nang-hang': 'success',
  'giu-nguyen': 'default',
  'ha-hang': 'warning',
  moi: 'info',
  'mat-hang': 'error',
}
