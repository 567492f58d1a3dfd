import { describe, expect, it } from 'vitest'
import {
  blankPlan,
  blankTarget,
  checkPlanInput,
  nextPeriodInput,
  planRecords,
  planToInput,
  targetsInPlanOrder,
  type PlanInput,
} from '@shared/domain/plan-input'
import { planSchema, planTargetSchema } from '@shared/db/records'

const myHao = (): PlanInput => ({
  name: '  Kế hoạch OCOP   2019-2020 ',
  docNo: '45/KH-UBND',
  docDate: '2019-03-01',
  fromYear: 2019,
  toYear: 2020,
  baselineYear: 2018,
  note: '',
  targets: [
    { ...blankTarget('stars-exactly'), stars: 3, value: 6, baselineOverride: 4 },
    { ...blankTarget('units-covered-share'), value: 100 },
    { ...blankTarget('product-stars'), stars: 5, productId: 'p1', byYear: 2020 },
  ],
})

let n = 0
const newId = () => `t${++n}`
const stamps = { createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-01T00:00:00.000Z' }

describe('the plan form', () => {
  it('accepts the Mỹ Hào plan and turns it into valid records, the document baseline kept per target', () => {
    const input = myHao()
    expect(checkPlanInput(input)).toEqual({})
    const { plan, targets } = planRecords(input, 'plan-1', newId, stamps)
    planSchema.parse(plan)
    for (const target of targets) planTargetSchema.parse(target)
    expect(plan.name).toBe('Kế hoạch OCOP 2019-2020')
    expect(plan.baselineOverride).toEqual({ [targets[0]!.id]: 4 })
    // A named product's goal is its star; a share keeps no star.
    expect(targets.map((t) => [t.kind, t.stars, t.value])).toEqual([
      ['stars-exactly', 3, 6],
      ['units-covered-share', null, 100],
      ['product-stars', 5, 5],
    ])
    expect(planToInput(plan, targets)).toEqual({ ...input, name: 'Kế hoạch OCOP 2019-2020' })
  })

  it('says what is missing or out of range, field by field', () => {
    const input = myHao()
    input.name = ' '
    input.baselineYear = 2019
    input.toYear = 2018
    input.targets[0]!.value = null
    input.targets[1]!.value = 120
    input.targets[2] = { ...input.targets[2]!, productId: null, byYear: 2030 }
    expect(checkPlanInput(input)).toEqual({
      name: 'plans.problems.nameRequired',
      toYear: 'plans.problems.toBeforeFrom',
      baselineYear: 'plans.problems.baselineAfterStart',
      'targets.0.value': 'plans.problems.count',
      'targets.1.value': 'plans.problems.share',
      'targets.2.productId': 'plans.problems.product',
      'targets.2.byYear': 'plans.problems.byYear',
    })
    expect(checkPlanInput({ ...blankPlan(2026), targets: [] }).targets).toBe(
      'plans.problems.noTargets',
    )
  })

  it('copies a plan into the next period: years moved on, no document, baseline from the register', () => {
    const next = nextPeriodInput(myHao())
    expect([next.fromYear, next.toYear, next.baselineYear]).toEqual([2021, 2022, 2020])
    expect([next.docNo, next.docDate]).toEqual(['', null])
    expect(next.targets.map((t) => [t.byYear, t.baselineOverride])).toEqual([
      [null, null],
      [null, null],
      [2022, null],
    ])
  })

  it('keeps the targets in the order the clerk gave them, whatever their ids', () => {
    const input = myHao()
    const ids = ['t-z', 't-a', 't-m']
    const { targets } = planRecords(input, 'plan-1', () => ids.shift()!, stamps)
    expect(targets.map((t) => [t.id, t.position])).toEqual([
      ['t-z', 0],
      ['t-a', 1],
      ['t-m', 2],
    ])
    // Read back in any order (the database returns them by id), they come back as given.
    const byId = [...targets].sort((a, b) => a.id.localeCompare(b.id))
    expect(planToInput(planRecords(input, 'plan-1', newId, stamps).plan, byId).targets).toEqual(
      planToInput(planRecords(input, 'plan-1', newId, stamps).plan, targets).targets,
    )
  })

  it('keeps targets stored before they had a position in the order they were stored', () => {
    const old = (id: string) => ({ id, position: undefined })
    expect(targetsInPlanOrder([old('b'), old('c'), old('a')]).map((t) => t.id)).toEqual([
      'b',
      'c',
      'a',
    ])
  })
})
