import { describe, expect, it } from 'vitest'
import {
  addresseeLines,
  annexLabel,
  annexReference,
  cellText,
  issuerOf,
  longDate,
  letterSubjectLine,
  numberLine,
  numberLineOf,
  placeDateLine,
  recipientLines,
  romanNumeral,
  signerOf,
} from '@shared/documents/lines'
import type { Annex, OfficialDocument } from '@shared/documents/model'
import { MY_HAO_OFFICE } from '@shared/domain/demo-my-hao-plan'
import { EMPTY_OFFICE } from '@shared/domain/office'

describe('"Số:" line', () => {
  it('pads the number to two digits, or leaves blank space to fill by hand', () => {
    expect(numberLine('5', 'BC', 'UBND')).toBe('Số: 05/BC-UBND')
    expect(numberLine('05', 'BC', 'UBND')).toBe('Số: 05/BC-UBND')
    expect(numberLine(' 12 ', 'BC', 'UBND')).toBe('Số: 12/BC-UBND')
    expect(numberLine('125', 'BC', 'UBND')).toBe('Số: 125/BC-UBND')
    expect(numberLine('', 'BC', 'UBND')).toBe('Số:      /BC-UBND')
    expect(numberLine('7', 'QĐ', 'UBND')).toBe('Số: 07/QĐ-UBND')
    expect(numberLine('7', 'TTr', 'KT')).toBe('Số: 07/TTr-KT')
  })

  it('writes the type alone when the issuer has no abbreviation', () => {
    expect(numberLine('5', 'BC', '')).toBe('Số: 05/BC')
  })
})

describe('place and date line', () => {
  it('pads days below 10 and the months 1 and 2 with a 0, and nothing else', () => {
    expect(placeDateLine('Mỹ Hào', '2020-01-05')).toBe('Mỹ Hào, ngày 05 tháng 01 năm 2020')
    expect(placeDateLine('Mỹ Hào', '2020-12-15')).toBe('Mỹ Hào, ngày 15 tháng 12 năm 2020')
    expect(placeDateLine('Mỹ Hào', '2021-02-28')).toBe('Mỹ Hào, ngày 28 tháng 02 năm 2021')
    expect(placeDateLine('Mỹ Hào', '2020-03-09')).toBe('Mỹ Hào, ngày 09 tháng 3 năm 2020')
    expect(placeDateLine('Mỹ Hào', '2020-10-01')).toBe('Mỹ Hào, ngày 01 tháng 10 năm 2020')
  })

  it('leaves the place out when Cài đặt has none, keeping the date', () => {
    expect(placeDateLine('', '2020-01-05')).toBe('ngày 05 tháng 01 năm 2020')
    expect(placeDateLine('  ', '2020-11-20')).toBe(longDate('2020-11-20'))
  })
})

describe('issuer', () => {
  it("prints a people's committee on two lines with no parent, even when one is set", () => {
    const issuer = issuerOf({ ...MY_HAO_OFFICE, parentBody: 'Ủy ban nhân dân tỉnh Hưng Yên' })
    expect(issuer).toEqual({
      parent: null,
      name: ['ỦY BAN NHÂN DÂN', 'THỊ XÃ MỸ HÀO'],
      nameInText: 'Ủy ban nhân dân thị xã Mỹ Hào',
      abbreviation: 'UBND',
      place: 'Mỹ Hào',
    })
    expect(
      issuerOf({ ...MY_HAO_OFFICE, officeName: 'UBND thị xã Mỹ Hào', parentBody: 'X' }),
    ).toMatchObject({ parent: null, name: ['UBND THỊ XÃ MỸ HÀO'] })
  })

  it('keeps the parent line above a unit under it', () => {
    const issuer = issuerOf({
      ...MY_HAO_OFFICE,
      parentBody: 'UBND thị xã Mỹ Hào',
      officeName: 'Phòng Kinh tế',
      agencyAbbreviation: 'KT',
    })
    expect(issuer).toMatchObject({
      parent: 'UBND THỊ XÃ MỸ HÀO',
      name: ['PHÒNG KINH TẾ'],
      nameInText: 'Phòng Kinh tế',
      abbreviation: 'KT',
    })
    expect(issuerOf({ ...MY_HAO_OFFICE, officeName: 'Phòng Kinh tế' }).parent).toBeNull()
  })
})

describe('signer', () => {
  it('puts the authority, the delegation and the title in capitals, the name as written', () => {
    expect(signerOf(MY_HAO_OFFICE)).toEqual({
      lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'],
      name: 'Nguyễn Văn A',
    })
  })

  it('leaves out the lines Cài đặt has not filled', () => {
    expect(signerOf({ ...MY_HAO_OFFICE, signerDelegation: '', signerTitle: 'Chủ tịch' })).toEqual({
      lines: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH'],
      name: 'Nguyễn Văn A',
    })
    expect(signerOf(EMPTY_OFFICE)).toEqual({ lines: [], name: '' })
  })
})

