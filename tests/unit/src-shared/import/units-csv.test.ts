import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { AppError } from '@shared/errors'
import { decodeUnitsCsv, parseUnitsCsv, unitInputsOfList } from '@shared/import/units-csv'

const FIXTURE = join(import.meta.dirname, '../../../fixtures/commune/units.csv')

/** The AppError `run` throws; fails the test when it throws nothing or something else. */
function refusal(run: () => unknown): AppError {
  try {
    run()
  } catch (error) {
    expect(error).toBeInstanceOf(AppError)
    return error as AppError
  }
  throw new Error('nothing was refused')
}

describe('parseUnitsCsv', () => {
  it('reads the units list of the check fixtures: kinds, full names and spelling variants', () => {
    const entries = parseUnitsCsv(decodeUnitsCsv(readFileSync(FIXTURE), 'units.csv'), 'units.csv')

    expect(entries).toHaveLength(13)
    expect(entries[2]).toEqual({
      line: 4,
      code: '12118',
      kind: 'phuong',
      name: 'Nhân Hòa',
      fullName: 'Phường Nhân Hòa',
      variant: 'Nhân Hoà',
      validFrom: null,
      validTo: null,
    })
    expect(entries.filter((e) => e.kind === 'xa').map((e) => e.name)).toEqual([
      'Cẩm Xá',
      'Dương Quang',
      'Hòa Phong',
      'Xuân Dục',
      'Ngọc Lâm',
      'Hưng Long',
    ])
  })

  it('takes Vietnamese column names, dd/mm/yyyy dates, and a name written with its kind', () => {
    const text =
      '\uFEFFMã,Loại,Tên,Hiệu lực từ,Hiệu lực đến\n' +
      '12121,Phường,Phường Dị Sử,,30/06/2025\n' +
      ',,Thị trấn Bần Yên Nhân,1999-01-01,\n' +
      ',,,,\n'

    expect(parseUnitsCsv(text, 'don-vi.csv')).toEqual([
      {
        line: 2,
        code: '12121',
        kind: 'phuong',
        name: 'Dị Sử',
        fullName: 'Phường Dị Sử',
        variant: '',
        validFrom: null,
        validTo: '2025-06-30',
      },
      {
        line: 3,
        code: '',
        kind: 'thi-tran',
        name: 'Bần Yên Nhân',
        fullName: 'Thị trấn Bần Yên Nhân',
        variant: '',
        validFrom: '1999-01-01',
        validTo: null,
      },
    ])
  })

  it.each([
    ['no name column', 'code,kind\n12121,Phường\n', 'không có cột name'],
    [
      'a kind it does not know',
      'name,kind\nDị Sử,Phường\nBạch Sam,Ấp\n',
      'dòng 3: không rõ loại đơn vị "Ấp"',
    ],
    [
      'a date that is not one',
      'name,kind,valid_to\nDị Sử,Phường,31/02/2025\n',
      'dòng 2, cột valid_to: "31/02/2025"',
    ],
  ])('refuses %s, naming the file and line', (_, text, words) => {
    const error = refusal(() => parseUnitsCsv(text, 'don-vi.csv'))

    expect(error.message).toContain('Danh sách đơn vị "don-vi.csv"')
    expect(error.message).toContain(words)
  })
})

describe('decodeUnitsCsv', () => {
  it('refuses a list not saved as UTF-8, saying how to save it', () => {
    const windows1258 = Uint8Array.from([0x6e, 0x61, 0x6d, 0x65, 0x0a, 0x44, 0xf2, 0x0a])

    expect(refusal(() => decodeUnitsCsv(windows1258, 'don-vi.csv')).message).toContain('CSV UTF-8')
  })
})

describe('unitInputsOfList', () => {
  const entriesOf = (text: string) => parseUnitsCsv(text, 'don-vi.csv')

  it('gives the units as the unit form would save them', () => {
    expect(
      unitInputsOfList(entriesOf('code,kind,name\n12121,Phường,Dị Sử\n'), 'don-vi.csv'),
    ).toEqual([
      {
        line: 2,
        code: '12121',
        kind: 'phuong',
        name: 'Dị Sử',
        parentName: '',
        validFrom: null,
        validTo: null,
        note: '',
      },
    ])
  })

  it.each([
    ['no unit at all', 'code,kind,name\n,,\n', 'không có đơn vị nào'],
    [
      'a code that is not 3 to 6 digits',
      'code,kind,name\nP01,Phường,Dị Sử\n',
      'dòng 2, cột code: "P01"',
    ],
    [
      'an end before its start',
      'kind,name,valid_from,valid_to\nXã,Cẩm Xá,01/07/2025,30/06/2025\n',
      'dòng 2: ngày hết hiệu lực',
    ],
    [
      'the same unit twice',
      'code,kind,name\n12121,Phường,Dị Sử\n12124,Phường,Bạch Sam\n12121,Phường,Dị  Sử\n',
      'dòng 4: trùng với dòng 2',
    ],
  ])('refuses %s, naming the line', (_, text, words) => {
    expect(refusal(() => unitInputsOfList(entriesOf(text), 'don-vi.csv')).message).toContain(words)
  })
})
