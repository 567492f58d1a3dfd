import { describe, expect, it } from 'vitest'
import type { RecordOrigin } from '@shared/db/records'
import {
  ALL_OFFICES,
  effectiveScope,
  inOfficeScope,
  inScope,
  officeScopeFromKey,
  officeScopeKey,
  owningOffices,
  scopeOffices,
  type OfficeScope,
} from '@shared/exchange/office-scope'
import { officeRecord } from './office-fixtures'

const at = '2026-01-01T00:00:00.000Z'
const origin = (office: string, id: string) => ({ office, id, rev: at })
const own: { id: string; origin?: RecordOrigin } = { id: 'ga' }
const fromXuanDuc = { id: 'ba-ba', origin: origin('xuan-duc', 'p7') }
const fromHoaPhong = { id: 'gao-nep', origin: origin('hoa-phong', 'p1') }
const records = [own, fromXuanDuc, fromHoaPhong]

describe('the owning office a view counts', () => {
  it('takes every record, only this office’s, or only one other office’s', () => {
    const ids = (scope: OfficeScope) => inScope(records, scope).map((r) => r.id)
    expect(ids(ALL_OFFICES)).toEqual(['ga', 'ba-ba', 'gao-nep'])
    expect(ids({ kind: 'here' })).toEqual(['ga'])
    expect(ids({ kind: 'office', office: 'xuan-duc' })).toEqual(['ba-ba'])
    expect(ids({ kind: 'office', office: 'nhan-hoa' })).toEqual([])
    expect(inOfficeScope(own, { kind: 'office', office: 'xuan-duc' })).toBe(false)
    // Every record: the list itself, not a copy (10,000 products are not copied for nothing).
    expect(inScope(records, ALL_OFFICES)).toBe(records)
  })

  it('is remembered as one string, and a stored value of another kind is ignored', () => {
    for (const scope of [ALL_OFFICES, { kind: 'here' }, { kind: 'office', office: 'x:1' }] as const)
      expect(officeScopeFromKey(officeScopeKey(scope))).toEqual(scope)
    for (const stored of ['office:', 'tinh', 42, null, { kind: 'here' }])
      expect(officeScopeFromKey(stored)).toBeUndefined()
  })

  it('offers the offices heard of by name, and an owner missing from the table by its id', () => {
    const owners = owningOffices([own, fromXuanDuc], [fromHoaPhong])
    expect([...owners].sort()).toEqual(['hoa-phong', 'xuan-duc'])
    const offered = scopeOffices(
      [officeRecord('xuan-duc', 'UBND xã Xuân Dục'), officeRecord('cam-xa', 'UBND xã Cẩm Xá')],
      owners,
    )
    expect(offered).toEqual([
      { id: 'cam-xa', name: 'UBND xã Cẩm Xá' },
      { id: 'xuan-duc', name: 'UBND xã Xuân Dục' },
      { id: 'hoa-phong', name: 'hoa-phong' },
    ])
  })

  it('applies the choice only while other offices’ records are here and the office is known', () => {
    const offices = [{ id: 'xuan-duc', name: 'UBND xã Xuân Dục' }]
    const xuanDuc: OfficeScope = { kind: 'office', office: 'xuan-duc' }
    expect(effectiveScope(xuanDuc, true, offices)).toEqual(xuanDuc)
    expect(effectiveScope({ kind: 'here' }, true, offices)).toEqual({ kind: 'here' })
    // Nothing to choose from: a remembered choice hides nothing.
    expect(effectiveScope(xuanDuc, false, offices)).toEqual(ALL_OFFICES)
    expect(effectiveScope({ kind: 'here' }, false, offices)).toEqual(ALL_OFFICES)
    expect(effectiveScope({ kind: 'office', office: 'gone' }, true, offices)).toEqual(ALL_OFFICES)
  })
})
