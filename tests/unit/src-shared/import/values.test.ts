import { describe, expect, it } from 'vitest'
import {
  cellValue,
  cleanText,
  excelSerialToIso,
  parseDate,
  parseProducerType,
  parseScore,
  parseStars,
  parseYear,
} from '@shared/import/values'

const nfd = (s: string) => s.normalize('NFD')
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d))

describe('cleanText (the fixtures text rule)', () => {
  it.each<[unknown, string]>([
    ['  Tương Bần  ', 'Tương Bần'],
    ['Tương\u00a0Bần Hưng Yên', 'Tương Bần Hưng Yên'], // 04 rows 5, 16
    ['\u00a0Gạo nếp', 'Gạo nếp'], // 04 rows 9, 23
    ['HTX Tương\u00a0', 'HTX Tương'],
    ['Xã\u00a0Xuân Dục', 'Xã Xuân Dục'], // 04 row 12
    ['Gạo tám thơm\n(túi 1 kg)', 'Gạo tám thơm (túi 1 kg)'], // 08 record 14
    ['Đánh giá lại năm 2023\r\nGiữ nguyên hạng', 'Đánh giá lại năm 2023 Giữ nguyên hạng'],
    ['a \t\t b', 'a b'],
    [nfd('Phường Nhân Hòa'), 'Phường Nhân Hòa'],
    ['Rượu nếp "cái hoa vàng" Việt Hưng', 'Rượu nếp "cái hoa vàng" Việt Hưng'],
    ['HTX Thuỷ sản Hoà Phong', 'HTX Thuỷ sản Hoà Phong'], // free text keeps its spelling
    [null, ''],
    [undefined, ''],
    ['', ''],
    [23, '23'],
    [utc(2021, 3, 5), '2021-03-05'],
    [{ richText: [{ text: 'Chè ' }, { text: 'xanh' }] }, 'Chè xanh'],
    [{ text: ' Trang web ', hyperlink: 'https://example.vn' }, 'Trang web'],
    [{ formula: 'A1&B1', result: 'Tương  Bần' }, 'Tương Bần'],
    [{ error: '#N/A' }, ''],
  ])('%j → %j', (input, expected) => {
    expect(cleanText(input)).toBe(expected)
  })

  it('is NFC with the same length as precomposed text', () => {
    expect(cleanText(nfd('Hưng Yên'))).toHaveLength('Hưng Yên'.length)
  })

  it('unwraps formula cells to their cached result', () => {
    expect(cellValue({ formula: 'SUM(A1:A2)', result: 72.5 })).toBe(72.5)
    expect(cellValue({ sharedFormula: 'A1', result: 3 })).toBe(3)
  })
})

