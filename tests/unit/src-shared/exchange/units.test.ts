import { beforeAll, describe, expect, it } from 'vitest'
import type { OfficeIdentityKey } from '@shared/exchange/identity'
import type { ReceivedPackage } from '@shared/exchange/package-format'
import {
  mergeInto,
  named,
  officeIdentity,
  registerOf,
  sendPackage,
  unitId,
  without,
} from '../../support/exchange-register'

// On 2025-07-01 the wards Minh Đức, Bạch Sam, Dương Quang and Hòa Phong merged into Thượng Hồng,
// which took Minh Đức's code 12127; Mỹ Hào's new ward has no verified code yet.
const OLD_WARD = 'Nhãn lồng Minh Đức'
const NEW_WARD = 'Chả gà Thượng Hồng'
const NO_CODE = 'Bánh tẻ Mỹ Hào'

let ward: OfficeIdentityKey
let district: OfficeIdentityKey
let pkg: ReceivedPackage

beforeAll(async () => {
  ward = await officeIdentity('thuongHong')
  district = await officeIdentity('myHao')
  const register = registerOf('th', [
    { producer: 'HTX Nhãn lồng Minh Đức', product: OLD_WARD, unit: 'old-12127' },
    { producer: 'Cơ sở Chả gà Hồng Hạnh', product: NEW_WARD, unit: 'thuong-hong' },
    { producer: 'Cơ sở Bánh tẻ Bà Lan', product: NO_CODE, unit: 'my-hao' },
  ])
  pkg = await sendPackage(register, ward)
})

describe('units are matched by official code on the unit’s own dates, then by name', () => {
  it('keeps a product of the old ward in the old ward, though its code now names the new one', () => {
    const { plan, register } = mergeInto(registerOf('mh', []), pkg, district.officeId)

    expect(named(register.products, OLD_WARD).unitId).toBe(unitId('mh', 'old-12127'))
    expect(named(register.products, NEW_WARD).unitId).toBe(unitId('mh', 'thuong-hong'))
    expect(named(register.producers, 'HTX Nhãn lồng Minh Đức').unitId).toBe(
      unitId('mh', 'old-12127'),
    )
    // Every unit was the district's already: none added, none changed.
    expect(plan.counts.units).toMatchObject({ new: 0, updated: 0, refused: 0 })
    expect(plan.puts.units).toEqual([])
  })

  it('matches a unit without a code by its name valid on its dates', () => {
    const { register } = mergeInto(registerOf('mh', []), pkg, district.officeId)

    expect(named(register.products, NO_CODE).unitId).toBe(unitId('mh', 'my-hao'))
  })

  it('adds the old ward, as the ward has it, where the district lacks it, not the new ward', () => {
    const lacking = without(registerOf('mh', []), 'units', [unitId('mh', 'old-12127')])

    const { plan, register } = mergeInto(lacking, pkg, district.officeId)

    expect(plan.counts.units.new).toBe(1)
    const added = register.units.find((u) => u.id === named(register.products, OLD_WARD).unitId)
    expect(added).toMatchObject({ name: 'Minh Đức', code: '12127', validTo: '2025-06-30' })
    expect(added?.origin?.office).toBe(ward.officeId)
    // Its successor is the district's Thượng Hồng.
    expect(added?.successorId).toBe(unitId('mh', 'thuong-hong'))
    expect(named(register.products, NEW_WARD).unitId).toBe(unitId('mh', 'thuong-hong'))
  })
})
