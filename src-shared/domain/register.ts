/** Editable fields and form checks for producers (chủ thể) and products of the register. */
import type { Producer, Product } from '../db/records'

export type ProducerInput = Pick<
  Producer,
  'name' | 'type' | 'taxCode' | 'address' | 'unitId' | 'representative' | 'phone' | 'note'
>
export type ProductInput = Pick<
  Product,
  | 'name'
  | 'producerId'
  | 'unitId'
  | 'criteriaSetId'
  | 'groupCode'
  | 'productSetCode'
  | 'description'
>

/** Problems by field, as message keys of the UI catalogue. */
export type Problems<F extends string> = Partial<Record<F, string>>

/** A producer needs a name; a tax/registration number is digits (with an optional branch suffix). */
export function checkProducerInput(input: ProducerInput): Problems<keyof ProducerInput> {
  const problems: Problems<keyof ProducerInput> = {}
  if (input.name.trim() === '') problems.name = 'producers.problems.nameRequired'
  const tax = input.taxCode.trim()
  if (tax !== '' && !/^\d{8,13}(-\d{3})?$/.test(tax))
    problems.taxCode = 'producers.problems.taxCode'
  if (input.phone.trim() !== '' && !/^[+\d][\d .-]{7,15}$/.test(input.phone.trim())) {
    problems.phone = 'producers.problems.phone'
  }
  return problems
}

/** A product needs a name and a producer. */
export function checkProductInput(input: ProductInput): Problems<keyof ProductInput> {
  const problems: Problems<keyof ProductInput> = {}
  if (input.name.trim() === '') problems.name = 'products.problems.nameRequired'
  if (!input.producerId) problems.producerId = 'products.problems.producerRequired'
  return problems
}
