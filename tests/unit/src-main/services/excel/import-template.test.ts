import { beforeAll, describe, expect, it } from 'vitest'
import type { JobProgressReport } from '../../../../../src-main/workers/protocol'
import {
  INSTRUCTIONS_SHEET,
  LISTS_SHEET,
  PRODUCTS_SHEET,
  VALIDATED_ROWS,
  writeImportTemplate,
} from '../../../../../src-main/services/excel/import-template'
import {
  shortLegalBasis,
  templateCriteriaSet,
  templateCriteriaSets,
  templateGroupLabels,
  templateGroupNote,
} from '../../../../../src-main/services/excel/template-groups'
import { groupCodesRule } from '../../../../../src-main/services/excel/template-instructions'
import { loadBuiltInCriteriaSets, criteriaSetOn } from '../../../../../src-shared/domain/criteria'
import { todayIso } from '../../../../../src-shared/dates'
import shippedCriteriaSets from '../../../../../resources/catalogues/criteria-sets.json'
import {
  loadWorkbook,
  type DataValidation,
  type Workbook,
  type Worksheet,
} from '../../../../../src-main/services/excel/workbook'

const EXPECTED_HEADERS = [
  'STT',
  'Tên sản phẩm',
  'Chủ thể',
  'Loại hình chủ thể',
  'Xã/phường',
  'Địa chỉ',
  'Nhóm/bộ sản phẩm',
  'Năm đánh giá',
  'Điểm phần A',
  'Điểm phần B',
  'Điểm phần C',
  'Tổng điểm',
  'Hạng sao',
  'Số quyết định',
  'Ngày quyết định (dd/mm/yyyy)',
  'Số giấy chứng nhận',
  'Ghi chú (mới / đánh giá lại / nâng hạng)',
]

let result: { fileName: string; bytes: Uint8Array }
let progress: JobProgressReport[]
let workbook: Workbook
let products: Worksheet

beforeAll(async () => {
  progress = []
  result = await writeImportTemplate((report) => progress.push(report))
  // Read back with the library, as the importer and Excel would see the file.
  workbook = await loadWorkbook(result.bytes)
  products = sheet(PRODUCTS_SHEET)
})

function sheet(name: string): Worksheet {
  const found = workbook.getWorksheet(name)
  if (!found) throw new Error(`sheet ${name} missing`)
  return found
}

function columnOf(header: string): string {
  const index = EXPECTED_HEADERS.indexOf(header)
  if (index < 0) throw new Error(`no column ${header}`)
  return products.getColumn(index + 1).letter
}

function validationAt(address: string): DataValidation | undefined {
  return products.getCell(address).dataValidation
}

/** The values a list validation offers, whether inline or from a range on another sheet. */
function listValues(validation: DataValidation): string[] {
  const formula = String(validation.formulae[0])
  if (formula.startsWith('"')) return formula.slice(1, -1).split(',')
  const match = /^'(.+)'!\$([A-Z]+)\$(\d+):\$([A-Z]+)\$(\d+)$/.exec(formula)
  if (!match) throw new Error(`unexpected list source ${formula}`)
  const [, sheetName, column, first, , last] = match
  const values: string[] = []
  for (let row = Number(first); row <= Number(last); row += 1) {
    values.push(sheet(sheetName!).getCell(`${column}${row}`).text)
  }
  return values
}

