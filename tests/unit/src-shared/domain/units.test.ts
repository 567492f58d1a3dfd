import { describe, expect, it } from 'vitest'
import type { Unit } from '@shared/db/records'
import { checkRetirement, checkUnitInput, unitOnDate, unitValidOn } from '@shared/domain/units'
import { viCollator } from '@shared/text/vietnamese'
import catalogue from '../../../../resources/catalogues/units-my-hao.json'

function unit(
  id: string,
  validFrom: string | null,
  validTo: string | null,
  successorId: string | null = null,
): Unit {
  const at = '2026-01-01T00:00:00.000Z'
  return {
    id,
    code: '',
    name: id,
    kind: 'xa',
    parentName: '',
    validFrom,
    validTo,
    successorId,
    note: '',
    createdAt: at,
    updatedAt: at,
  }
}

describe('units over time', () => {
  const minhDuc = unit('Minh Đức', null, '2025-06-30', 'Thượng Hồng')
  const thuongHong = unit('Thượng Hồng', '2025-07-01', null)
  const units = new Map([minhDuc, thuongHong].map((u) => [u.id, u]))

  it('is valid on its first and last day and not a day beyond', () => {
    expect(unitValidOn(minhDuc, '2019-01-01')).toBe(true)
    expect(unitValidOn(minhDuc, '2025-06-30')).toBe(true)
    expect(unitValidOn(minhDuc, '2025-07-01')).toBe(false)
    expect(unitValidOn(thuongHong, '2025-06-30')).toBe(false)
    expect(unitValidOn(thuongHong, '2025-07-01')).toBe(true)
  })

  it('follows the successor across the 2025 merger', () => {
    expect(unitOnDate('Minh Đức', '2020-12-31', units)?.id).toBe('Minh Đức')
    expect(unitOnDate('Minh Đức', '2025-07-01', units)?.id).toBe('Thượng Hồng')
  })

  it('checks a form: name required, code digits, end after start', () => {
    const input = {
      code: '12A',
      name: ' ',
      kind: 'xa' as const,
      parentName: '',
      validFrom: '2020-01-01',
      validTo: '2019-01-01',
      note: '',
    }
    expect(checkUnitInput(input)).toEqual({
      name: 'units.problems.nameRequired',
      code: 'units.problems.codeDigits',
      validTo: 'units.problems.endBeforeStart',
    })
    expect(checkUnitInput({ ...input, name: 'Dị Sử', code: '12121', validTo: null })).toEqual({})
  })

  it('refuses a retirement without a date, to itself, or to a unit that ends first', () => {
    expect(checkRetirement(minhDuc, null, thuongHong).validTo).toBe(
      'units.problems.retireDateRequired',
    )
    expect(checkRetirement(minhDuc, '2025-06-30', minhDuc).successorId).toBe(
      'units.problems.successorSelf',
    )
    const endsEarly = unit('X', null, '2024-12-31')
    expect(checkRetirement(minhDuc, '2025-06-30', endsEarly).successorId).toBe(
      'units.problems.successorNotValid',
    )
    expect(checkRetirement(minhDuc, '2025-06-30', thuongHong)).toEqual({})
  })

  it('ships the 13 Mỹ Hào units of 2019 and the 3 wards that succeed them', () => {
    const old = catalogue.units.filter((u) => u.validTo === '2025-06-30')
    const merged = catalogue.units.filter((u) => u.validFrom === '2025-07-01')
    expect(old).toHaveLength(13)
    expect(old.filter((u) => u.kind === 'phuong')).toHaveLength(7)
    expect(merged.map((u) => u.name).sort(viCollator.compare)).toEqual([
      'Đường Hào',
      'Mỹ Hào',
      'Thượng Hồng',
    ])
    const successorsOf = (key: string) =>
      old
        .filter((u) => u.successorKey === key)
        .map((u) => u.name)
        .sort(viCollator.compare)
    expect(successorsOf('my-hao')).toEqual([
      'Bần Yên Nhân',
      'Cẩm Xá',
      'Nhân Hòa',
      'Phan Đình Phùng',
    ])
    expect(successorsOf('thuong-hong')).toEqual([
      'Bạch Sam',
      'Dương Quang',
      'Hòa Phong',
      'Minh Đức',
    ])
    expect(successorsOf('duong-hao')).toHaveLength(5)
    expect(catalogue.units.find((u) => u.name === 'Minh Đức')?.code).toBe('12127')
    expect(catalogue.units.find((u) => u.name === 'Thượng Hồng')?.code).toBe('12127')
  })
})
