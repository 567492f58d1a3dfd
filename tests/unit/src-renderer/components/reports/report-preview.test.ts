// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import ReportPreview from '@/components/reports/ReportPreview.vue'
import { createAppI18n } from '@/i18n'
import type { ReportModel } from '@shared/reports/model'

const model: ReportModel = {
  kind: 'products',
  landscape: true,
  header: {
    parentBody: 'ỦY BAN NHÂN DÂN TỈNH HƯNG YÊN',
    officeName: 'ỦY BAN NHÂN DÂN THỊ XÃ MỸ HÀO',
    docNumber: 'Số:      /BC-UBND',
    placeDate: 'Mỹ Hào, ngày 05 tháng 01 năm 2021',
  },
  titleType: 'DANH SÁCH',
  subject: 'Sản phẩm OCOP',
  subtitle: '(Tính đến ngày 31/12/2020)',
  sections: [
    {
      table: {
        columns: [
          { key: 'stt', title: 'STT', width: 5, align: 'center' },
          { key: 'product', title: 'Tên sản phẩm', width: 30, align: 'left' },
          { key: 'no', title: 'Số', group: 'Quyết định công nhận', width: 12, align: 'left' },
          { key: 'date', title: 'Ngày', group: 'Quyết định công nhận', width: 12, align: 'center' },
        ],
        rows: [
          { kind: 'group', label: 'I. Sản phẩm 3 sao' },
          ...[1, 2, 3, 4].map((n) => ({
            kind: 'data' as const,
            cells: [n, `=HYPERLINK("x") ${n}`, `${n}/QĐ`, '01/06/2020'],
          })),
          { kind: 'total', cells: [4, 'Tổng cộng', null, null] },
        ],
      },
    },
  ],
  notes: [],
  recipients: ['- Lưu: VT, UBND.'],
  signature: { authority: 'TM. ỦY BAN NHÂN DÂN', title: 'PHÓ CHỦ TỊCH', name: 'Nguyễn Văn An' },
  fileName: 'x',
  sample: false,
}

const render = (maxRows?: number, shown: ReportModel = model) =>
  mount(ReportPreview, {
    props: { model: shown, maxRows },
    global: { plugins: [createAppI18n('vi')] },
  })

describe('the report preview', () => {
  it('prints the header block, the two-level table header, the rows as text and the signature', () => {
    const wrapper = render()
    expect(wrapper.get('[data-testid="report-number"]').text()).toBe('Số:      /BC-UBND')
    const heads = wrapper.findAll('thead tr').map((tr) => tr.findAll('th').map((th) => th.text()))
    expect(heads).toEqual([
      ['STT', 'Tên sản phẩm', 'Quyết định công nhận'],
      ['Số', 'Ngày'],
    ])
    expect(wrapper.findAll('tr[data-row-kind="data"]')).toHaveLength(4)
    expect(wrapper.text()).toContain('=HYPERLINK("x") 1')
    expect(wrapper.get('[data-testid="report-signer"]').text()).toBe('Nguyễn Văn An')
  })

  it('says DỮ LIỆU MẪU above the header of a sample, and nothing of the kind on a real report', () => {
    expect(render().find('[data-testid="report-sample-mark"]').exists()).toBe(false)

    const sample = render(undefined, { ...model, sample: true })

    expect(sample.get('[data-testid="report-sample-mark"]').text()).toBe(
      'DỮ LIỆU MẪU — không phải số liệu thật',
    )
  })

  it('on screen shows the first rows of a long table and says how many more the exports have', () => {
    const wrapper = render(3)
    // The group row and two products, then the line saying how many more.
    expect(wrapper.findAll('table.grid tbody tr')).toHaveLength(4)
    expect(wrapper.get('[data-testid="report-more-rows"]').text()).toBe(
      '… và 3 dòng nữa (có đủ khi xuất Excel hoặc PDF)',
    )
  })
})