describe('writeImportTemplate', () => {
  it('produces an .xlsx named for the commune to fill', () => {
    expect(result.fileName).toBe('mau-nhap-san-pham-ocop.xlsx')
    expect([...result.bytes.subarray(0, 4)]).toEqual([0x50, 0x4b, 0x03, 0x04])
  })

  it('has the list, the instructions and a hidden catalogue sheet, in that order', () => {
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual([
      PRODUCTS_SHEET,
      INSTRUCTIONS_SHEET,
      LISTS_SHEET,
    ])
    expect(sheet(PRODUCTS_SHEET).state).toBe('visible')
    expect(sheet(INSTRUCTIONS_SHEET).state).toBe('visible')
    expect(sheet(LISTS_SHEET).state).toBe('hidden')
  })

  it('has the columns a commune fills, in order, with a frozen header row', () => {
    const headers = EXPECTED_HEADERS.map((_, i) => products.getRow(1).getCell(i + 1).value)
    expect(headers).toEqual(EXPECTED_HEADERS)
    expect(products.getRow(1).getCell(EXPECTED_HEADERS.length + 1).value).toBeNull()
    expect(products.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 })
  })

  it('styles the header and the empty rows in Times New Roman with borders', () => {
    const header = products.getCell('B1')
    expect(header.font).toMatchObject({ name: 'Times New Roman', bold: true })
    expect(header.alignment).toMatchObject({ wrapText: true })
    expect(header.fill).toMatchObject({ type: 'pattern', pattern: 'solid' })
    expect(header.border.bottom?.style).toBe('thin')
    const empty = products.getCell('C5')
    expect(empty.value).toBeNull()
    expect(empty.font?.name).toBe('Times New Roman')
    expect(empty.border.left?.style).toBe('thin')
    expect(products.getColumn(2).width).toBeGreaterThanOrEqual(25)
  })

  it('offers "1 sao" to "5 sao" on every row of the star column, and only those rows', () => {
    const star = columnOf('Hạng sao')
    for (const row of [2, 500, VALIDATED_ROWS + 1]) {
      const validation = validationAt(`${star}${row}`)
      expect(validation).toMatchObject({ type: 'list', errorStyle: 'stop', showErrorMessage: true })
      expect(listValues(validation!)).toEqual(['1 sao', '2 sao', '3 sao', '4 sao', '5 sao'])
    }
    expect(validationAt(`${star}1`)).toBeUndefined()
    expect(validationAt(`${star}${VALIDATED_ROWS + 2}`)).toBeUndefined()
  })

  it('offers the four producer types and the three evaluation kinds', () => {
    const producer = validationAt(`${columnOf('Loại hình chủ thể')}10`)
    expect(listValues(producer!)).toEqual([
      'Hợp tác xã',
      'Doanh nghiệp',
      'Tổ hợp tác',
      'Hộ sản xuất kinh doanh',
    ])
    const note = validationAt(`${columnOf('Ghi chú (mới / đánh giá lại / nâng hạng)')}10`)
    expect(listValues(note!)).toEqual(['Mới', 'Đánh giá lại', 'Nâng hạng'])
  })

  it('takes the long product-group list from the hidden catalogue sheet', () => {
    const validation = validationAt(`${columnOf('Nhóm/bộ sản phẩm')}2`)!
    expect(String(validation.formulae[0])).toMatch(/^'Danh mục'!\$[A-Z]+\$2:\$[A-Z]+\$\d+$/)
    const values = listValues(validation)
    expect(values).toEqual(labelsFromCriteriaSets())
    expect(values).toEqual(templateGroupLabels())
    expect(values).toContain('I - Thực phẩm')
    expect(values).toContain('VI - Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch')
    expect(values).toContain('Lưu niệm - nội thất - trang trí (QĐ 1048)')
    expect(values.join(',').length).toBeGreaterThan(255)
  })

  it('keeps every inline list within Excel’s 255-character limit', () => {
    for (let col = 1; col <= EXPECTED_HEADERS.length; col += 1) {
      const validation = products.getCell(2, col).dataValidation as DataValidation | undefined
      const formula = validation?.type === 'list' ? String(validation.formulae[0]) : ''
      if (formula.startsWith('"')) expect(formula.length - 2).toBeLessThanOrEqual(255)
    }
  })

  it('accepts a total score from 0 to 100 and explains a wrong one in Vietnamese', () => {
    const validation = validationAt(`${columnOf('Tổng điểm')}2`)
    expect(validation).toMatchObject({
      type: 'decimal',
      operator: 'between',
      formulae: [0, 100],
      errorStyle: 'stop',
      showErrorMessage: true,
    })
    expect(validation!.error).toContain('từ 0 đến 100')
    expect(validation!.error!.length).toBeLessThanOrEqual(255)
  })

  it('checks the decision date as a date shown dd/mm/yyyy', () => {
    const column = columnOf('Ngày quyết định (dd/mm/yyyy)')
    const validation = validationAt(`${column}2`)
    expect(validation?.type).toBe('date')
    const [from, to] = validation!.formulae as Date[]
    expect(from!.toISOString().slice(0, 10)).toBe('2010-01-01')
    expect(to!.toISOString().slice(0, 10)).toBe('2100-12-31')
    expect(validation!.error).toContain('ngày/tháng/năm')
    expect(products.getCell(`${column}2`).numFmt).toBe('dd/mm/yyyy')
  })

  it('keeps decision and certificate numbers as text so "05/2020" is not turned into a date', () => {
    expect(products.getCell(`${columnOf('Số quyết định')}3`).numFmt).toBe('@')
    expect(products.getCell(`${columnOf('Số giấy chứng nhận')}3`).numFmt).toBe('@')
  })

  it('writes one Vietnamese rule per row on the instructions sheet', () => {
    const rules: string[] = []
    sheet(INSTRUCTIONS_SHEET).eachRow((row) => {
      const text = row.getCell(2).value
      if (typeof text === 'string' && text !== 'Quy tắc') rules.push(text)
    })
    const all = rules.join('\n')
    expect(rules.length).toBeGreaterThanOrEqual(10)
    expect(all).toContain('Mỗi dòng ghi một sản phẩm')
    expect(all).toContain('Không gộp ô')
    expect(all).toContain('72,5')
    expect(all).toContain('dd/mm/yyyy')
    expect(all).toContain('"1 sao" đến "5 sao"')
    expect(all).toContain('mã làm việc của OCOP Desk')
    expect(rules).toContain(groupCodesRule(templateGroupNote()))
    expect(sheet(INSTRUCTIONS_SHEET).getCell('B4').font?.name).toBe('Times New Roman')
  })

  it('reports progress in order and ends complete', () => {
    expect(progress.length).toBeGreaterThanOrEqual(3)
    for (let i = 1; i < progress.length; i += 1) {
      expect(progress[i]!.done).toBeGreaterThanOrEqual(progress[i - 1]!.done)
    }
    const last = progress.at(-1)!
    expect(last.done).toBe(last.total)
    expect(progress.every((p) => p.stage.length > 0 && p.total === last.total)).toBe(true)
  })
})

