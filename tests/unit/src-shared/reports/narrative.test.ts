import { describe, expect, it } from 'vitest'
import { reportContext } from '@shared/reports/context'
import { areaOf, generalParagraphs } from '@shared/reports/narrative'
import { myHaoData } from './my-hao-fixture'

describe('the area a report speaks of', () => {
  it('takes the last area word of the office name, the longer where two end together', () => {
    expect(areaOf('Ủy ban nhân dân thị xã Mỹ Hào')).toBe('toàn thị xã')
    expect(areaOf('UBND huyện Văn Lâm')).toBe('toàn huyện')
    expect(areaOf('UBND thành phố Hưng Yên')).toBe('toàn thành phố')
    expect(areaOf('Ủy ban nhân dân xã Cẩm Xá')).toBe('toàn xã')
    expect(areaOf('UBND thị trấn Như Quỳnh')).toBe('toàn thị trấn')
  })

  it('says "toàn địa bàn" when the name names no area', () => {
    expect(areaOf('Ban quản lý dự án')).toBe('toàn địa bàn')
    expect(areaOf('')).toBe('toàn địa bàn')
  })
})

describe('the generated general assessment, Mỹ Hào demo', () => {
  const sentence = (date: string) => generalParagraphs(reportContext(myHaoData(), date))

  it('counts the standing OCOP products by stars, 5★ first', () => {
    expect(sentence('2020-12-31')).toEqual([
      'Đến 31/12/2020, toàn thị xã có 7 sản phẩm OCOP còn hiệu lực, trong đó 1 sản phẩm 5 sao, 1 sản phẩm 4 sao và 5 sản phẩm 3 sao.',
    ])
    // 2018: 4×3★ and 1×4★; no 5★ yet, so that level is not named.
    expect(sentence('2018-12-31')).toEqual([
      'Đến 31/12/2018, toàn thị xã có 5 sản phẩm OCOP còn hiệu lực, trong đó 1 sản phẩm 4 sao và 4 sản phẩm 3 sao.',
    ])
  })

  it('names the one level in brackets when all products share it', () => {
    const data = myHaoData()
    const only3 = {
      ...data,
      evaluations: data.evaluations.filter((e) => e.recognisedStars !== 4),
    }
    expect(generalParagraphs(reportContext(only3, '2018-12-31'))).toEqual([
      'Đến 31/12/2018, toàn thị xã có 4 sản phẩm OCOP còn hiệu lực (4 sản phẩm 3 sao).',
    ])
  })

  it('says so when nothing stands yet', () => {
    expect(sentence('2018-12-19')).toEqual([
      'Đến 19/12/2018, toàn thị xã chưa có sản phẩm OCOP nào còn hiệu lực.',
    ])
  })
})
