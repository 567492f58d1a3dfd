import { describe, expect, it } from 'vitest'
import { buildMyHaoDemo, isDemoId } from '@shared/domain/demo-my-hao'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { productsByStar } from '@shared/domain/rankings'
import { evaluationSchema, producerSchema, productSchema } from '@shared/db/records'

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
    const all = [...demo.producers, ...demo.products, ...demo.evaluations]
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