/**
 * The dropdown worked out afresh from the shipped criteria sets: the groups of the set in force
 * today (code - name) each with its sub-groups, then the groups of older sets not already listed
 * under the same code and name, as "name (QĐ …)".
 */
function labelsFromCriteriaSets(): string[] {
  const sets = loadBuiltInCriteriaSets(shippedCriteriaSets)
  const current = criteriaSetOn(todayIso(), sets)!
  const labels = current.catalogue.groups.flatMap((g) => [
    `${g.code} - ${g.name}`,
    ...g.subGroups.map((s) => `${s.code} - ${s.name}`),
  ])
  const listed = new Set(current.catalogue.groups.map((g) => `${g.code}|${g.name}`))
  const older = sets
    .filter((s) => s !== current && (s.validFrom ?? '') <= (current.validFrom ?? ''))
    .sort((a, b) => (b.validFrom ?? '').localeCompare(a.validFrom ?? ''))
  for (const set of older) {
    const basis = /QĐ\s*(\d+)/u.exec(set.legalBasis)![1]
    for (const g of set.catalogue.groups) {
      if (listed.has(`${g.code}|${g.name}`)) continue
      listed.add(`${g.code}|${g.name}`)
      labels.push(`${g.name} (QĐ ${basis})`)
    }
  }
  return labels
}

