import { describe, expect, it } from 'vitest'
import { numberLine, placeDateLine, recipientLines } from '@shared/documents/lines'
import { EMPTY_OFFICE } from '@shared/domain/office'
import { buildReport } from '@shared/reports/build'
import { asOfLine, defaultCopies, reportFileName } from '@shared/reports/header'
import { REPORT_KINDS } from '@shared/reports/model'
import { PLAN, myHaoData } from './my-hao-fixture'

describe('the Nghị định 30 header of a report', () => {
  it("prints the people's committee on two lines with no parent, and its signer on three", () => {
    const model = buildReport('units', myHaoData(), {
      date: '2020-12-31',
      signedOn: '2021-01-05',
      docNumber: '5',
    })
    expect(model.type).toBe('BC')
    expect(model.issuer).toEqual({
      parent: null,
      name: ['ỦY BAN NHÂN DÂN', 'THỊ XÃ MỸ HÀO'],
      nameInText: 'Ủy ban nhân dân thị xã Mỹ Hào',
      abbreviation: 'UBND',
      place: 'Mỹ Hào',
    })
    expect(numberLine(model.number, model.type, model.issuer.abbreviation)).toBe('Số: 05/BC-UBND')
    expect(placeDateLine(model.issuer.place, model.signedOn ?? '')).toBe(
      'Mỹ Hào, ngày 05 tháng 01 năm 2021',
    )
    expect(model.signers).toEqual([
      { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn A' },
    ])
  })

  it('dates the header with the signing date and the title with the data date', () => {
    const model = buildReport('units', myHaoData(), {
      date: '2020-12-15',
      signedOn: '2021-02-03',
      docNumber: '',
    })
    expect(model.signedOn).toBe('2021-02-03')
    expect(model.title.subtitle).toBe('(Tính đến ngày 15/12/2020)')
    expect(numberLine(model.number, model.type, model.issuer.abbreviation)).toBe(
      'Số:      /BC-UBND',
    )
  })

  it('invents nothing when the office identity is empty', () => {
    const model = buildReport('products', myHaoData(EMPTY_OFFICE), {
      date: '2020-12-31',
      signedOn: '2020-12-31',
      docNumber: '5',
    })
    expect(model.issuer.parent).toBeNull()
    expect(model.issuer.name.join('')).toBe('')
    expect(model.issuer.nameInText).toBe('')
    expect(numberLine(model.number, model.type, model.issuer.abbreviation)).toBe('Số: 05/BC')
    expect(placeDateLine(model.issuer.place, '2020-12-31')).toBe('ngày 31 tháng 12 năm 2020')
    expect(model.signers).toEqual([{ lines: [], name: '' }])
    expect(recipientLines(model.recipients).at(-1)).toBe('- Lưu: VT.')
  })

  it('sends each report to its usual recipients and files it with the drafting unit', () => {
    for (const kind of REPORT_KINDS) {
      const model = buildReport(kind, myHaoData(), {
        date: '2020-12-31',
        signedOn: '2021-01-05',
        docNumber: '',
        planId: PLAN.id,
      })
      expect(model.recipients).toEqual({
        addressees: [],
        copies: defaultCopies(kind),
        archive: 'KT',
      })
      const lines = recipientLines(model.recipients)
      expect(lines.length).toBeGreaterThan(1)
      expect(lines.slice(0, -1).every((line) => /^- .+;$/.test(line))).toBe(true)
      expect(lines.at(-1)).toBe('- Lưu: VT, KT.')
    }
    expect(defaultCopies('products')[0]).toBe('UBND tỉnh (để báo cáo)')
    expect(defaultCopies('certificates')).toContain(
      'UBND các xã, phường (để thông báo cho chủ thể)',
    )
  })

  it('writes the data date as "(Tính đến ngày …)"', () => {
    expect(asOfLine('2020-01-05')).toBe('(Tính đến ngày 05/01/2020)')
  })

  it('names every report file in ASCII with the data date', () => {
    expect(reportFileName('Danh sách sản phẩm OCOP', '2020-12-31')).toBe(
      'danh-sach-san-pham-ocop-2020-12-31',
    )
    expect(reportFileName('Đường Hào — tổng hợp', '2025-07-01')).toBe(
      'duong-hao-tong-hop-2025-07-01',
    )
    const names = REPORT_KINDS.map((kind) => {
      const model = buildReport(kind, myHaoData(), {
        date: '2020-12-31',
        signedOn: '2021-01-05',
        docNumber: '',
        planId: PLAN.id,
      })
      expect(model.fileName).toMatch(/^[a-z0-9-]+-2020-12-31$/)
      expect(model.sample).toBe(false)
      return model.fileName
    })
    expect(new Set(names).size).toBe(REPORT_KINDS.length)
  })

  it('marks a report of the practice register as a sample, in the model and its file name', () => {
    for (const kind of REPORT_KINDS) {
      const model = buildReport(kind, myHaoData(), {
        date: '2020-12-31',
        signedOn: '2021-01-05',
        docNumber: '',
        planId: PLAN.id,
        sample: true,
      })
      expect(model.sample).toBe(true)
      expect(model.fileName).toMatch(/^du-lieu-mau-[a-z0-9-]+-2020-12-31$/)
    }
  })
})
