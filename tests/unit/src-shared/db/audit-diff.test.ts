import { describe, expect, it } from 'vitest'
import { changedFields } from '@shared/db/audit-diff'

const product = {
  id: 'sp-1',
  name: 'Tương Bần',
  producerId: 'cs-1',
  description: '',
  createdAt: '2024-01-01T00:00:00.000Z',
  updatedAt: '2024-01-01T00:00:00.000Z',
}

describe('the fields a change made different', () => {
  it('lists only what an edit changed, not its time stamp', () => {
    const edited = { ...product, name: 'Tương Bần Mỹ Hào', updatedAt: '2024-02-01T00:00:00.000Z' }
    expect(changedFields(product, edited)).toEqual([
      { field: 'name', before: 'Tương Bần', after: 'Tương Bần Mỹ Hào' },
    ])
  })

  it('lists every field an add wrote and a delete removed', () => {
    const written = [
      { field: 'name', before: undefined, after: 'Tương Bần' },
      { field: 'producerId', before: undefined, after: 'cs-1' },
      { field: 'description', before: undefined, after: '' },
    ]
    expect(changedFields(null, product)).toEqual(written)
    expect(changedFields(product, null)).toEqual(
      written.map(({ field, after }) => ({ field, before: after, after: undefined })),
    )
  })

  it('compares nested values by content', () => {
    const scored = { partScores: { A: 25, B: 20 } }
    expect(changedFields(scored, { partScores: { B: 20, A: 25 } })).toEqual([])
    expect(changedFields(scored, { partScores: { A: 30, B: 20 } })).toHaveLength(1)
  })
})
