/**
 * Records a clerk is warned about before adding one like them (and the repositories refuse
 * without a reason): a product with the same name as another of the same producer; a producer
 * with the same tax or registration number as another, or the same name as another in the same
 * unit (xã/phường). Names compare as canonicalName does: case, spacing and old- or new-style tone
 * placement aside, "HTX Tương Bần" and "htx  tương bần" are one name. Adding anyway stays the
 * clerk's call: two producers may rightly share a name in different units.
 */
import type { Producer, Product } from '../db/records'
import { canonicalName } from '../text/vietnamese'

/** The fields a product is matched by. */
export type ProductIdentity = Pick<Product, 'name' | 'producerId'>
/** The fields a producer is matched by. */
export type ProducerIdentity = Pick<Producer, 'name' | 'taxCode' | 'unitId'>

/** A producer found like another, and what they share. */
export interface SameProducer {
  producer: Producer
  by: 'tax-code' | 'name-in-unit'
}

// A tax number is written with spaces or dots now and then: "0900 123 456" is 0900123456.
const taxKey = (taxCode: string) => taxCode.replace(/[\s.]/g, '')
const nameKey = (name: string, scope: string | null) => `${scope ?? ''}\u0000${canonicalName(name)}`

function firstOther<T extends { id: string }>(
  found: readonly T[] | undefined,
  ownId: string | null,
): T | undefined {
  return found?.find((record) => record.id !== ownId)
}

function group<T>(records: readonly T[], key: (record: T) => string | null) {
  const index = new Map<string, T[]>()
  for (const record of records) {
    const k = key(record)
    if (k === null) continue
    const list = index.get(k)
    if (list) list.push(record)
    else index.set(k, [record])
  }
  return index
}

/**
 * A finder of the product like `input` among `products` (other than the one being edited,
 * `ownId`); products are grouped once, so each check as the clerk types is a lookup.
 */
export function productDuplicates(products: readonly Product[]) {
  const byName = group(products, (p) => (p.producerId ? nameKey(p.name, p.producerId) : null))
  return (input: ProductIdentity, ownId: string | null = null): Product | undefined =>
    input.producerId && input.name.trim() !== ''
      ? firstOther(byName.get(nameKey(input.name, input.producerId)), ownId)
      : undefined
}

/** A finder of the producer like `input` among `producers` (other than `ownId`): tax number first. */
export function producerDuplicates(producers: readonly Producer[]) {
  const byTax = group(producers, (p) => taxKey(p.taxCode) || null)
  const byName = group(producers, (p) => nameKey(p.name, p.unitId))
  return (input: ProducerIdentity, ownId: string | null = null): SameProducer | undefined => {
    const tax = taxKey(input.taxCode)
    const sameTax = tax ? firstOther(byTax.get(tax), ownId) : undefined
    if (sameTax) return { producer: sameTax, by: 'tax-code' }
    const sameName =
      input.name.trim() === ''
        ? undefined
        : firstOther(byName.get(nameKey(input.name, input.unitId)), ownId)
    return sameName ? { producer: sameName, by: 'name-in-unit' } : undefined
  }
}

/** True when an edit changes what a product is matched by: a kept pair is not asked about again. */
export function productIdentityChanged(before: ProductIdentity, after: ProductIdentity): boolean {
  return (
    before.producerId !== after.producerId ||
    canonicalName(before.name) !== canonicalName(after.name)
  )
}

/** True when an edit changes what a producer is matched by (tax number, name or unit). */
export function producerIdentityChanged(
  before: ProducerIdentity,
  after: ProducerIdentity,
): boolean {
  return (
    taxKey(before.taxCode) !== taxKey(after.taxCode) ||
    before.unitId !== after.unitId ||
    canonicalName(before.name) !== canonicalName(after.name)
  )
}