describe('"Nơi nhận:" and "Kính gửi:"', () => {
  it('lists the copies as "- …;" and ends with "- Lưu: VT, <drafting unit>."', () => {
    expect(
      recipientLines({
        addressees: [],
        copies: ['UBND tỉnh (để báo cáo);', 'Văn phòng Điều phối NTM tỉnh'],
        archive: 'KT',
      }),
    ).toEqual(['- UBND tỉnh (để báo cáo);', '- Văn phòng Điều phối NTM tỉnh;', '- Lưu: VT, KT.'])
  })

  it('starts with "- Như trên;" when the document has addressees', () => {
    expect(
      recipientLines({
        addressees: ['UBND tỉnh Hưng Yên'],
        copies: ['Sở Nông nghiệp và PTNT'],
        archive: 'KT.',
      }),
    ).toEqual(['- Như trên;', '- Sở Nông nghiệp và PTNT;', '- Lưu: VT, KT.'])
  })

  it('does not list again a copy to an addressee: "Như trên" stands for it', () => {
    expect(
      recipientLines({
        addressees: ['UBND tỉnh'],
        copies: ['UBND tỉnh (để báo cáo)', 'Văn phòng Điều phối NTM tỉnh'],
        archive: 'KT',
      }),
    ).toEqual(['- Như trên;', '- Văn phòng Điều phối NTM tỉnh;', '- Lưu: VT, KT.'])
  })

  it('files in VT alone without a drafting unit, and has no lines without recipients', () => {
    expect(recipientLines({ addressees: [], copies: [], archive: ' ' })).toEqual(['- Lưu: VT.'])
    expect(recipientLines(null)).toEqual([])
  })

  it('puts one addressee on the "Kính gửi:" line, several one per line', () => {
    expect(addresseeLines(['UBND tỉnh Hưng Yên'])).toEqual(['Kính gửi: UBND tỉnh Hưng Yên.'])
    expect(addresseeLines(['UBND tỉnh Hưng Yên;', 'Sở Nông nghiệp và PTNT', ' '])).toEqual([
      'Kính gửi:',
      '- UBND tỉnh Hưng Yên;',
      '- Sở Nông nghiệp và PTNT.',
    ])
    expect(addresseeLines([])).toEqual([])
  })
})

const annex: Annex = { title: 'DANH SÁCH', landscape: false, sections: [] }

function documentWith(annexes: Annex[]): OfficialDocument {
  return {
    type: 'BC',
    issuer: issuerOf(MY_HAO_OFFICE),
    number: '5',
    signedOn: '2021-01-05',
    title: { type: 'BÁO CÁO', subject: 'Sản phẩm OCOP' },
    sections: [],
    notes: [],
    recipients: null,
    signers: [],
    annexes,
    landscape: false,
    fileName: 'bao-cao',
    sample: false,
  }
}

describe('annexes', () => {
  it('labels a single annex "Phụ lục", several with Roman numerals', () => {
    expect(annexLabel(documentWith([annex]), 0)).toBe('Phụ lục')
    const three = documentWith([annex, annex, annex])
    expect([0, 1, 2].map((i) => annexLabel(three, i))).toEqual([
      'Phụ lục I',
      'Phụ lục II',
      'Phụ lục III',
    ])
  })

  it('cites the document it goes with: type, number, signing date and issuer', () => {
    expect(annexReference(documentWith([annex]))).toBe(
      '(Kèm theo Báo cáo số 05/BC-UBND ngày 05 tháng 01 năm 2021 của Ủy ban nhân dân thị xã Mỹ Hào)',
    )
    expect(annexReference({ ...documentWith([annex]), number: '', signedOn: null })).toBe(
      '(Kèm theo Báo cáo số      /BC-UBND của Ủy ban nhân dân thị xã Mỹ Hào)',
    )
  })

  it('writes Roman numerals for group rows and annexes', () => {
    expect([1, 4, 9, 14, 40, 1994].map(romanNumeral)).toEqual([
      'I',
      'IV',
      'IX',
      'XIV',
      'XL',
      'MCMXCIV',
    ])
  })
})

describe('cell text', () => {
  it('prints numbers in Vietnamese style and an empty cell as nothing', () => {
    expect(cellText(1234)).toBe('1.234')
    expect(cellText(75.5)).toBe('75,5')
    expect(cellText('3056/QĐ-UBND')).toBe('3056/QĐ-UBND')
    expect(cellText(null)).toBe('')
  })
})

describe('a letter (công văn)', () => {
  const letter = {
    type: 'CV' as const,
    number: '12',
    issuer: {
      parent: null,
      name: ['ỦY BAN NHÂN DÂN', 'THỊ XÃ MỸ HÀO'],
      nameInText: 'Ủy ban nhân dân thị xã Mỹ Hào',
      abbreviation: 'UBND',
      place: 'Mỹ Hào',
    },
    recipients: { addressees: ['Ủy ban nhân dân tỉnh Hưng Yên'], copies: [], archive: 'KT' },
    title: { type: 'CÔNG VĂN', subject: 'đề nghị đánh giá, phân hạng sản phẩm OCOP' },
  }

  it('is numbered with the issuer and the drafting unit, and has its subject under the number', () => {
    expect(numberLineOf(letter)).toBe('Số: 12/UBND-KT')
    expect(numberLineOf({ ...letter, number: '' })).toBe('Số:      /UBND-KT')
    expect(numberLineOf({ ...letter, recipients: null })).toBe('Số: 12/UBND')
    expect(letterSubjectLine(letter)).toBe('V/v đề nghị đánh giá, phân hạng sản phẩm OCOP')
    // Other documents keep their type in the symbol and their title.
    expect(numberLineOf({ ...letter, type: 'TTr' })).toBe('Số: 12/TTr-UBND')
    expect(letterSubjectLine({ ...letter, type: 'TTr' })).toBeNull()
  })
})
