import { describe, expect, it } from 'vitest'
import { isVietnameseWord } from '@shared/text/vietnamese-syllable'

describe('isVietnameseWord', () => {
  it.each([
    'tương',
    'Nghiệp',
    'quốc',
    'khuyến',
    'được',
    'HƯỜNG',
    'Hòa',
    'hoà',
    'giữ',
    'gì',
    'khuya',
    'thuở',
    'xoong',
    'yêu',
    'oai',
    'Ẩm',
    'tỉnh',
    'QĐ',
    'UBND',
    'TNHH',
  ])('takes %j', (word) => {
    expect(isVietnameseWord(word)).toBe(true)
    expect(isVietnameseWord(word.normalize('NFD'))).toBe(true)
  })

  it.each([
    ['two tone marks', 'hoà\u0301'],
    ['a final after a glide', 'taic'],
    ['no vowel', 'str'],
    ['a consonant no word ends in', 'cof'],
    ['letters Vietnamese has not', 'Müller'],
    ['an initial Vietnamese has not', 'José'],
    ['capitals inside the word', 'phÈm'],
    ['a code read as Latin-1', 'H\u00adng'],
    ['a digit', 'Q3'],
    ['an English word', 'street'],
  ])('refuses %s: %j', (_, word) => {
    expect(isVietnameseWord(word)).toBe(false)
  })
})
