/**
 * First contact with an office: what this office already holds about it, from that office's
 * spreadsheets imported earlier, is proposed as links rather than duplicated — by the import's
 * own rules (import/match.ts): producers by tax number, else by canonical name; products by
 * canonical name under the linked producer; evaluations by linked product, year and round. Only
 * records this office owns are proposed; the clerk confirms each link before the merge.
 */
import { canonicalName } from '../text/vietnamese'
import type { ConfirmedLink } from './merge'
import type { OwnedRecord } from './ownership'
import type { ReceivedPackage, WireRecord } from './package-format'
import { recordLabeller, type ExchangeTables } from './register-tables'

export interface LinkProposal extends ConfirmedLink {
  localName: string
  wireName: string
  by: 'tax-code' | 'name' | 'year-round'
}

const taxKey = (value: unknown) => (typeof value === 'string' ? value.replace(/\s+/g, '') : '')
const nameKey = (value: unknown) => (typeof value === 'string' ? canonicalName(value) : '')

/** The links to propose for the records of `pkg` this register does not hold yet. */
export function proposeLinks(register: ExchangeTables, pkg: ReceivedPackage): LinkProposal[] {
  // Records held already, by their id at their owner: those received, and this office's own,
  // which come back in a district's package passing them up (the merge refuses those).
  const held = new Set(
    (['producers', 'products', 'evaluations'] as const).flatMap((t) =>
      register[t].map((r) => `${t}:${r.origin?.id ?? r.id}`),
    ),
  )
  const own = <T extends 'producers' | 'products' | 'evaluations'>(table: T) =>
    register[table].filter((r) => r.origin === undefined)
  const incoming = (table: 'producers' | 'products' | 'evaluations') =>
    (pkg.content.tables[table] ?? []).filter((r) => !held.has(`${table}:${r.id}`))
  const recordLabel = recordLabeller(register, pkg.content.tables)
  const proposals: LinkProposal[] = []
  // Each local record is linked at most once: a sender holding one record twice links the first,
  // and the other comes in as new.
  const linked = new Set<string>()
  /** Proposes the link unless `local` is linked already; says whether it did. */
  const propose = (
    table: ConfirmedLink['table'],
    local: OwnedRecord | undefined,
    wire: WireRecord,
    by: LinkProposal['by'],
  ): local is OwnedRecord => {
    if (local === undefined || linked.has(`${table}:${local.id}`)) return false
    linked.add(`${table}:${local.id}`)
    proposals.push({
      table,
      localId: local.id,
      wireId: wire.id,
      localName: recordLabel(local),
      wireName: recordLabel(wire),
      by,
    })
    return true
  }

  // Producers: the tax number, else the canonical name.
  const producerLink = new Map<string, string>()
  const byTax = new Map(
    own('producers')
      .filter((p) => taxKey(p.taxCode) !== '')
      .map((p) => [taxKey(p.taxCode), p]),
  )
  const byName = new Map(own('producers').map((p) => [nameKey(p.name), p]))
  for (const wire of incoming('producers')) {
    const tax = taxKey(wire.taxCode)
    const byTaxCode = tax === '' ? undefined : byTax.get(tax)
    const local = byTaxCode ?? byName.get(nameKey(wire.name))
    if (propose('producers', local, wire, byTaxCode ? 'tax-code' : 'name')) {
      producerLink.set(wire.id, local.id)
    }
  }

  // Products: the canonical name under the producer linked above.
  const productLink = new Map<string, string>()
  const products = new Map(
    own('products').map((p) => [`${String(p.producerId)}\u0000${nameKey(p.name)}`, p]),
  )
  for (const wire of incoming('products')) {
    const producer =
      typeof wire.producerId === 'string' ? producerLink.get(wire.producerId) : undefined
    if (producer === undefined) continue
    const local = products.get(`${producer}\u0000${nameKey(wire.name)}`)
    if (propose('products', local, wire, 'name')) productLink.set(wire.id, local.id)
  }

  // Evaluations: the linked product's, of the same year and round.
  const evaluations = new Map(
    own('evaluations').map((e) => [
      `${String(e.productId)}\u0000${String(e.year)}\u0000${String(e.round)}`,
      e,
    ]),
  )
  for (const wire of incoming('evaluations')) {
    const product = productLink.get(String(wire.productId))
    if (product === undefined) continue
    const local = evaluations.get(`${product}\u0000${String(wire.year)}\u0000${String(wire.round)}`)
    propose('evaluations', local, wire, 'year-round')
  }
  return proposals
}
