import { describe, expect, it } from 'vitest'
import { EvaluationIndex } from '@shared/domain/evaluation-index'
import { unitStarMatrix, type UnitStarMatrix } from '@shared/domain/unit-star-matrix'
import { decided, myHaoUnits, product } from './ranking-fixtures'

// Demo products in the old units of thị xã Mỹ Hào; which product had which star is not public.
const units = myHaoUnits()
const products = [
  product('Tương Bần', 'old-12103'), // Bần Yên Nhân → Mỹ Hào
  product('Gà lông màu', 'old-12109'), // Cẩm Xá → Mỹ Hào
  product('Ba ba', 'old-12121'), // Dị Sử → Đường Hào
  product('Đồ gỗ', 'old-12127'), // Minh Đức → Thượng Hồng
  product('Gạo nếp', 'old-12133'), // Xuân Dục, only 2★
  product('Cá', null),
  product('Bò', 'duong-hao'), // registered after the merger
]
const index = new EvaluationIndex([
  decided('Tương Bần', 3, '2019-11-05'),
  decided('Tương Bần', 4, '2022-10-20'), // valid through 2025-10-19
  decided('Gà lông màu', 3, '2020-06-15'),
  decided('Gà lông màu', 3, '2023-06-10'),
  decided('Ba ba', 3, '2020-06-15'), // lapses after 2023-06-14
  decided('Đồ gỗ', 4, '2020-06-15'),
  decided('Đồ gỗ', 5, '2024-03-01'),
  decided('Gạo nếp', 2, '2019-11-05'),
  decided('Cá', 3, '2020-06-15'),
  decided('Bò', 3, '2025-07-10'),
])

function table(matrix: UnitStarMatrix) {
  return Object.fromEntries(
    matrix.rows.map((row) => [
      row.unit?.name,
      [row.counts[3], row.counts[4], row.counts[5], row.total, row.empty ? 'empty' : ''],
    ]),
  )
}

describe('the unit × star matrix across the 2025 Mỹ Hào merger', () => {
  it('as of 31/12/2020 has the 13 old units as rows, under the names valid then', () => {
    const matrix = unitStarMatrix(products, index, units, '2020-12-31')
    expect(matrix.rows).toHaveLength(13)
    expect(matrix.rows.map((r) => r.unit?.name)).not.toContain('Thượng Hồng')
    const rows = table(matrix)
    expect(rows['Bần Yên Nhân']).toEqual([1, 0, 0, 1, ''])
    expect(rows['Cẩm Xá']).toEqual([1, 0, 0, 1, ''])
    expect(rows['Dị Sử']).toEqual([1, 0, 0, 1, ''])
    expect(rows['Minh Đức']).toEqual([0, 1, 0, 1, ''])
    // 2★ is not an OCOP product: the commune is highlighted as having none.
    expect(rows['Xuân Dục']).toEqual([0, 0, 0, 0, 'empty'])
    expect(matrix.rows.filter((r) => r.empty)).toHaveLength(9)
    expect([matrix.noUnit.counts[3], matrix.noUnit.total]).toEqual([1, 1])
    expect(matrix.columnTotals).toEqual({ 3: 4, 4: 1, 5: 0 })
    expect(matrix.total).toBe(5)
  })

  it('sorts rows the Vietnamese way', () => {
    const names = unitStarMatrix(products, index, units, '2020-12-31').rows.map((r) => r.unit?.name)
    expect(names.slice(0, 4)).toEqual(['Bạch Sam', 'Bần Yên Nhân', 'Cẩm Xá', 'Dị Sử'])
    expect(names.at(-1)).toBe('Xuân Dục')
  })

  it('still shows the old units on 30/06/2025, the last day before the merger', () => {
    const matrix = unitStarMatrix(products, index, units, '2025-06-30')
    expect(matrix.rows).toHaveLength(13)
    expect(table(matrix)['Minh Đức']).toEqual([0, 0, 1, 1, ''])
  })

  it('as of 01/07/2025 has the three wards as rows, carrying the old units’ products', () => {
    const matrix = unitStarMatrix(products, index, units, '2025-07-01')
    expect(table(matrix)).toEqual({
      'Đường Hào': [0, 0, 0, 0, 'empty'], // Ba ba lapsed in 2023; Bò is decided on 10/07
      'Mỹ Hào': [1, 1, 0, 2, ''],
      'Thượng Hồng': [0, 0, 1, 1, ''],
    })
    const myHao = matrix.rows.find((r) => r.unit?.name === 'Mỹ Hào')
    expect(myHao?.products.map((p) => p.product.id)).toEqual(['Tương Bần', 'Gà lông màu'])
    expect(matrix.noUnit.total).toBe(0) // Cá's certificate lapsed in 2023
    expect(matrix.columnTotals).toEqual({ 3: 1, 4: 1, 5: 1 })
    expect(matrix.total).toBe(3)
  })

  it('adds products of the new ward once they are decided', () => {
    const matrix = unitStarMatrix(products, index, units, '2025-12-31')
    expect(table(matrix)['Đường Hào']).toEqual([1, 0, 0, 1, ''])
    // Tương Bần's 4★ ran out on 2025-10-19 without a new decision.
    expect(table(matrix)['Mỹ Hào']).toEqual([1, 0, 0, 1, ''])
  })

  it('puts a product under "no unit" when its unit did not exist yet on the date', () => {
    const early = [product('Bò sớm', 'duong-hao')]
    const matrix = unitStarMatrix(
      early,
      new EvaluationIndex([decided('Bò sớm', 3, '2020-01-10')]),
      units,
      '2020-12-31',
    )
    expect(matrix.noUnit.total).toBe(1)
    expect(matrix.rows.every((r) => r.empty)).toBe(true)
  })
})
