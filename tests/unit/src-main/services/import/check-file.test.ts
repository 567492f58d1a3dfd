import { describe, expect, it } from 'vitest'
import { checkFile } from '../../../../../src-main/services/import/check-file'
import { mappingSourceKey } from '../../../../../src-shared/import/check-result'
import { OWN_FIXTURES, fixtureBytes } from './fixture-sets'

// Column B of its data sheet, "Mã nội bộ" (hidden), maps to no field by itself.
const FILE = '07_sheets_totals.xlsx'
const bytes = () => fixtureBytes(OWN_FIXTURES.commune, FILE)

describe('checkFile with remembered mappings', () => {
  it('maps a file by the corrections remembered for its header layout, in one read', async () => {
    const first = await checkFile(bytes(), FILE, { units: [] })
    expect(first.remembered).toBe(false)
    expect(first.mapping.some((m) => m.index === 1)).toBe(false)
    const remembered = { [mappingSourceKey(first.header!)]: { 1: 'note' as const } }

    const again = await checkFile(bytes(), FILE, { units: [], remembered })
    expect(again.remembered).toBe(true)
    expect(again.override).toEqual({ 1: 'note' })
    expect(again.mapping.find((m) => m.index === 1)?.field).toBe('note')
    expect(again.rows[0]?.fields.note).toMatch(/^MH-/u)
  })

  it('uses the corrections asked for over remembered ones, and ignores another layout', async () => {
    const asked = await checkFile(bytes(), FILE, {
      units: [],
      mapping: { 1: 'certificateNo' },
      remembered: { other: { 1: 'note' } },
    })
    expect(asked.remembered).toBe(false)
    expect(asked.mapping.find((m) => m.index === 1)?.field).toBe('certificateNo')
  })
})
