import { describe, expect, it } from 'vitest'
import { buildMyHaoDemo, isDemoId } from '@shared/domain/demo-my-hao'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { productsByStar } from '@shared/domain/rankings'
import { evaluationExpiry } from '@shared/domain/certificates'
import {
  evaluationSchema,
  producerSchema,
  productSchema,
  revocationSchema,
} from '@shared/db/records'

const units = new Map([
  ['Bần Yên Nhân', 'u1'],
  ['Cẩm Xá', 'u2'],
])
const demo = buildMyHaoDemo(units, '2026-01-01T00:00:00.000Z')
const index = new EvaluationIndex(demo.evaluations)

describe('the Mỹ Hào demo scenario', () => {
  it('has the 2018 baseline of the Mỹ Hào plan: 4×3★, 4×2★, 1×4★', () => {
    const counts = productsByStar(demo.products, index, '2018-12-31').counts
    expect(demo.products).toHaveLength(9)
    expect(counts).toMatchObject({ 5: 0, 4: 1, 3: 4, 2: 4, 1: 0, none: 0 })
  })

  it('ends 2020 with 1×5★, 1×4★, 5×3★ — short of the plan target, as a demo should show', () => {
    expect(productsByStar(demo.products, index, '2020-12-31').counts).toMatchObject({
      5: 1,
      4: 1,
      3: 5,
      2: 2,
    })
  })

  it('says it is demo data everywhere and uses demo ids only', () => {
    for (const product of demo.products) expect(product.name).toContain('mẫu')
    for (const producer of demo.producers) expect(producer.name).toContain('mẫu')
    const all = [...demo.producers, ...demo.products, ...demo.evaluations, ...demo.revocations]
    expect(all.every((r) => isDemoId(r.id))).toBe(true)
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length)
  })

  it('produces valid records whose recognised stars agree with their scores', () => {
    for (const p of demo.producers) producerSchema.parse(p)
    for (const p of demo.products) productSchema.parse(p)
    for (const e of demo.evaluations) {
      evaluationSchema.parse(e)
      expect(e.computedStars, e.id).toBe(e.recognisedStars)
    }
    expect(demo.products.find((p) => p.name.startsWith('Tương Bần'))?.unitId).toBe('u1')
    expect(demo.products.find((p) => p.name.startsWith('Lợn'))?.unitId).toBeNull()
  })
})

describe('the province’s 2021 revocation in the Mỹ Hào demo', () => {
  const revoking = new EvaluationIndex(demo.evaluations, undefined, demo.revocations)
  const [decision] = demo.revocations
  const productOf = (name: string) => demo.products.find((p) => p.name.startsWith(name))!

  it('revokes a 2018 certificate that ran out in 2021 with no evaluation since', () => {
    expect(demo.revocations).toHaveLength(1)
    revocationSchema.parse(decision)
    expect(decision).toMatchObject({
      issuer: 'higher',
      level: 'tinh',
      signer: 'Ủy ban nhân dân tỉnh Hưng Yên',
    })
    expect(decision?.lines).toHaveLength(1)
    const line = decision!.lines[0]!
    expect(line.reason).toBe('het-han')
    const certificate = demo.evaluations.find((e) => e.id === line.evaluationId)!
    expect(certificate.productId).toBe(line.productId)
    expect(certificate.year).toBe(2018)
    const expiry = evaluationExpiry(certificate)!
    expect(expiry.startsWith('2021')).toBe(true)
    expect(decision!.date > expiry && decision!.date.startsWith('2021')).toBe(true)
    expect(demo.evaluations.filter((e) => e.productId === line.productId)).toEqual([certificate])
  })

  it('shows Ba ba "Bị thu hồi" from the decision’s date, and Cá still "Hết hạn"', () => {
    const baBa = productOf('Ba ba').id
    expect(decision?.lines[0]?.productId).toBe(baBa)
    expect(revoking.statusOn(baBa, '2021-12-27').kind).toBe('het-han')
    expect(revoking.statusOn(baBa, decision!.date).kind).toBe('bi-thu-hoi')
    expect(revoking.statusOn(productOf('Cá').id, decision!.date).kind).toBe('het-han')
    const kinds = demo.products.map((p) => revoking.statusOn(p.id, '2026-01-01').kind)
    expect(kinds.filter((k) => k === 'bi-thu-hoi')).toHaveLength(1)
    // Without the decision, the same product counts as expired: one fewer 'het-han' with it.
    const plain = demo.products.map((p) => index.statusOn(p.id, '2026-01-01').kind)
    expect(kinds.filter((k) => k === 'het-han').length).toBe(
      plain.filter((k) => k === 'het-han').length - 1,
    )
  })
})
