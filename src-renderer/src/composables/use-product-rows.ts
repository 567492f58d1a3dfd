import { computed, type Ref } from 'vue'
import type { Producer, Product, Unit } from '@shared/db/records'
import type { IsoDate } from '@shared/dates'
import { classificationPath } from '@shared/domain/classification'
import { rankOn, isCurrentRank, type Rank } from '@shared/domain/rankings'
import { unitOnDate } from '@shared/domain/units'
import { searchKey, viCollator } from '@shared/text/vietnamese'
import { useRegisterStore } from '@/stores/register'
import { useUnitsStore } from '@/stores/units'

/** A product as the list shows it on a date, with everything its filters need precomputed. */
export interface ProductRow {
  product: Product
  producer: Producer | undefined
  unit: Unit | undefined
  /** The unit that holds the product's area on the list's date (its successor after a merger). */
  unitOnDate: Unit | undefined
  groupName: string
  rank: Rank | undefined
  /** Current stars (an expired certificate counts as none). */
  stars: number | null
  years: ReadonlySet<number>
  searchKey: string
}

/** The product list's rows as of a date; recomputed only when the register or the date changes. */
export function useProductRows(asOf: Ref<IsoDate>) {
  const register = useRegisterStore()
  const units = useUnitsStore()
  const groupNames = computed(() => {
    // Group names per set and code, looked up once: 10,000 products share a few dozen groups.
    const names = new Map<string, string>()
    for (const set of register.criteriaSets) {
      for (const group of set.catalogue.groups) names.set(`${set.id}|${group.code}`, group.name)
    }
    return names
  })
  const sorted = computed(() =>
    [...register.products].sort((a, b) => viCollator.compare(a.name, b.name)),
  )
  return computed<ProductRow[]>(() => {
    const date = asOf.value
    const index = register.evaluationIndex
    return sorted.value.map((product) => {
      const producer = product.producerId
        ? register.producerById.get(product.producerId)
        : undefined
      const evaluations = index.get(product.id) ?? []
      const rank = rankOn(evaluations, date)
      return {
        product,
        producer,
        unit: product.unitId ? units.byId.get(product.unitId) : undefined,
        unitOnDate: product.unitId ? unitOnDate(product.unitId, date, units.byId) : undefined,
        groupName: groupNames.value.get(`${product.criteriaSetId}|${product.groupCode}`) ?? '',
        rank,
        stars: isCurrentRank(rank) ? rank.stars : null,
        years: new Set(evaluations.map((e) => e.year)),
        searchKey: searchKey(`${product.name} ${producer?.name ?? ''}`),
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