describe('parseStars', () => {
  it.each<[unknown, number]>([
    [3, 3],
    [3.0, 3],
    [4.0, 4],
    [1, 1],
    [5, 5],
    ['3', 3],
    ['3 sao', 3],
    ['3 sao ', 3],
    ['4 sao', 4],
    ['4 Sao', 4],
    ['3*', 3],
    ['4*', 4],
    ['3 *', 3],
    ['3★', 3],
    ['★★★', 3],
    ['★★★★', 4],
    ['★', 1],
    ['★★★★★', 5],
    ['***', 3],
    ['III', 3],
    ['IV', 4],
    ['iii', 3],
    ['V', 5],
    ['Ba sao', 3],
    ['ba', 3],
    ['BA SAO', 3],
    ['Bốn sao', 4],
    ['Năm sao', 5],
    ['năm', 5],
    ['Một sao', 1],
    ['Hai sao', 2],
    ['Hạng 3 sao', 3],
    ['hạng 4 sao', 4],
    ['Hạng III', 3],
    ['3,0', 3],
    ['3.0', 3],
    [' 5 ', 5],
    [nfd('Bốn sao'), 4],
    [nfd('Hạng 3 sao'), 3],
    [nfd('Năm sao'), 5],
    ['3\u00a0sao', 3],
    [{ formula: 'B2', result: 4 }, 4],
  ])('%j → %d', (input, expected) => {
    expect(parseStars(input)).toEqual({ ok: true, value: expected })
  })

  it.each<[unknown, string]>([
    [7, 'stars.out-of-range'], // 12 row 12
    [0, 'stars.out-of-range'],
    [-1, 'stars.out-of-range'],
    [6, 'stars.out-of-range'],
    ['7', 'stars.out-of-range'],
    ['0 sao', 'stars.out-of-range'],
    ['VI', 'stars.out-of-range'],
    ['Sáu sao', 'stars.out-of-range'],
    ['★★★★★★', 'stars.out-of-range'],
    [3.5, 'stars.unreadable'],
    ['3,5', 'stars.unreadable'],
    ['★★★☆☆', 'stars.unreadable'],
    ['ba bốn', 'stars.unreadable'],
    ['sao', 'stars.unreadable'],
    ['tốt', 'stars.unreadable'],
    [Number.NaN, 'stars.unreadable'],
    [true, 'stars.unreadable'],
    [utc(2020, 1, 3), 'stars.unreadable'],
    ['', 'stars.empty'],
    ['   ', 'stars.empty'],
    [null, 'stars.empty'],
    [undefined, 'stars.empty'],
  ])('%j → %s', (input, code) => {
    expect(parseStars(input)).toEqual({ ok: false, code })
  })

  it.each<[string, number]>([
    ['4 sao (cấp tỉnh)', 4],
    ['5 sao - cấp Quốc gia', 5],
    ['5 sao – cấp Quốc gia', 5],
    ['Đạt 3 sao', 3],
    ['đạt 3 sao', 3],
    ['3 sao (đánh giá lại)', 3],
    ['Hạng 4 sao', 4],
    ['Xếp hạng 4 sao', 4],
    ['4 sao cấp tỉnh', 4],
    ['Sản phẩm đạt 3 sao OCOP năm 2021', 3],
    ['Đạt hạng 4 sao năm 2023', 4],
    ['4 sao (nâng hạng từ 3 sao)', 4],
    ['Đạt ba sao', 3],
    ['★★★★ (cấp tỉnh)', 4],
    ['Đạt 4* cấp tỉnh', 4],
    [nfd('5 sao - cấp Quốc gia'), 5],
    ['4\u00a0sao\u00a0(cấp\u00a0tỉnh)', 4],
  ])('stars among words: %j → %d', (input, expected) => {
    expect(parseStars(input)).toEqual({ ok: true, value: expected })
  })

  it.each<[string, string]>([
    ['3 sao hoặc 4 sao', 'stars.unreadable'],
    ['3 hoặc 4 sao', 'stars.unreadable'],
    ['ba hoặc bốn sao', 'stars.unreadable'],
    ['3 sao hay 4 sao', 'stars.unreadable'],
    ['3-4 sao', 'stars.unreadable'],
    ['3/4 sao', 'stars.unreadable'],
    ['3 sao - 4 sao', 'stars.unreadable'],
    ['Từ 3 lên 4 sao', 'stars.unreadable'],
    ['3,5 sao', 'stars.unreadable'],
    ['★★★☆☆ (cấp tỉnh)', 'stars.unreadable'],
    ['Đạt sao (cấp tỉnh)', 'stars.unreadable'],
    ['Chưa đánh giá (cấp tỉnh)', 'stars.unreadable'],
    ['6 sao - cấp Quốc gia', 'stars.out-of-range'],
    ['Đạt 0 sao', 'stars.out-of-range'],
  ])('stars among words, not one count: %j → %s', (input, code) => {
    expect(parseStars(input)).toEqual({ ok: false, code })
  })
})

describe('parseScore', () => {
  it.each<[unknown, number]>([
    [72.5, 72.5],
    [59, 59],
    [69.9, 69.9],
    [0, 0],
    [100, 100],
    ['72,5', 72.5],
    ['72.5', 72.5],
    ['65.5', 65.5],
    [' 72,50 ', 72.5],
    [' 70,0 ', 70], // 04 row 9
    ['72,5 điểm', 72.5],
    ['72,5 Điểm', 72.5],
    ['72,5đ', 72.5],
    [nfd('72,5 điểm'), 72.5],
    ['100', 100],
    ['0', 0],
    ['85,45', 85.45], // decimals are kept, never rounded
    [85.45, 85.45],
    ['+50', 50],
  ])('%j → %d', (input, expected) => {
    expect(parseScore(input)).toEqual({ ok: true, value: expected })
  })

  it.each<[unknown, string]>([
    [120, 'score.out-of-range'], // 12 row 9
    [100.5, 'score.out-of-range'],
    [-1, 'score.out-of-range'],
    ['-1', 'score.out-of-range'],
    ['100,5', 'score.out-of-range'],
    ['1.234,5', 'score.unreadable'],
    ['72,5,1', 'score.unreadable'],
    ['bảy mươi', 'score.unreadable'],
    ['N/A', 'score.unreadable'],
    [Number.POSITIVE_INFINITY, 'score.unreadable'],
    [Number.NaN, 'score.unreadable'],
    [true, 'score.unreadable'],
    ['', 'score.empty'],
    [' ', 'score.empty'],
    [null, 'score.empty'],
  ])('%j → %s', (input, code) => {
    expect(parseScore(input)).toEqual({ ok: false, code })
  })
})

