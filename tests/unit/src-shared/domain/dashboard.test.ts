import { describe, expect, it } from 'vitest'
import { buildMyHaoDemo } from '@shared/domain/demo-my-hao'
import { dashboardFigures } from '@shared/domain/dashboard'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import type { Unit } from '@shared/db/records'
import { decided, product } from './ranking-fixtures'

const names = [
  'Bần Yên Nhân',
  'Cẩm Xá',
  'Hòa Phong',
  'Ngọc Lâm',
  'Xuân Dục',
  'Dương Quang',
  'Hưng Long',
  'Minh Đức',
  'Phùng Chí Kiên',
  'Dị Sử',
]
const units: Unit[] = names.map((name, i) => ({
  id: `u${i}`,
  code: '',
  name,
  kind: 'xa',
  parentName: '',
  validFrom: null,
  validTo: null,
  successorId: null,
  note: '',
  createdAt: '',
  updatedAt: '',
}))
const demo = buildMyHaoDemo(new Map(names.map((n, i) => [n, `u${i}`])), '2026-01-01T00:00:00.000Z')
const index = new EvaluationIndex(demo.evaluations)

describe('dashboardFigures', () => {
  it('counts the Mỹ Hào demo on 30/06/2020: OCOP products by star, this year so far, units without one', () => {
    // Standing on 30/06/2020: the 2018 decisions (4×3★, 1×4★) and Gà lông màu upgraded to 4★ in 2019.
    expect(dashboardFigures(demo.products, index, units, '2020-06-30')).toEqual({
      byStar: { 3: 3, 4: 2, 5: 0 },
      ocopTotal: 5,
      newThisYear: 0,
      upgradedThisYear: 0,
      expiring90: 0,
      unitsWithout: 5,
      unitsValid: 10,
    })
  })

  it('sees 2020 as the year of the upgrades, and the 2018 certificates expiring at the end of 2021', () => {
    const end2020 = dashboardFigures(demo.products, index, units, '2020-12-31')
    expect(end2020.byStar).toEqual({ 3: 5, 4: 1, 5: 1 })
    // Tương Bần 4★→5★, Bò thịt and Gạo Nhật 2★→3★.
    expect(end2020.upgradedThisYear).toBe(3)
    expect(end2020.newThisYear).toBe(0)
    // 2018 certificates (decided 20/12/2018) end on 19/12/2021: within 90 days on 01/10/2021.
    expect(dashboardFigures(demo.products, index, units, '2021-10-01').expiring90).toBe(2)
  })

  it('never counts a 1★-2★ result as newly recognised, nor a lapsed one as standing', () => {
    const products = [product('two', 'u0'), product('three', 'u1')]
    const fresh = new EvaluationIndex([
      decided('two', 2, '2022-03-01'),
      decided('three', 3, '2022-03-01'),
    ])
    expect(dashboardFigures(products, fresh, units, '2022-12-31')).toMatchObject({
      ocopTotal: 1,
      newThisYear: 1,
    })
    // The 2★ of 2021 lapsed in 2024: its rise to 3★ in 2025 is new, not an upgrade.
    const raised = new EvaluationIndex([
      decided('two', 2, '2021-03-01'),
      decided('two', 3, '2025-06-01'),
    ])
    expect(dashboardFigures(products, raised, units, '2025-12-31')).toMatchObject({
      byStar: { 3: 1, 4: 0, 5: 0 },
      newThisYear: 1,
      upgradedThisYear: 0,
    })
  })
})
