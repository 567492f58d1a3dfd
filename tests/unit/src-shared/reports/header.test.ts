import { describe, expect, it } from 'vitest'
import { EMPTY_OFFICE } from '@shared/domain/office'
import { buildReport } from '@shared/reports/build'
import {
  docNumberLine,
  placeDateLine,
  reportFileName,
  reportRecipients,
} from '@shared/reports/header'
import { REPORT_KINDS } from '@shared/reports/model'
import { MY_HAO_OFFICE, PLAN, myHaoData } from './my-hao-fixture'

describe('the Nghị định 30 header', () => {
  it('pads days below 10 and the months 1 and 2 with a 0, and nothing else', () => {
    expect(placeDateLine('Mỹ Hào', '2020-01-05')).toBe('Mỹ Hào, ngày 05 tháng 01 năm 2020')
    expect(placeDateLine('Mỹ Hào', '2020-12-15')).toBe('Mỹ Hào, ngày 15 tháng 12 năm 2020')
    expect(placeDateLine('Mỹ Hào', '2021-02-28')).toBe('Mỹ Hào, ngày 28 tháng 02 năm 2021')
    expect(placeDateLine('Mỹ Hào', '2020-03-09')).toBe('Mỹ Hào, ngày 09 tháng 3 năm 2020')
    expect(placeDateLine('Mỹ Hào', '2020-10-01')).toBe('Mỹ Hào, ngày 01 tháng 10 năm 2020')
  })

  it('leaves the place out when Cài đặt has none, keeping the date', () => {
    expect(placeDateLine('', '2020-01-05')).toBe('ngày 05 tháng 01 năm 2020')
  })

  it('writes "Số:" with the number padded to two digits, or blank space to fill by hand', () => {
    expect(docNumberLine('5', 'UBND')).toBe('Số: 05/BC-UBND')
    expect(docNumberLine('05', 'UBND')).toBe('Số: 05/BC-UBND')
    expect(docNumberLine(' 12 ', 'UBND')).toBe('Số: 12/BC-UBND')
    expect(docNumberLine('125', 'UBND')).toBe('Số: 125/BC-UBND')
    expect(docNumberLine('', 'UBND')).toBe('Số:      /BC-UBND')
    expect(docNumberLine('7', 'UBND', 'KH')).toBe('Số: 07/KH-UBND')
  })

  it('puts the office identity in capitals and the issue date on the place-date line', () => {
    const model = buildReport('units', myHaoData(), {
      date: '2020-12-31',
      issuedOn: '2021-01-05',
      docNumber: '5',
    })
    expect(model.header).toEqual({
      parentBody: 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
      officeName: 'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO',
      docNumber: 'Số: 05/BC-UBND',
      placeDate: 'Mỹ Hào, ngày 05 tháng 01 năm 2021',
    })
    expect(model.signature).toEqual({
      authority: 'TM. ỦY BAN NHÂN DÂN',
      title: 'PHÓ CHỦ TỊCH',
      name: 'Nguyễn Văn A',
    })
  })

  it('dates the header with the report date when no issue date is given', () => {
    const model = buildReport('units', myHaoData(), { date: '2020-12-15', docNumber: '' })
    expect(model.header.placeDate).toBe('Mỹ Hào, ngày 15 tháng 12 năm 2020')
    expect(model.header.docNumber).toBe('Số:      /BC-UBND')
  })

  it('invents nothing when the office identity is empty', () => {
    const model = buildReport('products', myHaoData(EMPTY_OFFICE), {
      date: '2020-12-31',
      docNumber: '5',
    })
    expect(model.header).toEqual({
      parentBody: '',
      officeName: '',
      docNumber: 'Số: 05/BC',
      placeDate: 'ngày 31 tháng 12 năm 2020',
    })
    expect(model.signature).toEqual({ authority: '', title: '', name: '' })
    expect(model.recipients.at(-1)).toBe('- Lưu: VT.')
  })

  it('lists the recipients as "- …;" and ends with "- Lưu: VT, UBND."', () => {
    for (const kind of REPORT_KINDS) {
      const lines = reportRecipients(kind, MY_HAO_OFFICE)
      expect(lines.length).toBeGreaterThan(1)
      expect(lines.slice(0, -1).every((line) => /^- .+;$/.test(line))).toBe(true)
      expect(lines.at(-1)).toBe('- Lưu: VT, UBND.')
    }
    expect(reportRecipients('products', MY_HAO_OFFICE)[0]).toBe('- UBND tỉnh (để báo cáo);')
  })

  it('names every report file in ASCII with the date', () => {
    expect(reportFileName('Danh sách sản phẩm OCOP', '2020-12-31')).toBe(
      'danh-sach-san-pham-ocop-2020-12-31',
    )
    expect(reportFileName('Đường Hào — tổng hợp', '2025-07-01')).toBe(
      'duong-hao-tong-hop-2025-07-01',
    )
    for (const kind of REPORT_KINDS) {
      const model = buildReport(kind, myHaoData(), {
        date: '2020-12-31',
        docNumber: '',
        planId: PLAN.id,
      })
      expect(model.fileName).toMatch(/^[a-z0-9-]+-2020-12-31$/)
      expect(model.kind).toBe(kind)
      expect(model.sample).toBe(false)
    }
  })

  it('marks a report of the practice register as a sample, in the model and its file name', () => {
    for (const kind of REPORT_KINDS) {
      const model = buildReport(kind, myHaoData(), {
        date: '2020-12-31',
        docNumber: '',
        planId: PLAN.id,
        sample: true,
      })
      expect(model.sample).toBe(true)
      expect(model.fileName).toMatch(/^du-lieu-mau-[a-z0-9-]+-2020-12-31$/)
    }
  })
})