describe('parseYear', () => {
  it.each<[unknown, number]>([
    [2020, 2020],
    [2020.0, 2020],
    ['2021', 2021],
    [' 2022 ', 2022], // 04 row 9
    ['Năm 2020', 2020],
    ['năm 2023', 2023],
    [nfd('Năm 2020'), 2020],
    ['2020.0', 2020],
    [utc(2021, 1, 1), 2021], // 04 row 10: a date cell shown as yyyy
    [2010, 2010],
    [2100, 2100],
  ])('%j → %d', (input, expected) => {
    expect(parseYear(input)).toEqual({ ok: true, value: expected })
  })

  it.each<[unknown, string]>([
    [1899, 'year.out-of-range'], // 12 row 21
    [2009, 'year.out-of-range'],
    [2101, 'year.out-of-range'],
    ['1899', 'year.out-of-range'],
    [0, 'year.out-of-range'],
    [-1, 'year.out-of-range'],
    [2020.5, 'year.unreadable'],
    ['20/11', 'year.unreadable'],
    ['hai nghìn', 'year.unreadable'],
    ['', 'year.empty'],
    [null, 'year.empty'],
  ])('%j → %s', (input, code) => {
    expect(parseYear(input)).toEqual({ ok: false, code })
  })

  it('takes the programme years when given', () => {
    expect(parseYear(2017, { min: 2018, max: 2030 })).toEqual({
      ok: false,
      code: 'year.out-of-range',
    })
    expect(parseYear('2018', { min: 2018, max: 2030 })).toEqual({ ok: true, value: 2018 })
  })
})

describe('parseDate', () => {
  it.each<[unknown, string]>([
    [utc(2021, 3, 5), '2021-03-05'],
    [utc(2020, 2, 29), '2020-02-29'],
    [new Date(Date.UTC(2020, 11, 31, 23, 59)), '2020-12-31'], // UTC getters, no time zone shift
    [44338, '2021-05-22'], // 04 rows 8, 20: bare serial, General format
    [44338.75, '2021-05-22'], // a time of day does not move the date
    [43976, '2020-05-25'], // 04 row 3, date cell read as its serial
    [45511, '2024-08-07'], // 04 row 5
    [43819, '2019-12-20'], // 04 row 10
    [44562, '2022-01-01'],
    [43831, '2020-01-01'],
    [45658, '2025-01-01'],
    [61, '1900-03-01'],
    [59, '1900-02-28'],
    [1, '1900-01-01'],
    ['25/05/2020', '2020-05-25'],
    [' 25/05/2020 ', '2020-05-25'], // 04 row 15
    ['7/8/2024', '2024-08-07'], // 04 row 11
    ['05-03-2021', '2021-03-05'],
    ['05.03.2021', '2021-03-05'],
    ['2021-03-05', '2021-03-05'],
    ['2021-03-05T00:00:00Z', '2021-03-05'],
    ['ngày 5 tháng 1 năm 2020', '2020-01-05'],
    ['Ngày 05 tháng 01 năm 2020', '2020-01-05'],
    [nfd('ngày 5 tháng 1 năm 2020'), '2020-01-05'],
    ['5 tháng 1 năm 2020', '2020-01-05'],
    [nfd('04/11/2021'), '2021-11-04'], // 06 text dates
    ['29/02/2020', '2020-02-29'],
    [{ formula: 'DATE(2021,3,5)', result: utc(2021, 3, 5) }, '2021-03-05'],
  ])('%j → %s', (input, expected) => {
    expect(parseDate(input)).toEqual({ ok: true, value: expected })
  })

  it.each<[unknown, string]>([
    [60, 'date.invalid'], // Excel's 29/02/1900, a day that never was
    ['31/02/2020', 'date.invalid'],
    ['29/02/2021', 'date.invalid'],
    ['31/04/2021', 'date.invalid'],
    ['00/01/2020', 'date.invalid'],
    ['13/13/2020', 'date.invalid'],
    ['2021-02-30', 'date.invalid'],
    ['ngày 31 tháng 2 năm 2020', 'date.invalid'],
    [0, 'date.unreadable'],
    [-5, 'date.unreadable'],
    [3e7, 'date.unreadable'],
    [Number.NaN, 'date.unreadable'],
    [new Date(Number.NaN), 'date.unreadable'],
    ['05/03/21', 'date.unreadable'],
    ['05/03-2021', 'date.unreadable'],
    ['1234/QĐ-UBND', 'date.unreadable'],
    ['hôm qua', 'date.unreadable'],
    [true, 'date.unreadable'],
    ['', 'date.empty'],
    [null, 'date.empty'],
    [undefined, 'date.empty'],
  ])('%j → %s', (input, code) => {
    expect(parseDate(input)).toEqual({ ok: false, code })
  })

  it('agrees with the 1899-12-30 epoch for every serial after 60', () => {
    for (const serial of [61, 1000, 36526, 44567, 73051]) {
      const expected = new Date(Date.UTC(1899, 11, 30) + serial * 86_400_000)
      expect(excelSerialToIso(serial)).toEqual({
        ok: true,
        value: expected.toISOString().slice(0, 10),
      })
    }
  })
})

