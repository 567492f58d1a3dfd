/**
 * The register as an import batch leaves it so far, while its rows are matched one by one: the
 * indexes that find a row's records (records the batch adds are found by the rows after them)
 * and the working copies of the records it changes, with their images before the batch.
 */
import type { CriteriaSet, Evaluation, Producer, Product } from '../db/records'
import { canonicalName } from '../text/vietnamese'
import type { ImportMatch, MatchOptions, RecordChange, RegisterSnapshot } from './match'

const productKey = (producerId: string | null, name: string): string =>
  `${producerId ?? ''}|${canonicalName(name)}`
const evaluationKey = (productId: string, year: number, round: number): string =>
  `${productId}|${year}|${round}`
const taxKey = (tax: string): string => tax.replace(/[\s.-]/gu, '')

type RegisterTable = keyof ImportMatch['update']

/** The register as the batch leaves it so far, and the match it is building. */
export class Batch {
  readonly match: ImportMatch
  readonly sets: readonly CriteriaSet[]
  private readonly producersByTax = new Map<string, Producer>()
  private readonly producersByName = new Map<string, Producer>()
  private readonly products: Map<string, Product>
  private readonly evaluations: Map<string, Evaluation>
  private readonly earlier = new Map<string, Evaluation[]>()
  private readonly created = new Set<string>()
  // Records changed by this batch: the working copy, and the image before the batch.
  private readonly working = new Map<
    string,
    { table: RegisterTable; before: unknown; after: unknown }
  >()

  constructor(
    register: RegisterSnapshot,
    readonly options: MatchOptions,
  ) {
    this.sets = register.criteriaSets
    register.producers.forEach((p) => this.indexProducer(p))
    this.products = new Map(register.products.map((p) => [productKey(p.producerId, p.name), p]))
    this.evaluations = new Map(
      register.evaluations.map((e) => [evaluationKey(e.productId, e.year, e.round), e]),
    )
    for (const e of register.evaluations) this.addEarlier(e)
    this.match = {
      stamp: options.now,
      rows: [],
      create: { producers: [], products: [], evaluations: [] },
      update: { producers: [], products: [], evaluations: [] },
      counts: { new: 0, update: 0, unchanged: 0, excluded: 0, error: 0 },
    }
  }

  private indexProducer(p: Producer): void {
    const tax = taxKey(p.taxCode)
    if (tax !== '' && !this.producersByTax.has(tax)) this.producersByTax.set(tax, p)
    const name = canonicalName(p.name)
    if (!this.producersByName.has(name)) this.producersByName.set(name, p)
  }

  private addEarlier(e: Evaluation): void {
    this.earlier.set(e.productId, [...(this.earlier.get(e.productId) ?? []), e])
  }

  /** The producer with this tax number, else with this name. */
  findProducer(name: string, taxCode: string): Producer | undefined {
    return (
      (taxCode === '' ? undefined : this.producersByTax.get(taxKey(taxCode))) ??
      (name === '' ? undefined : this.producersByName.get(canonicalName(name)))
    )
  }

  findProduct(producerId: string | null, name: string): Product | undefined {
    return this.products.get(productKey(producerId, name))
  }

  findEvaluation(productId: string, year: number, round: number): Evaluation | undefined {
    return this.evaluations.get(evaluationKey(productId, year, round))
  }

  /** The product's evaluations before `year`, oldest first. */
  evaluationsBefore(productId: string, year: number): Evaluation[] {
    return (this.earlier.get(productId) ?? []).filter((e) => e.year < year)
  }

  addProducer(producer: Producer): void {
    this.created.add(producer.id)
    this.match.create.producers.push(producer)
    this.indexProducer(producer)
  }

  addProduct(product: Product): void {
    this.created.add(product.id)
    this.match.create.products.push(product)
    this.products.set(productKey(product.producerId, product.name), product)
  }

  addEvaluation(evaluation: Evaluation): void {
    this.created.add(evaluation.id)
    this.match.create.evaluations.push(evaluation)
    this.evaluations.set(
      evaluationKey(evaluation.productId, evaluation.year, evaluation.round),
      evaluation,
    )
    this.addEarlier(evaluation)
  }

  /** The record to change: created ones in place, stored ones as a copy with its before-image. */
  editable<T extends { id: string; updatedAt: string }>(table: RegisterTable, record: T): T {
    if (this.created.has(record.id)) return record
    const open = this.working.get(record.id)
    if (open !== undefined) return open.after as T
    const copy = structuredClone(record)
    this.working.set(record.id, { table, before: record, after: copy })
    return copy
  }

  /** The match with the records that really changed and the count of each action. */
  finish(): ImportMatch {
    for (const { table, before, after } of this.working.values()) {
      if (JSON.stringify(before) === JSON.stringify(after)) continue
      ;(this.match.update[table] as RecordChange<unknown>[]).push({ before, after })
    }
    for (const r of this.match.rows) this.match.counts[r.action]++
    return this.match
  }
}
