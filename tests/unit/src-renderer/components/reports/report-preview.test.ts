// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ReportPreview from '@/components/reports/ReportPreview.vue'
import { createAppI18n } from '@/i18n'
import type { DocTable, OfficialDocument } from '@shared/documents/model'

const productList: DocTable = {
  columns: [
    { key: 'stt', title: 'STT', width: 5, align: 'center' },
    { key: 'product', title: 'Tên sản phẩm', width: 30, align: 'left' },
    {
      key: 'no',
      title: 'Số',
      group: 'Quyết định công nhận',
      width: 14,
      align: 'left',
      noBreak: true,
    },
    { key: 'date', title: 'Ngày', group: 'Quyết định công nhận', width: 12, align: 'center' },
  ],
  rows: [
    { kind: 'group', label: 'I. Sản phẩm 3 sao' },
    ...[1, 2, 3, 4].map((n) => ({
      kind: 'data' as const,
      cells: [n, `=HYPERLINK("x") ${n}`, `${n}056/QĐ-UBND`, '01/06/2020'],
    })),
    { kind: 'total', cells: ['', 'Cộng', 4, null] },
  ],
}

/** The products report of a people's committee as the builder lays it out: summary in the body, list in the annex. */
const report: OfficialDocument = {
  type: 'BC',
  issuer: {
    parent: null,
    name: ['ỦY BAN NHÂN DÂN', 'THỊ XÃ MỸ HÀO'],
    nameInText: 'Ủy ban nhân dân thị xã Mỹ Hào',
    abbreviation: 'UBND',
    place: 'Mỹ Hào',
  },
  number: '5',
  signedOn: '2021-01-05',
  title: {
    type: 'BÁO CÁO',
    subject: 'Sản phẩm OCOP được công nhận còn hiệu lực',
    subtitle: '(Tính đến ngày 31/12/2020)',
  },
  sections: [
    {
      heading: 'I. ĐÁNH GIÁ CHUNG',
      level: 1,
      narrative: 'general',
      paragraphs: [
        'Đến 31/12/2020, toàn thị xã có 4 sản phẩm OCOP còn hiệu lực (4 sản phẩm 3 sao).',
      ],
    },
    {
      table: {
        columns: [
          { key: 'stars', title: 'Hạng sao', width: 12, align: 'left' },
          { key: 'count', title: 'Số sản phẩm', width: 12, align: 'right' },
        ],
        rows: [
          { kind: 'data', cells: ['3 sao', 4] },
          { kind: 'total', cells: ['Cộng', 4] },
        ],
      },
    },
  ],
  notes: ['Hạng sao theo quyết định công nhận gần nhất đến ngày báo cáo.'],
  recipients: {
    addressees: [],
    copies: ['UBND tỉnh Hưng Yên (để báo cáo)', 'Sở Nông nghiệp và PTNT'],
    archive: 'KT',
  },
  signers: [
    { lines: ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH'], name: 'Nguyễn Văn An' },
  ],
  annexes: [
    {
      title: 'DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN CÒN HIỆU LỰC',
      subtitle: '(Tính đến ngày 31/12/2020)',
      landscape: false,
      sections: [{ table: productList }],
    },
  ],
  landscape: false,
  fileName: 'bao-cao-san-pham-ocop-2020-12-31',
  sample: false,
}

const render = (shown: OfficialDocument = report, maxRows?: number) =>
  mount(ReportPreview, {
    props: { model: shown, maxRows },
    global: { plugins: [createAppI18n('vi')] },
  })

const texts = (wrapper: ReturnType<typeof render>, testid: string) =>
  wrapper.findAll(`[data-testid="${testid}"]`).map((node) => node.text())

/** True when `later` comes after `earlier` in the page, as it prints. */
const follows = (earlier: Element, later: Element) =>
  (earlier.compareDocumentPosition(later) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0

describe('the report preview', () => {
  it("prints a people's committee on two bold lines with no parent line above it", () => {
    const wrapper = render()
    expect(texts(wrapper, 'report-issuer')).toEqual(['ỦY BAN NHÂN DÂN', 'THỊ XÃ MỸ HÀO'])
    const issuerCell = wrapper.get('.head td.left')
    expect(issuerCell.text().startsWith('ỦY BAN NHÂN DÂN')).toBe(true)
    expect(wrapper.get('.head').text()).not.toContain('TỈNH')
  })

  it('prints the parent body above a unit under it', () => {
    const wrapper = render({
      ...report,
      issuer: { ...report.issuer, parent: 'UBND THỊ XÃ MỸ HÀO', name: ['PHÒNG KINH TẾ'] },
    })
    const issuerCell = wrapper.get('.head td.left')
    expect(issuerCell.text().indexOf('UBND THỊ XÃ MỸ HÀO')).toBe(0)
    expect(texts(wrapper, 'report-issuer')).toEqual(['PHÒNG KINH TẾ'])
  })

  it('puts "Số:" and the signing date on one row of the header, the date written out in full', () => {
    const wrapper = render()
    const number = wrapper.get('[data-testid="report-number"]')
    const placeDate = wrapper.get('[data-testid="report-place-date"]')
    expect(number.text()).toBe('Số: 05/BC-UBND')
    expect(placeDate.text()).toBe('Mỹ Hào, ngày 05 tháng 01 năm 2021')
    expect(number.element.closest('tr')).toBe(placeDate.element.closest('tr'))
    // The data date stays in the subtitle; the date line is the signing date.
    expect(wrapper.text()).toContain('(Tính đến ngày 31/12/2020)')
  })

  it('prints a letter (công văn) with "V/v …" under its number and no title', () => {
    const wrapper = render({
      ...report,
      type: 'CV',
      title: { type: 'CÔNG VĂN', subject: 'đề nghị đánh giá, phân hạng sản phẩm OCOP' },
      recipients: { addressees: ['UBND tỉnh Hưng Yên'], copies: [], archive: 'KT' },
    })
    expect(wrapper.get('[data-testid="report-number"]').text()).toBe('Số: 05/UBND-KT')
    const subject = wrapper.get('[data-testid="report-letter-subject"]')
    expect(subject.text()).toBe('V/v đề nghị đánh giá, phân hạng sản phẩm OCOP')
    expect(subject.element.closest('td')).toBe(
      wrapper.get('[data-testid="report-number"]').element.closest('td'),
    )
    expect(wrapper.find('.title-type').exists()).toBe(false)
    expect(wrapper.text()).toContain('Kính gửi: UBND tỉnh Hưng Yên.')
  })

  it('leaves blank space for a number written by hand after signing', () => {
    const wrapper = render({ ...report, number: '' })
    expect(wrapper.get('[data-testid="report-number"]').text()).toBe('Số:      /BC-UBND')
  })

  it('prints the narrative, the summary table, the recipients ending with Lưu and the signer block', () => {
    const wrapper = render()
    expect(wrapper.text()).toContain('I. ĐÁNH GIÁ CHUNG')
    expect(wrapper.text()).toContain(
      'Đến 31/12/2020, toàn thị xã có 4 sản phẩm OCOP còn hiệu lực (4 sản phẩm 3 sao).',
    )
    const summary = wrapper.get('[data-testid="report-table-1"]')
    expect(
      summary.findAll('tbody tr').map((tr) => tr.findAll('td').map((td) => td.text())),
    ).toEqual([
      ['3 sao', '4'],
      ['Cộng', '4'],
    ])
    expect(texts(wrapper, 'report-recipient')).toEqual([
      '- UBND tỉnh Hưng Yên (để báo cáo);',
      '- Sở Nông nghiệp và PTNT;',
      '- Lưu: VT, KT.',
    ])
    expect(wrapper.findAll('.foot .authority').map((line) => line.text())).toEqual([
      'TM. ỦY BAN NHÂN DÂN',
      'KT. CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ])
    expect(texts(wrapper, 'report-signer')).toEqual(['Nguyễn Văn An'])
  })

  it('prints "Như trên" first in the recipients when the report has a "Kính gửi"', () => {
    const wrapper = render({
      ...report,
      recipients: { ...report.recipients!, addressees: ['UBND tỉnh Hưng Yên'] },
    })
    expect(wrapper.text()).toContain('Kính gửi: UBND tỉnh Hưng Yên.')
    expect(texts(wrapper, 'report-recipient')[0]).toBe('- Như trên;')
  })

  it('keeps the notes, recipients and signer together in one block, and the annex after it', () => {
    const wrapper = render()
    const closing = wrapper.get('.closing')
    expect(closing.text()).toContain(
      'Hạng sao theo quyết định công nhận gần nhất đến ngày báo cáo.',
    )
    expect(closing.find('[data-testid="report-recipient"]').exists()).toBe(true)
    expect(closing.find('[data-testid="report-signer"]').exists()).toBe(true)

    const label = wrapper.get('[data-testid="report-annex-label"]')
    expect(label.text()).toBe('Phụ lục')
    expect(follows(closing.element, label.element)).toBe(true)
    const head = label.element.parentElement!
    expect(head.textContent).toContain('DANH SÁCH SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN CÒN HIỆU LỰC')
    expect(head.textContent).toContain(
      '(Kèm theo Báo cáo số 05/BC-UBND ngày 05 tháng 01 năm 2021 của Ủy ban nhân dân thị xã Mỹ Hào)',
    )
    const annexTable = wrapper.get('[data-testid="report-annex-table-0"]')
    expect(follows(label.element, annexTable.element)).toBe(true)
    // The list is in the annex only, not in the body.
    expect(wrapper.findAll('table.grid')).toHaveLength(2)
  })

  it('numbers several annexes Phụ lục I, Phụ lục II', () => {
    const [annex] = report.annexes
    const wrapper = render({ ...report, annexes: [annex!, { ...annex!, title: 'DANH SÁCH KHÁC' }] })
    expect(texts(wrapper, 'report-annex-label')).toEqual(['Phụ lục I', 'Phụ lục II'])
  })

  it('prints the annex list with its two-level header, the rows as text and no break in decision numbers', () => {
    const annexTable = render().get('[data-testid="report-annex-table-0"]')
    const heads = annexTable
      .findAll('thead tr')
      .map((tr) => tr.findAll('th').map((th) => th.text()))
    expect(heads).toEqual([
      ['STT', 'Tên sản phẩm', 'Quyết định công nhận'],
      ['Số', 'Ngày'],
    ])
    expect(annexTable.findAll('tr[data-row-kind="data"]')).toHaveLength(4)
    expect(annexTable.text()).toContain('=HYPERLINK("x") 1')
    expect(annexTable.get('td.no-break').text()).toBe('1056/QĐ-UBND')
  })

  it('puts two signers side by side and no "Nơi nhận" on minutes', () => {
    const wrapper = render({
      ...report,
      type: 'BB',
      recipients: null,
      signers: [
        { lines: ['THƯ KÝ'], name: 'Trần Thị B' },
        { lines: ['CHỦ TRÌ'], name: 'Nguyễn Văn An' },
      ],
    })
    expect(wrapper.text()).not.toContain('Nơi nhận:')
    expect(texts(wrapper, 'report-signer')).toEqual(['Trần Thị B', 'Nguyễn Văn An'])
    const [left, right] = wrapper.findAll('[data-testid="report-signer"]')
    expect(left!.element.closest('tr')).toBe(right!.element.closest('tr'))
  })

  it('says DỮ LIỆU MẪU above the header of a sample, and nothing of the kind on a real report', () => {
    expect(render().find('[data-testid="report-sample-mark"]').exists()).toBe(false)

    const sample = render({ ...report, sample: true })

    expect(sample.get('[data-testid="report-sample-mark"]').text()).toBe(
      'DỮ LIỆU MẪU — không phải số liệu thật',
    )
  })

  it('on screen shows the first rows of a long table and says how many more the exports have', () => {
    const annexTable = render(report, 3).get('[data-testid="report-annex-table-0"]')
    // The group row and two products, then the line saying how many more.
    expect(annexTable.findAll('tbody tr')).toHaveLength(4)
    expect(annexTable.get('[data-testid="report-more-rows"]').text()).toBe(
      '… và 3 dòng nữa (có đủ khi xuất Excel hoặc PDF)',
    )
  })
})
