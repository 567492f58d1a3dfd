import { describe, expect, it } from 'vitest'
import { vi } from '@/i18n/vi'
import { en } from '@/i18n/en'
import { SECTIONS } from '@/router'

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix]
  return Object.entries(value).flatMap(([k, v]) => keys(v, prefix ? `${prefix}.${k}` : k))
}

describe('UI catalogue', () => {
  it('names every section of the sidebar in both languages', () => {
    for (const section of SECTIONS) {
      expect(vi.nav[section.name], section.name).toBeTruthy()
      expect(en.nav[section.name], section.name).toBeTruthy()
    }
  })
  it('has the same keys in English as in Vietnamese, none empty', () => {
    expect(keys(en).sort()).toEqual(keys(vi).sort())
    // Column titles over action buttons are empty on purpose.
    for (const key of keys(vi).filter((k) => !k.endsWith('col.actions')))
      expect(
        key.split('.').reduce<unknown>((at, k) => (at as Record<string, unknown>)[k], vi),
        key,
      ).not.toBe('')
  })
})
