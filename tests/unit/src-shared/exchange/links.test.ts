import { beforeAll, describe, expect, it } from 'vitest'
import { writesNothing } from '@shared/exchange/apply'
import type { OfficeIdentityKey } from '@shared/exchange/identity'
import { proposeLinks } from '@shared/exchange/links'
import type { ReceivedPackage } from '@shared/exchange/package-format'
import {
  mergeInto,
  named,
  officeIdentity,
  registerOf,
  sendPackage,
  type Register,
} from '../../support/exchange-register'

let camXa: OfficeIdentityKey
let district: OfficeIdentityKey
let commune: Register
let pkg: ReceivedPackage
/**
 * The district before it first hears from Cẩm Xá: it imported the commune's spreadsheet, where
 * the cooperative is written short and the product names in another case, and its own plan
 * names the rice.
 */
let imported: Register

beforeAll(async () => {
  camXa = await officeIdentity('UBND xã Cẩm Xá', 'Xã Cẩm Xá', '12109')
  district = await officeIdentity('UBND thị xã Mỹ Hào', 'Thị xã Mỹ Hào', '327')
  commune = registerOf('cx', [
    {
      producer: 'Hợp tác xã Nông nghiệp Cẩm Xá',
      taxCode: '0901234567',
      product: 'Gạo nếp cái hoa vàng Cẩm Xá',
      unit: 'old-12109',
      evaluations: [
        [2023, 1, 3],
        [2024, 1, 4],
      ],
    },
    { producer: 'Hợp tác xã Nông nghiệp Cẩm Xá', product: 'Bánh cuốn Cẩm Xá', unit: 'old-12109' },
  ])
  pkg = await sendPackage(commune, camXa)
  imported = registerOf(
    'mh',
    [
      {
        producer: 'HTX NN Cẩm Xá',
        taxCode: '0901 234 567',
        product: 'GẠO NẾP CÁI HOA VÀNG CẨM XÁ',
        unit: 'old-12109',
        evaluations: [[2023, 1, 3]],
      },
      { producer: 'Cơ sở Tương Bần Bà Nhung', product: 'Tương Bần', unit: 'old-12103' },
    ],
    { plan: true },
  )
})

describe('first contact links what the district imported from the commune’s spreadsheet', () => {
  it('proposes the producer by tax number, its product by name, the evaluation by year and round', () => {
    const links = proposeLinks(imported, pkg)

    expect(
      links.map(({ table, localName, wireName, by }) => ({ table, localName, wireName, by })),
    ).toEqual([
      {
        table: 'producers',
        localName: 'HTX NN Cẩm Xá',
        wireName: 'Hợp tác xã Nông nghiệp Cẩm Xá',
        by: 'tax-code',
      },
      {
        table: 'products',
        localName: 'GẠO NẾP CÁI HOA VÀNG CẨM XÁ',
        wireName: 'Gạo nếp cái hoa vàng Cẩm Xá',
        by: 'name',
      },
      {
        table: 'evaluations',
        localName: 'mh-product-1-2023-1',
        wireName: 'cx-product-1-2023-1',
        by: 'year-round',
      },
    ])
  })

  it('with the links confirmed, makes those records the commune’s instead of duplicating them', () => {
    const links = proposeLinks(imported, pkg)
    const { plan, register } = mergeInto(imported, pkg, district.officeId, { links })

    expect(plan.counts.producers).toMatchObject({ new: 0, updated: 1 })
    expect(plan.counts.products).toMatchObject({ new: 1, updated: 1 })
    expect(plan.counts.evaluations).toMatchObject({ new: 1, updated: 1 })
    const rice = named(register.products, 'Gạo nếp cái hoa vàng Cẩm Xá')
    // The district's record, under its own id, now the commune's and as the commune wrote it.
    expect(rice.id).toBe('mh-product-1')
    expect(rice.origin).toEqual({
      office: camXa.officeId,
      id: 'cx-product-1',
      rev: expect.any(String),
    })
    expect(register.products.map((p) => p.name).sort()).toEqual([
      'Bánh cuốn Cẩm Xá',
      'Gạo nếp cái hoa vàng Cẩm Xá',
      'Tương Bần',
    ])
    expect(register.producers).toHaveLength(2)
    expect(register.evaluations.filter((e) => e.productId === rice.id)).toHaveLength(2)
    // The district's plan still names the rice, by the id it always had.
    expect(register.planTargets.find((t) => t.kind === 'product-stars')?.productId).toBe(rice.id)
    expect(named(register.producers, 'Hợp tác xã Nông nghiệp Cẩm Xá').taxCode).toBe('0901234567')
  })

  it('without the links, the district would hold the rice twice', () => {
    const { plan, register } = mergeInto(imported, pkg, district.officeId)

    expect(plan.counts.products.new).toBe(2)
    expect(register.products.filter((p) => /gạo nếp/i.test(String(p.name)))).toHaveLength(2)
  })

  it('proposes nothing more once linked, and the next package changes nothing', () => {
    const links = proposeLinks(imported, pkg)
    const linked = mergeInto(imported, pkg, district.officeId, { links }).register

    expect(proposeLinks(linked, pkg)).toEqual([])
    expect(writesNothing(mergeInto(linked, pkg, district.officeId).plan)).toBe(true)
  })

  it('proposes no link for the commune’s own records coming back in the district’s package', async () => {
    const links = proposeLinks(imported, pkg)
    const atDistrict = mergeInto(imported, pkg, district.officeId, { links }).register
    const passedUp = await sendPackage(atDistrict, district, { includeHeld: true })

    expect(proposeLinks(commune, passedUp)).toEqual([])
    const { plan } = mergeInto(commune, passedUp, camXa.officeId)
    expect(plan.counts.products).toMatchObject({ refused: 2, new: 1 })
  })
})
