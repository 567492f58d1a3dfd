import { describe, expect, it } from 'vitest'
import {
  canonicalName,
  matchesSearch,
  normalizeText,
  searchKey,
  viCollator,
} from '@shared/text/vietnamese'

const nfd = (s: string) => s.normalize('NFD')

describe('Vietnamese text', () => {
  it('stores NFC with single spaces, whatever the keyboard typed', () => {
    expect(normalizeText(`  ${nfd('Nhân Hòa')}   xã \t`)).toBe('Nhân Hòa xã')
    expect(normalizeText(nfd('Hưng Yên'))).toHaveLength('Hưng Yên'.length)
  })

  it('treats old and new tone placement as the same name', () => {
    expect(canonicalName('Hoà Phong')).toBe(canonicalName('Hòa Phong'))
    expect(canonicalName('Nhân Hoà')).toBe(canonicalName(nfd('Nhân Hòa')))
    expect(canonicalName('Thuỷ')).toBe(canonicalName('Thủy'))
    expect(canonicalName('khoẻ')).toBe(canonicalName('khỏe'))
    // A mark on a vowel followed by a consonant is not moved: "Hoàng" stays distinct from "Hòang".
    expect(canonicalName('Hoàng')).not.toBe(canonicalName('Hòang'))
  })

  it('finds names typed without diacritics, in any case', () => {
    expect(searchKey('Đường Hào')).toBe('duong hao')
    expect(matchesSearch('Hòa Phong', 'hoa phong')).toBe(true)
    expect(matchesSearch('Hoà Phong', 'HOA')).toBe(true)
    expect(matchesSearch(nfd('Phùng Chí Kiên'), 'kien phung')).toBe(true)
    expect(matchesSearch('Dị Sử', 'di su x')).toBe(false)
    expect(matchesSearch('Dị Sử', '  ')).toBe(true)
  })

  it('sorts the Vietnamese way (đ after d, ư after u)', () => {
    const names = ['Đường Hào', 'Dương Quang', 'Ứng Hòe', 'Uy Nỗ', 'Bạch Sam']
    expect([...names].sort(viCollator.compare)).toEqual([
      'Bạch Sam',
      'Dương Quang',
      'Đường Hào',
      'Uy Nỗ',
      'Ứng Hòe',
    ])
  })
})
