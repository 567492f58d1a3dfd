import { describe, expect, it } from 'vitest'
import type { RecordOrigin } from '@shared/db/records'
import { buildReport } from '@shared/reports/build'
import { reportDataFromTables } from '@shared/reports/data'
import type { ReportData, ReportOptions } from '@shared/reports/model'
import { officeRecord } from '../exchange/office-fixtures'
import { annexOf, at, myHaoData, outline, records, tableOf } from './my-hao-fixture'

const demo = (name: string) => `${name} (dữ liệu mẫu)`
const XUAN_DUC = 'office-xuan-duc'
const NGOC_LAM = 'office-ngoc-lam'

/**
 * The Mỹ Hào demo as the town's office holds it after two communes sent their packages: Xuân
 * Dục's Ba ba and Ngọc Lâm's Cá nước ngọt, with their producers and evaluations, are theirs.
 */
function withCommunes(): ReportData {
  const data = myHaoData()
  const owners = new Map([
    ['demo-product-ba-ba', XUAN_DUC],
    ['demo-product-ca', NGOC_LAM],
  ])
  const origin = (office: string | undefined, id: string): { origin?: RecordOrigin } =>
    office ? { origin: { office, id: `${office}-${id}`, rev: at } } : {}
  const producerOwners = new Map(
    data.products.flatMap((p) => (owners.has(p.id) ? [[p.producerId, owners.get(p.id)]] : [])),
  )
  return {
    ...data,
    products: data.products.map((p) => ({ ...p, ...origin(owners.get(p.id), p.id) })),
    producers: data.producers.map((p) => ({ ...p, ...origin(producerOwners.get(p.id), p.id) })),
    evaluations: data.evaluations.map((e) => ({ ...e, ...origin(owners.get(e.productId), e.id) })),
    offices: [
      officeRecord(XUAN_DUC, 'UBND xã Xuân Dục'),
      officeRecord(NGOC_LAM, 'UBND xã Ngọc Lâm'),
    ],
  }
}

const options: ReportOptions = { date: '2020-12-31', signedOn: '2021-01-05', docNumber: '5' }

describe('Tổng hợp theo đơn vị gửi: the products list grouped by owning office', () => {
  const model = buildReport('products', withCommunes(), { ...options, grouping: 'office' })
  const list = tableOf(annexOf(model))

  it('lists the town’s own products first, then each commune’s, each with its subtotal', () => {
    expect(outline(list)).toEqual([
      ['group', 'I. Ủy ban nhân dân thị xã Mỹ Hào'],
      // By stars (5★ Tương Bần, 4★ Gà lông màu, then the 3★ by name), as grouped by unit.
      ['data', 1, demo('Tương Bần')],
      ['data', 2, demo('Gà lông màu')],
      ['data', 3, demo('Bò thịt')],
      ['data', 4, demo('Gạo nếp Hưng Yên')],
      ['data', 5, demo('Gạo Nhật')],
      ['subtotal', null, 'Cộng: 5 sản phẩm'],
      ['group', 'II. UBND xã Ngọc Lâm'],
      ['data', 6, demo('Cá nước ngọt')],
      ['subtotal', null, 'Cộng: 1 sản phẩm'],
      ['group', 'III. UBND xã Xuân Dục'],
      ['data', 7, demo('Ba ba')],
      ['subtotal', null, 'Cộng: 1 sản phẩm'],
      ['total', null, 'Tổng cộng: 7 sản phẩm'],
    ])
    // The group says whose a product is: its note does not repeat it.
    expect(records(list).every((row) => !String(row.note).includes('Đơn vị gửi'))).toBe(true)
  })

  it('sums the offices up in the body, by stars, with their producers', () => {
    const summary = model.sections.find((s) => s.heading === 'Tổng hợp theo đơn vị gửi')
    expect(summary?.table).toBeDefined()
    expect(records(summary!.table!, ['data', 'total'])).toEqual([
      expect.objectContaining({ office: 'Ủy ban nhân dân thị xã Mỹ Hào', owners: 5, total: 5 }),
      expect.objectContaining({ office: 'UBND xã Ngọc Lâm', owners: 1, total: 1 }),
      expect.objectContaining({ office: 'UBND xã Xuân Dục', owners: 1, total: 1 }),
      expect.objectContaining({ office: 'Tổng cộng', owners: 7, total: 7 }),
    ])
  })

  it('names the sending office in the note of its products when grouped otherwise', () => {
    const byStars = tableOf(annexOf(buildReport('products', withCommunes(), options)))
    const notes = new Map(records(byStars).map((row) => [row.product, row.note]))
    expect(notes.get(demo('Ba ba'))).toMatch(/Đơn vị gửi: UBND xã Xuân Dục$/)
    expect(notes.get(demo('Cá nước ngọt'))).toMatch(/Đơn vị gửi: UBND xã Ngọc Lâm$/)
    expect(notes.get(demo('Gạo Nhật'))).not.toContain('Đơn vị gửi')
  })

  it('reads the offices of a backup file, so the command line groups them too', () => {
    const data = withCommunes()
    const fromTables = reportDataFromTables({
      ...Object.fromEntries(Object.entries(data).filter(([, v]) => Array.isArray(v))),
      settings: [{ key: 'office', value: data.office }],
    })
    expect(fromTables.offices.map((o) => o.name)).toEqual(['UBND xã Xuân Dục', 'UBND xã Ngọc Lâm'])
    expect(buildReport('products', fromTables, { ...options, grouping: 'office' })).toEqual(model)
  })
})

describe('a report of one owning office (Đơn vị sở hữu)', () => {
  it('counts only that office’s products and producers, and its notes say so', () => {
    const model = buildReport('producers', withCommunes(), {
      ...options,
      officeScope: { kind: 'office', office: XUAN_DUC },
    })
    const list = tableOf(annexOf(model))
    expect(records(list).map((row) => row.product)).toEqual([demo('Ba ba')])
    expect(model.notes.at(-1)).toBe('Số liệu chỉ gồm dữ liệu do UBND xã Xuân Dục gửi.')
  })

  it('of this office, leaves the communes’ products out and names the office in its notes', () => {
    const model = buildReport('units', withCommunes(), {
      ...options,
      officeScope: { kind: 'here' },
    })
    expect(records(tableOf(model, 1), ['total'])[0]?.total).toBe(5)
    expect(model.notes.at(-1)).toBe(
      'Số liệu chỉ gồm dữ liệu của Ủy ban nhân dân thị xã Mỹ Hào, không gồm dữ liệu do đơn vị khác gửi.',
    )
  })

  it('of every office is the report as before, without a note', () => {
    const all = buildReport('units', withCommunes(), { ...options, officeScope: { kind: 'all' } })
    expect(all).toEqual(buildReport('units', withCommunes(), options))
    expect(records(tableOf(all, 1), ['total'])[0]?.total).toBe(7)
    expect(all.notes.some((note) => note.startsWith('Số liệu chỉ gồm'))).toBe(false)
  })
})
