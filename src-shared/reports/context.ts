/**
 * The register prepared once for a report: evaluations indexed by product, records by id, and the
 * look-ups every table needs (a product's unit on the date, its group name, its producer).
 */
import type { IsoDate } from '../dates'
import type { CriteriaSet, Evaluation, Producer, Product, Unit } from '../db/records'
import { classificationPath } from '../domain/classification'
import { totalFromParts } from '../domain/criteria'
import { EvaluationIndex } from '../domain/evaluation-index'
import { unitOnDate } from '../domain/units'
import type { ReportData } from './model'

export interface ReportContext {
  data: ReportData
  date: IsoDate
  index: EvaluationIndex
  unitsById: ReadonlyMap<string, Unit>
  producersById: ReadonlyMap<string, Producer>
  /** The unit holding the product's area on the date, else the unit it was registered under. */
  unitOf(product: Product): Unit | undefined
  producerOf(product: Product): Producer | undefined
  /** The group (nhóm / ngành) name from the catalogue of the product's criteria set. */
  groupNameOf(product: Product): string
}

/** Indexes the register once for building a report as of `date`. */
export function reportContext(data: ReportData, date: IsoDate): ReportContext {
  const index = new EvaluationIndex(data.evaluations, data.rankingRules, data.revocations)
  const unitsById = new Map(data.units.map((unit) => [unit.id, unit]))
  const producersById = new Map(data.producers.map((producer) => [producer.id, producer]))
  const setsById = new Map(data.criteriaSets.map((set) => [set.id, set]))
  const unitCache = new Map<string, Unit | undefined>()
  const groupCache = new Map<string, string>()

  const groupName = (set: CriteriaSet | undefined, code: string): string => {
    if (!set) return code
    const group = set.catalogue.groups.find((g) => g.code === code)
    return group?.name ?? classificationPath(set, code)[0]?.name ?? code
  }

  return {
    data,
    date,
    index,
    unitsById,
    producersById,
    unitOf(product) {
      if (product.unitId === null) return undefined
      if (!unitCache.has(product.unitId)) {
        unitCache.set(
          product.unitId,
          unitOnDate(product.unitId, date, unitsById) ?? unitsById.get(product.unitId),
        )
      }
      return unitCache.get(product.unitId)
    },
    producerOf(product) {
      return product.producerId === null ? undefined : producersById.get(product.producerId)
    },
    groupNameOf(product) {
      const key = `${product.criteriaSetId ?? ''}\u0000${product.groupCode}`
      let name = groupCache.get(key)
      if (name === undefined) {
        const set = product.criteriaSetId === null ? undefined : setsById.get(product.criteriaSetId)
        name = product.groupCode === '' ? '' : groupName(set, product.groupCode)
        groupCache.set(key, name)
      }
      return name
    },
  }
}

/** The council's total, or the sum of its part scores when only those were entered. */
export function scoreOf(evaluation: Evaluation): number | null {
  if (evaluation.total !== null) return evaluation.total
  return Object.keys(evaluation.partScores).length > 0
    ? totalFromParts(evaluation.partScores)
    : null
}

/** The Ghi chú column: mới / đánh giá lại / nâng hạng, from the deciding evaluation's kind. */
export const EVALUATION_KIND_NOTES: Record<Evaluation['kind'], string> = {
  'lan-dau': 'Mới',
  'danh-gia-lai': 'Đánh giá lại',
  'nang-hang': 'Nâng hạng',
}
