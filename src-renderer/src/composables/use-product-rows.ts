import { computed, type Ref } from 'vue'
import type { Product, Unit } from '@shared/db/records'
import type { IsoDate } from '@shared/dates'
import { classificationPath } from '@shared/domain/classification'
import type { ProductStatus } from '@shared/domain/product-status'
import { isCurrentRank, type Rank } from '@shared/domain/rankings'
import { unitOnDate } from '@shared/domain/units'
import { useRegisterStore, type ProductBase } from '@/stores/register'
import { useUnitsStore } from '@/stores/units'

/** A product as the list shows it on a date, with everything its filters need precomputed. */
export interface ProductRow extends ProductBase {
  /** The unit that holds the product's area on the list's date (its successor after a merger). */
  unitOnDate: Unit | undefined
  /** The product's status on the list's date: the same words its page and Xếp hạng sao show. */
  status: ProductStatus
  rank: Rank | undefined
  /** Current stars (an expired certificate or a lapsed 1★-2★ result counts as none). */
  stars: number | null
}

/** The product list's rows as of a date; recomputed only when the register or the date changes. */
export function useProductRows(asOf: Ref<IsoDate>) {
  const register = useRegisterStore()
  const units = useUnitsStore()
  return computed<ProductRow[]>(() => {
    const date = asOf.value
    // Read once: a store read inside a 10,000-row loop is tracked each time.
    const unitsById = units.byId
    const index = register.evaluationIndex
    return register.productBases.map((base) => {
      const status = index.statusOn(base.id, date)
      const rank = status.rank
      const unitId = base.product.unitId
      return {
        ...base,
        unitOnDate: unitId ? unitOnDate(unitId, date, unitsById) : undefined,
        status,
        rank,
        stars: isCurrentRank(rank) ? rank.stars : null,
      }
    })
  })
}

/** The classification of a product as "code — name" along its path, for its page. */
export function classificationLabel(product: Product): string {
  const register = useRegisterStore()
  const set = product.criteriaSetId
    ? register.criteriaSetById.get(product.criteriaSetId)
    : undefined
  if (!set || !product.productSetCode) return ''
  return classificationPath(set, product.productSetCode)
    .map((node) => node.name)
    .join(' › ')
}
