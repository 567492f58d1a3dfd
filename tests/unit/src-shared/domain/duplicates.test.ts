import { describe, expect, it } from 'vitest'
import { producerDuplicates, productDuplicates } from '@shared/domain/duplicates'
import { producer, product } from './ranking-fixtures'

const tuongBan = { ...product('sp-1', 'nhan-hoa', 'htx-1'), name: 'Tương Bần' }
const gaDongTao = { ...product('sp-2', 'nhan-hoa', 'htx-2'), name: 'Gà Đông Tảo' }

describe('a product like one in the register', () => {
  const find = productDuplicates([tuongBan, gaDongTao])

  it('is the same name of the same producer, whatever the case, spacing or tone placement', () => {
    expect(find({ name: 'tương  bần ', producerId: 'htx-1' })).toBe(tuongBan)
    // Old-style tone placement: "Hoà" and "Hòa" are one name.
    const hoaPhong = { ...product('sp-3', null, 'htx-3'), name: 'Gạo Hòa Phong' }
    expect(productDuplicates([hoaPhong])({ name: 'Gạo Hoà Phong', producerId: 'htx-3' })).toBe(
      hoaPhong,
    )
  })

  it('is not the same name of another producer, nor a name that only differs by its diacritics', () => {
    expect(find({ name: 'Tương Bần', producerId: 'htx-2' })).toBeUndefined()
    expect(find({ name: 'Tuong Ban', producerId: 'htx-1' })).toBeUndefined()
    expect(find({ name: 'Tương Bần', producerId: null })).toBeUndefined()
  })

  it('is not the product being edited itself', () => {
    expect(find({ name: 'Tương Bần', producerId: 'htx-1' }, 'sp-1')).toBeUndefined()
  })
})

describe('a producer like one in the register', () => {
  const htx = {
    ...producer('htx-1', 'HTX Tương Bần'),
    taxCode: '0900123456',
    unitId: 'nhan-hoa',
  }
  const household = { ...producer('ho-1', 'Hộ Nguyễn Văn An'), unitId: 'di-su' }
  const find = producerDuplicates([htx, household])

  it('has the same tax number, however it is spaced, whatever its name and unit', () => {
    expect(find({ name: 'Hợp tác xã Tương Bần', taxCode: '0900 123 456', unitId: null })).toEqual({
      producer: htx,
      by: 'tax-code',
    })
  })

  it('or the same name in the same unit', () => {
    expect(find({ name: 'htx tương bần', taxCode: '', unitId: 'nhan-hoa' })).toEqual({
      producer: htx,
      by: 'name-in-unit',
    })
  })

  it('is not a namesake in another unit, nor itself while edited', () => {
    expect(find({ name: 'Hộ Nguyễn Văn An', taxCode: '', unitId: 'nhan-hoa' })).toBeUndefined()
    expect(
      find({ name: 'HTX Tương Bần', taxCode: '0900123456', unitId: 'nhan-hoa' }, 'htx-1'),
    ).toBeUndefined()
    // An empty tax number is no number: two producers without one are not alike by it.
    expect(find({ name: 'HTX Khác', taxCode: '', unitId: 'di-su' })).toBeUndefined()
  })
})