describe('parseProducerType', () => {
  it.each<[string, string]>([
    ['Hợp tác xã', 'htx'],
    ['hợp tác xã', 'htx'],
    ['HTX', 'htx'],
    ['htx', 'htx'],
    ['Hop tac xa', 'htx'],
    ['Liên hiệp HTX', 'htx'],
    [nfd('Hợp tác xã'), 'htx'],
    ['DN', 'doanh-nghiep'],
    ['Doanh nghiệp', 'doanh-nghiep'],
    ['DOANH NGHIỆP', 'doanh-nghiep'],
    ['Doanh nghiệp tư nhân', 'doanh-nghiep'],
    ['DNTN', 'doanh-nghiep'],
    ['Công ty', 'doanh-nghiep'],
    ['Công ty TNHH', 'doanh-nghiep'],
    ['Công ty cổ phần', 'doanh-nghiep'],
    ['Cty', 'doanh-nghiep'],
    ['Cty.', 'doanh-nghiep'],
    ['CTCP', 'doanh-nghiep'],
    [nfd('Doanh nghiệp'), 'doanh-nghiep'],
    ['THT', 'to-hop-tac'],
    ['Tổ hợp tác', 'to-hop-tac'],
    ['to hop tac', 'to-hop-tac'],
    [nfd('Tổ hợp tác'), 'to-hop-tac'],
    ['HKD', 'ho-kinh-doanh'],
    ['Hộ KD', 'ho-kinh-doanh'],
    ['hộ kd', 'ho-kinh-doanh'],
    ['Hộ kinh doanh', 'ho-kinh-doanh'],
    ['Hộ kinh doanh cá thể', 'ho-kinh-doanh'],
    ['Hộ sản xuất kinh doanh', 'ho-kinh-doanh'],
    ['Hộ SXKD', 'ho-kinh-doanh'],
    [nfd('Hộ kinh doanh'), 'ho-kinh-doanh'],
    ['\u00a0HTX ', 'htx'],
  ])('%j → %s', (input, expected) => {
    expect(parseProducerType(input)).toEqual({ ok: true, value: expected })
  })

  it.each<[unknown, string]>([
    ['Cá nhân', 'producer-type.unknown'],
    ['Hộ', 'producer-type.unknown'],
    ['Hội', 'producer-type.unknown'],
    ['DNA', 'producer-type.unknown'],
    ['HTXX', 'producer-type.unknown'],
    [3, 'producer-type.unknown'],
    ['', 'producer-type.empty'],
    [null, 'producer-type.empty'],
  ])('%j → %s', (input, code) => {
    expect(parseProducerType(input)).toEqual({ ok: false, code })
  })
})
