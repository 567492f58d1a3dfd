import { beforeAll, describe, expect, it } from 'vitest'
import { writesNothing } from '@shared/exchange/apply'
import type { OfficeIdentityKey } from '@shared/exchange/identity'
import { isOwnedHere, ownerOf } from '@shared/exchange/ownership'
import {
  CAM_XA_PRODUCTS,
  RICE,
  T0,
  edited,
  mergeInto,
  named,
  officeIdentity,
  registerOf,
  sendPackage,
  unitId,
  type Register,
} from '../../support/exchange-register'

const TUONG = 'Tương Bần Yên Nhân'

let camXa: OfficeIdentityKey
let district: OfficeIdentityKey
let province: OfficeIdentityKey
let commune: Register
/** The district: its own product (the soy sauce) and Cẩm Xá's records merged. */
let atDistrict: Register

beforeAll(async () => {
  camXa = await officeIdentity('camXa')
  district = await officeIdentity('myHao')
  province = await officeIdentity('hungYen')
  commune = registerOf('cx', CAM_XA_PRODUCTS)
  const own = registerOf('mh', [
    { producer: 'Cơ sở Tương Bần Bà Nhung', product: TUONG, unit: 'old-12103' },
  ])
  atDistrict = mergeInto(own, await sendPackage(commune, camXa), district.officeId).register
})

describe('who owns a record', () => {
  it('owns what it typed in: no origin here, and the package names this office as owner', async () => {
    expect(commune.products.every(isOwnedHere)).toBe(true)
    expect(ownerOf(named(commune.products, RICE), camXa.officeId)).toBe(camXa.officeId)

    const pkg = await sendPackage(commune, camXa)
    const rice = named(pkg.content.tables.products!, RICE)
    expect(rice.origin).toEqual({ office: camXa.officeId, id: rice.id, rev: T0 })
    expect(pkg.content.state.products?.[camXa.officeId]?.[rice.id]).toBe(T0)
  })

  it('holds a merged record as its owner’s: origin names the commune, ids are the district’s', () => {
    const rice = named(atDistrict.products, RICE)
    expect(isOwnedHere(rice)).toBe(false)
    expect(ownerOf(rice, district.officeId)).toBe(camXa.officeId)
    expect(rice.origin).toEqual({ office: camXa.officeId, id: 'cx-product-1', rev: T0 })
    // Its unit is the district's own Cẩm Xá: units are matched, not copied.
    expect(rice.unitId).toBe(unitId('mh', 'old-12109'))
    expect(atDistrict.units).toHaveLength(commune.units.length)
    expect(rice.producerId).toBe(named(atDistrict.producers, 'Hợp tác xã Nông nghiệp Cẩm Xá').id)
    expect(isOwnedHere(named(atDistrict.products, TUONG))).toBe(true)
  })

  it('never lets a package overwrite a record this office owns: its own coming back is refused', async () => {
    const fromDistrict = await sendPackage(atDistrict, district, { includeHeld: true })
    // Cẩm Xá renamed its rice since: the district's copy, passed back, must not undo that.
    const renamed = edited(commune, 'products', 'cx-product-1', { name: 'Gạo mới' }, T0)

    const { plan, register } = mergeInto(renamed, fromDistrict, camXa.officeId)

    const own = plan.refusals.filter((refusal) => refusal.reason === 'own-record')
    expect(own.map((refusal) => refusal.table)).toEqual([
      'producers',
      'products',
      'products',
      'evaluations',
      'evaluations',
      'evaluations',
    ])
    expect(named(register.products, 'Gạo mới').id).toBe('cx-product-1')
    expect(register.products.filter((p) => p.origin === undefined)).toHaveLength(2)
    // The district's own soy sauce is the one record it brings.
    expect(named(register.products, TUONG).origin?.office).toBe(district.officeId)
  })
})

describe('a district passes its communes’ records up', () => {
  it('sends only its own records unless asked to include those it holds', async () => {
    const own = await sendPackage(atDistrict, district)
    expect(own.content.tables.products?.map((p) => p.name)).toEqual([TUONG])
    expect(own.manifest.includesHeld).toBe(false)

    const all = await sendPackage(atDistrict, district, { includeHeld: true })
    expect(all.manifest.includesHeld).toBe(true)
    expect(all.content.tables.products).toHaveLength(3)
  })

  it('shows the province the commune as owner of its records, in the commune’s ids', async () => {
    const all = await sendPackage(atDistrict, district, { includeHeld: true })
    const { plan, register } = mergeInto(registerOf('hy', []), all, province.officeId)

    const rice = named(register.products, RICE)
    expect(rice.origin).toEqual({ office: camXa.officeId, id: 'cx-product-1', rev: T0 })
    expect(named(register.products, TUONG).origin?.office).toBe(district.officeId)
    const evaluation = register.evaluations.find((e) => e.productId === rice.id)
    expect(evaluation?.origin?.office).toBe(camXa.officeId)
    // The district is trusted from its own package; Cẩm Xá is only heard of, with no key.
    const offices = new Map(plan.offices.map((office) => [office.id, office]))
    expect(offices.get(district.officeId)).toMatchObject({
      name: 'UBND thị xã Mỹ Hào',
      publicKey: district.publicKey,
      trustedAt: expect.any(String),
    })
    expect(offices.get(camXa.officeId)).toMatchObject({
      name: 'UBND xã Cẩm Xá',
      publicKey: '',
      trustedAt: null,
    })
  })

  it('takes nothing twice when the province later hears from the commune itself', async () => {
    const all = await sendPackage(atDistrict, district, { includeHeld: true })
    const atProvince = mergeInto(registerOf('hy', []), all, province.officeId).register

    const { plan } = mergeInto(atProvince, await sendPackage(commune, camXa), province.officeId)

    expect(writesNothing(plan)).toBe(true)
    expect(plan.counts.products.unchanged).toBe(2)
  })
})