describe('template groups from the criteria sets', () => {
  const sets = templateCriteriaSets()
  const byId = new Map(sets.map((set) => [set.id, set]))

  it('lists the set in force today, with its sub-groups, then QĐ 1048’s sectors once', () => {
    const labels = templateGroupLabels()
    expect(labels).toEqual(labelsFromCriteriaSets())
    expect(labels.slice(0, 3)).toEqual([
      'I - Thực phẩm',
      'I.1 - Thực phẩm tươi sống',
      'I.2 - Thực phẩm thô, sơ chế',
    ])
    expect(labels.filter((label) => label.endsWith(')'))).toEqual([
      'Thực phẩm (QĐ 1048)',
      'Đồ uống (QĐ 1048)',
      'Thảo dược (QĐ 1048)',
      'Vải và may mặc (QĐ 1048)',
      'Lưu niệm - nội thất - trang trí (QĐ 1048)',
      'Dịch vụ du lịch nông thôn, bán hàng (QĐ 1048)',
    ])
    expect(new Set(labels).size).toBe(labels.length)
  })

  it('takes the set in force on the given day', () => {
    expect(templateCriteriaSet(sets, '2021-06-01').id).toBe('qd-1048')
    const in2021 = templateGroupLabels(sets, '2021-06-01')
    expect(in2021[0]).toBe('1048-1 - Thực phẩm')
    expect(in2021).toContain('1048-1.1 - Nông sản tươi sống')
    // The interim provincial sets share QĐ 1048's sectors, so nothing older is added.
    expect(in2021.some((label) => label.includes('(QĐ'))).toBe(false)
    expect(templateGroupLabels(sets, '2024-03-01')).toEqual(templateGroupLabels(sets, '2026-01-01'))
  })

  it('labels older groups with the short legal basis', () => {
    expect(shortLegalBasis(byId.get('qd-1048')!)).toBe('QĐ 1048')
    expect(shortLegalBasis(byId.get('tam-thoi-tinh')!)).toBe('QĐ 490')
  })

  it('takes the note on working codes from the catalogue of the set in force', () => {
    const note = templateGroupNote()
    expect(note).toBe(criteriaSetOn(todayIso(), sets)!.catalogue.note)
    expect(note).toContain('chưa được công bố')
    expect(groupCodesRule(note)).toMatch(/^Về mã .*mã làm việc của OCOP Desk.*cấp trên\.$/u)
    expect(groupCodesRule('')).toBe('')
  })

  it('has six groups in each classification the template names', () => {
    expect(byId.get('qd-148-sd-1489')?.catalogue.groups.map((g) => g.name)).toEqual([
      'Thực phẩm',
      'Đồ uống',
      'Dược liệu và sản phẩm từ dược liệu',
      'Hàng thủ công mỹ nghệ',
      'Sinh vật cảnh',
      'Dịch vụ du lịch cộng đồng, du lịch sinh thái và điểm du lịch',
    ])
    expect(byId.get('qd-1048')?.catalogue.groups.map((g) => g.name)).toEqual([
      'Thực phẩm',
      'Đồ uống',
      'Thảo dược',
      'Vải và may mặc',
      'Lưu niệm - nội thất - trang trí',
      'Dịch vụ du lịch nông thôn, bán hàng',
    ])
  })

  it('keeps every code the template listed before it read the criteria sets', () => {
    const codes = new Set(
      byId
        .get('qd-148-sd-1489')!
        .catalogue.groups.flatMap((g) => g.subGroups)
        .flatMap((s) => [s.code, ...s.productSets.map((p) => p.code)]),
    )
    for (const code of ['I.1 a', 'I.1 b', 'I.2 a', 'I.3']) expect(codes).toContain(code)
  })
})
