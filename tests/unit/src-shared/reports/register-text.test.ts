import { describe, expect, it } from 'vitest'
import { buildReport } from '@shared/reports/build'
import type { DocCell, OfficialDocument } from '@shared/documents/model'
import { REPORT_KINDS } from '@shared/reports/model'
import { PLAN, myHaoData } from './my-hao-fixture'

const FORMULA_NAME = '=HYPERLINK("http://x")'
const FORMULA_PRODUCT = '=1+1'
const DECOMPOSED = 'Tương Bần'.normalize('NFD')

/** The demo with a producer named like a formula, a product likewise, text as stored. */
function hostileData() {
  const data = myHaoData()
  return {
    ...data,
    producers: data.producers.map((p) =>
      p.id === 'demo-producer-tuong-ban' ? { ...p, name: FORMULA_NAME } : p,
    ),
    products: data.products.map((p) =>
      p.id === 'demo-product-ca'
        ? { ...p, name: FORMULA_PRODUCT }
        : p.id === 'demo-product-ba-ba'
          ? { ...p, name: DECOMPOSED }
          : p,
    ),
  }
}

/** Every cell of the body's tables and the annexes' tables. */
function cells(model: OfficialDocument): DocCell[] {
  return [model, ...model.annexes].flatMap((part) =>
    part.sections.flatMap((s) =>
      (s.table?.rows ?? []).flatMap((row) => (row.kind === 'group' ? [] : row.cells)),
    ),
  )
}

describe('text from the register reaches the model exactly as stored', () => {
  const data = hostileData()
  const build = (kind: (typeof REPORT_KINDS)[number], date = '2020-12-31') =>
    buildReport(kind, data, { date, signedOn: date, docNumber: '', planId: PLAN.id })

  it('keeps a producer named "=HYPERLINK(…)" as that string in products and producers', () => {
    // The products list gives the producer's address on the line under its name.
    expect(cells(build('products'))).toContain(`${FORMULA_NAME}\nBần Yên Nhân, Mỹ Hào, Hưng Yên`)
    expect(cells(build('producers'))).toContain(FORMULA_NAME)
    expect(cells(build('plan'))).toContain(FORMULA_NAME)
  })

  it('keeps a product named "=1+1" and a decomposed (NFD) name unaltered', () => {
    for (const kind of ['products', 'producers', 'plan'] as const) {
      expect(cells(build(kind))).toContain(FORMULA_PRODUCT)
      expect(cells(build(kind))).toContain(DECOMPOSED)
    }
    expect(cells(build('certificates', '2021-12-01'))).toContain(FORMULA_PRODUCT)
  })

  it('gives every cell as text, a number or empty', () => {
    for (const kind of REPORT_KINDS) {
      for (const cell of cells(build(kind))) {
        expect(['string', 'number', 'object']).toContain(typeof cell)
        if (typeof cell === 'number') expect(Number.isFinite(cell)).toBe(true)
      }
    }
  })
})
