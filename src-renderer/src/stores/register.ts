import { defineStore } from 'pinia'
import { computed, shallowRef, type ShallowRef } from 'vue'
import type {
  ChangeBatchOf,
  CriteriaSet,
  Evaluation,
  OfficeRecord,
  Producer,
  Product,
  Revocation,
  Unit,
} from '@shared/db/records'
import { owningOffices } from '@shared/exchange/office-scope'
import { searchKey, viCollator } from '@shared/text/vietnamese'
import type { ProducerInput, ProductInput } from '@shared/domain/register'
import { loadBuiltInCriteriaSets, type CriteriaSetInput } from '@shared/domain/criteria'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { DEFAULT_RANKING_RULES, type RankingRules } from '@shared/domain/ranking-rules'
import { isDemoId } from '@shared/domain/demo-my-hao'
import { removeDemoData } from '@/db/demo-repo'
import { useUnitsStore } from './units'
import criteriaCatalogue from '../../../resources/catalogues/criteria-sets.json'
import { useDatabase } from '@/db/instance'
import { undoChangeBatch } from '@/db/change-batches'
import {
  getRevocationDraftDays,
  listRevocationBatches,
  recordRevocation,
  saveRevocationDraftDays,
  type RevocationInput,
} from '@/db/revocations-repo'
import { getRankingRules, saveRankingRules } from '@/db/settings-repo'
import { restoreCriteriaSet, syncBuiltInCriteriaSets, updateCriteriaSet } from '@/db/criteria-repo'
import {
  createProducer,
  deleteProducer,
  mergeProducers,
  restoreProducer,
  undoMerge,
  updateProducer,
  type MergeUndo,
} from '@/db/producers-repo'
import {
  createEvaluation,
  createProduct,
  deleteEvaluation,
  deleteProduct,
  restoreEvaluation,
  restoreProduct,
  revertProduct,
  updateEvaluation,
  updateProduct,
  type DeletedProduct,
  type EvaluationRecordInput,
} from '@/db/products-repo'

interface Keyed {
  id: string
}

// Shallow refs: 10,000 products and 50,000 evaluations must not each become a reactive proxy.
// Every change replaces the array, which is what views react to.
function upsert<T extends Keyed>(list: ShallowRef<T[]>, record: T) {
  const copy = list.value.slice()
  const index = copy.findIndex((r) => r.id === record.id)
  if (index === -1) copy.push(record)
  else copy[index] = record
  list.value = copy
}
function removeIds<T extends Keyed>(list: ShallowRef<T[]>, ids: string[]) {
  const gone = new Set(ids)
  list.value = list.value.filter((r) => !gone.has(r.id))
}
function byId<T extends Keyed>(list: ShallowRef<T[]>) {
  return computed(() => new Map(list.value.map((r) => [r.id, r])))
}

/** What a row needs that does not depend on the list's date, computed once per data change. */
export interface ProductBase {
  /** The product's id, the key of its list row. */
  id: string
  product: Product
  producer: Producer | undefined
  unit: Unit | undefined
  groupName: string
  evaluations: readonly Evaluation[]
  years: ReadonlySet<number>
  searchKey: string
}

/**
 * The register in memory: producers, products, evaluations and criteria sets, and the offices
 * heard of (the owners of records received in packages), kept in step with the database.
 */
