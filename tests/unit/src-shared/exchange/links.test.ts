import { beforeAll, describe, expect, it } from 'vitest'
import { writesNothing } from '@shared/exchange/apply'
import type { OfficeIdentityKey } from '@shared/exchange/identity'
import { proposeLinks } from '@shared/exchange/links'
import type { ReceivedPackage } from '@shared/exchange/package-format'
import { viCollator } from '@shared/text/vietnamese'
import {
  CAM_XA_PRODUCTS,
  MY_HAO_PRODUCTS,
  RICE,
  ROLLS,
  T0,
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
/** The district before it first hears from Cẩm Xá, with its own plan naming the rice. */
let imported: Register

beforeAll(async () => {
  camXa = await officeIdentity('camXa')
  district = await officeIdentity('myHao')
  commune = registerOf('cx', CAM_XA_PRODUCTS)
  pkg = await sendPackage(commune, camXa)
  imported = registerOf('mh', MY_HAO_PRODUCTS, { plan: true })
})

describe('first contact links what the district imported from the commune’s spreadsheet', () => {
  it('proposes the producer by tax number, its products by name, evaluations by year and round', () => {
    const links = proposeLinks(imported, pkg)

    expect(
      links.map(({ table, localName, wireName, by }) => [table, localName, wireName, by]),
    ).toEqual([
      ['producers', 'HTX NN Cẩm Xá', 'Hợp tác xã Nông nghiệp Cẩm Xá', 'tax-code'],
      ['products', 'GẠO NẾP CÁI HOA VÀNG CẨM XÁ', RICE, 'name'],
      ['products', 'Bánh Cuốn Cẩm Xá', ROLLS, 'name'],
      // Evaluations are named by their product and year, as the district and the commune wrote it.
      ['evaluations', 'GẠO NẾP CÁI HOA VÀNG CẨM XÁ (2023)', `${RICE} (2023)`, 'year-round'],
      ['evaluations', 'GẠO NẾP CÁI HOA VÀNG CẨM XÁ (2024)', `${RICE} (2024)`, 'year-round'],
      ['evaluations', 'Bánh Cuốn Cẩm Xá (2024)', `${ROLLS} (2024)`, 'year-round'],
    ])
  })

  it('links a local evaluation once, when the commune holds the same year and round twice', () => {
    const evaluations = pkg.content.tables.evaluations ?? []
    const twice = evaluations.find(
      (e) => e.year === 2024 && named(commune.products, RICE).id === e.productId,
    )!
    const withTwice: ReceivedPackage = {
      ...pkg,
      content: {
        ...pkg.content,
        tables: {
          ...pkg.content.tables,
          evaluations: [
            ...evaluations,
            { ...twice, id: 'entered-twice', origin: { ...twice.origin, id: 'entered-twice' } },
          ],
        },
      },
    }
    const links = proposeLinks(imported, withTwice).filter((l) => l.table === 'evaluations')

    expect(links.map((l) => l.wireName)).toEqual([
      `${RICE} (2023)`,
      `${RICE} (2024)`,
      `${ROLLS} (2024)`,
    ])
    expect(new Set(links.map((l) => l.localId)).size).toBe(3)
    const { plan } = mergeInto(imported, withTwice, district.officeId, {
      links: proposeLinks(imported, withTwice),
    })
    expect(plan.counts.evaluations).toMatchObject({ new: 1, updated: 3 })
  })

  it('with the links confirmed, makes those records the commune’s instead of duplicating them', () => {
    const links = proposeLinks(imported, pkg)
    const { plan, register } = mergeInto(imported, pkg, district.officeId, { links })

    expect(plan.counts.producers).toMatchObject({ new: 0, updated: 1 })
    expect(plan.counts.products).toMatchObject({ new: 0, updated: 2 })
    expect(plan.counts.evaluations).toMatchObject({ new: 0, updated: 3 })
    const rice = named(register.products, RICE)
    // The district's record, under its own id, now the commune's and as the commune wrote it.
    expect(rice.id).toBe('mh-product-1')
    expect(rice.origin).toEqual({ office: camXa.officeId, id: 'cx-product-1', rev: T0 })
    expect(register.products.map((p) => String(p.name)).sort(viCollator.compare)).toEqual([
      ROLLS,
      RICE,
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
