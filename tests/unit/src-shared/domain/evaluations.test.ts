import { describe, expect, it } from 'vitest'
import { suggestedKind } from '@shared/domain/evaluations'
import { decided } from './ranking-fixtures'

const draft = (year: number, decisionDate: string | null = null) => ({
  year,
  round: 1,
  evaluatedOn: null,
  decisionDate,
})

describe('the kind an evaluation is suggested', () => {
  const first3Stars = decided('sp', 3, '2019-11-05')

  it('is lần đầu for a product never recognised before', () => {
    expect(suggestedKind(draft(2019), 3, [])).toBe('lan-dau')
    // A council that scored the product without a recognition is no earlier result.
    expect(suggestedKind(draft(2020), 3, [decided('sp', null, null, { year: 2019 })])).toBe(
      'lan-dau',
    )
  })

  it('is nâng hạng when the stars entered are more than the earlier result (3★ → 4★)', () => {
    expect(suggestedKind(draft(2020), 4, [first3Stars])).toBe('nang-hang')
  })

  it('is đánh giá lại for the same stars or fewer, and while no stars are entered yet', () => {
    expect(suggestedKind(draft(2022), 3, [first3Stars])).toBe('danh-gia-lai')
    expect(suggestedKind(draft(2022), 2, [first3Stars])).toBe('danh-gia-lai')
    expect(suggestedKind(draft(2022), null, [first3Stars])).toBe('danh-gia-lai')
  })

  it('compares with the result before it, not a later one entered first', () => {
    const later4Stars = decided('sp', 4, '2021-10-01')
    expect(suggestedKind(draft(2020, '2020-09-15'), 4, [first3Stars, later4Stars])).toBe(
      'nang-hang',
    )
    expect(suggestedKind(draft(2018), 3, [first3Stars, later4Stars])).toBe('lan-dau')
  })
})