export const useRegisterStore = defineStore('register', () => {
  const producers = shallowRef<Producer[]>([])
  const products = shallowRef<Product[]>([])
  const evaluations = shallowRef<Evaluation[]>([])
  /** The decisions revoking certificates: from each one's date its certificates give no rank. */
  const revocations = shallowRef<Revocation[]>([])
  /** The decisions' change batches, newest first, recorded and undone. */
  const revocationBatches = shallowRef<ChangeBatchOf<'revocation'>[]>([])
  /** How many days expired a certificate must be for the revocation draft to propose it. */
  const revocationDraftDays = shallowRef(0)
  const criteriaSets = shallowRef<CriteriaSet[]>([])
  const producerById = byId(producers)
  const productById = byId(products)
  const criteriaSetById = byId(criteriaSets)
  const offices = shallowRef<OfficeRecord[]>([])
  const officeById = byId(offices)
  /** The other offices owning a product or a producer here: what a view can be scoped to. */
  const foreignOwners = computed(() => owningOffices(products.value, producers.value))
  /** The register holds products or producers of another office (received in a package). */
  const hasForeign = computed(() => foreignOwners.value.size > 0)
  /** How long a 1★-2★ result stands (Cài đặt). */
  const rankingRules = shallowRef<RankingRules>(DEFAULT_RANKING_RULES)
  /**
   * Evaluations by product under the ranking rules and the revocations: what every star view,
   * status and plan reads; it keeps each product's status per date until one of them changes.
   */
  const evaluationIndex = computed(
    () => new EvaluationIndex(evaluations.value, rankingRules.value, revocations.value),
  )
  const productCountByProducer = computed(() => {
    const counts = new Map<string, number>()
    for (const p of products.value) {
      if (p.producerId) counts.set(p.producerId, (counts.get(p.producerId) ?? 0) + 1)
    }
    return counts
  })

  /**
   * Every product with what its list row needs that does not depend on a date, sorted by name.
   * Kept here, for the app's lifetime, so opening the list does not redo it.
   */
  const productBases = computed<ProductBase[]>(() => {
    // Read once: a store read inside a 10,000-row loop is tracked each time.
    const producers = producerById.value
    const unitsById = useUnitsStore().byId
    const index = evaluationIndex.value
    const groups = new Map<string, string>()
    for (const set of criteriaSets.value) {
      for (const group of set.catalogue.groups) groups.set(`${set.id}|${group.code}`, group.name)
    }
    return [...products.value]
      .sort((a, b) => viCollator.compare(a.name, b.name))
      .map((product) => {
        const producer = product.producerId ? producers.get(product.producerId) : undefined
        const evaluations = index.evaluationsOf(product.id)
        return {
          id: product.id,
          product,
          producer,
          unit: product.unitId ? unitsById.get(product.unitId) : undefined,
          groupName: groups.get(`${product.criteriaSetId}|${product.groupCode}`) ?? '',
          evaluations,
          years: new Set(evaluations.map((e) => e.year)),
          searchKey: searchKey(`${product.name} ${producer?.name ?? ''}`),
        }
      })
  })

  const hasDemo = computed(() => products.value.some((p) => isDemoId(p.id)))

  async function load() {
    const db = useDatabase()
    await syncBuiltInCriteriaSets(db, loadBuiltInCriteriaSets(criteriaCatalogue))
    const [a, b, c, d, e, f, rules, batches, days] = await Promise.all([
      db.producers.toArray(),
      db.products.toArray(),
      db.evaluations.toArray(),
      db.criteriaSets.toArray(),
      db.offices.toArray(),
      db.revocations.toArray(),
      getRankingRules(db),
      listRevocationBatches(db),
      getRevocationDraftDays(db),
    ])
    producers.value = a
    products.value = b
    evaluations.value = c
    criteriaSets.value = d
    offices.value = e
    revocations.value = f
    rankingRules.value = rules
    revocationBatches.value = batches
    revocationDraftDays.value = days
  }

  /** Saves the ranking rules; returns the rules they replace (for undo). */
  async function setRankingRules(rules: RankingRules) {
    const before = rankingRules.value
    rankingRules.value = await saveRankingRules(useDatabase(), rules)
    return before
  }

  // Revocation decisions
  /**
   * Records a decision (one change batch) as `who` (the computer account); from its date its
   * products hold no rank from the certificates it names.
   */
  async function addRevocation(input: RevocationInput, who: string) {
    const db = useDatabase()
    const recorded = await recordRevocation(db, input, who)
    revocations.value = [...revocations.value, recorded.revocation]
    revocationBatches.value = [recorded.batch, ...revocationBatches.value]
    return recorded
  }
  /** Undoes a decision's batch: the decision is deleted and its products rank as before. */
  async function undoRevocation(batchId: string) {
    const db = useDatabase()
    const undone = await undoChangeBatch(db, batchId, new Date().toISOString())
    revocations.value = await db.revocations.toArray()
    revocationBatches.value = await listRevocationBatches(db)
    return undone
  }
  async function setRevocationDraftDays(days: number) {
    revocationDraftDays.value = await saveRevocationDraftDays(useDatabase(), days)
  }

  // Producers
  async function addProducer(input: ProducerInput, duplicateReason = '') {
    const producer = await createProducer(useDatabase(), input, duplicateReason)
    upsert(producers, producer)
    return producer
  }
  async function editProducer(id: string, input: ProducerInput, duplicateReason = '') {
    const { before, after } = await updateProducer(useDatabase(), id, input, duplicateReason)
    upsert(producers, after)
    return before
  }
  async function revertProducer(previous: Producer) {
    await restoreProducer(useDatabase(), previous)
    upsert(producers, previous)
  }
  async function removeProducer(id: string) {
    const removed = await deleteProducer(useDatabase(), id)
    removeIds(producers, [id])
    return removed
  }
  async function mergeProducer(keepId: string, duplicateId: string) {
    const undo = await mergeProducers(useDatabase(), keepId, duplicateId)
    removeIds(producers, [duplicateId])
    const moved = new Set(undo.movedProducts.map((p) => p.id))
    products.value = products.value.map((p) => (moved.has(p.id) ? { ...p, producerId: keepId } : p))
    return undo
  }
  async function unmergeProducer(undo: MergeUndo) {
    await undoMerge(useDatabase(), undo)
    upsert(producers, undo.removed)
    for (const product of undo.movedProducts) upsert(products, product)
  }

  // Products
  async function addProduct(input: ProductInput, duplicateReason = '') {
    const product = await createProduct(useDatabase(), input, duplicateReason)
    upsert(products, product)
    return product
  }
  async function editProduct(id: string, input: ProductInput, duplicateReason = '') {
    const { before, after } = await updateProduct(useDatabase(), id, input, duplicateReason)
    upsert(products, after)
    return before
  }
  async function undoProductEdit(previous: Product) {
    await revertProduct(useDatabase(), previous)
    upsert(products, previous)
  }
  async function removeProduct(id: string) {
    const deleted = await deleteProduct(useDatabase(), id)
    removeIds(products, [id])
    removeIds(
      evaluations,
      deleted.evaluations.map((e) => e.id),
    )
    return deleted
  }
  async function undoProductDelete(deleted: DeletedProduct) {
    await restoreProduct(useDatabase(), deleted)
    upsert(products, deleted.product)
    evaluations.value = [...evaluations.value, ...deleted.evaluations]
  }

  // Evaluations
  function productName(productId: string) {
    return productById.value.get(productId)?.name ?? productId
  }
  async function addEvaluation(input: EvaluationRecordInput) {
    const evaluation = await createEvaluation(useDatabase(), input, productName(input.productId))
    upsert(evaluations, evaluation)
    return evaluation
  }
  async function editEvaluation(id: string, input: EvaluationRecordInput) {
    const { before, after } = await updateEvaluation(
      useDatabase(),
      id,
      input,
      productName(input.productId),
    )
    upsert(evaluations, after)
    return before
  }
  async function removeEvaluation(id: string) {
    const existing = evaluations.value.find((e) => e.id === id)
    const removed = await deleteEvaluation(
      useDatabase(),
      id,
      productName(existing?.productId ?? ''),
    )
    removeIds(evaluations, [id])
    return removed
  }
  /** Puts an evaluation back as it was (undo of an edit or a delete). */
  async function revertEvaluation(previous: Evaluation) {
    await restoreEvaluation(useDatabase(), previous, productName(previous.productId))
    upsert(evaluations, previous)
  }

  // Criteria sets
  async function editCriteriaSet(id: string, input: CriteriaSetInput) {
    const { before, after } = await updateCriteriaSet(useDatabase(), id, input)
    upsert(criteriaSets, after)
    return before
  }
  async function revertCriteriaSet(previous: CriteriaSet) {
    await restoreCriteriaSet(useDatabase(), previous)
    upsert(criteriaSets, previous)
  }

  /** Removes demo records an older version loaded into this register. */
  async function removeDemo() {
    const result = await removeDemoData(useDatabase())
    await load()
    return result
  }

  return {
    hasDemo,
    editCriteriaSet,
    revertCriteriaSet,
    removeDemo,
    producers,
    products,
    evaluations,
    revocations,
    revocationBatches,
    revocationDraftDays,
    addRevocation,
    undoRevocation,
    setRevocationDraftDays,
    criteriaSets,
    producerById,
    productById,
    criteriaSetById,
    offices,
    officeById,
    foreignOwners,
    hasForeign,
    rankingRules,
    setRankingRules,
    evaluationIndex,
    productBases,
    productCountByProducer,
    load,
    addProducer,
    editProducer,
    revertProducer,
    removeProducer,
    mergeProducer,
    unmergeProducer,
    addProduct,
    editProduct,
    undoProductEdit,
    removeProduct,
    undoProductDelete,
    addEvaluation,
    editEvaluation,
    removeEvaluation,
    revertEvaluation,
  }
})
