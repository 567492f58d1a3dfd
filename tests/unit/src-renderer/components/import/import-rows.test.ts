// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, type PropType } from 'vue'
import type { DataTableColumn } from 'naive-ui'
import type { ImportRow } from '@shared/import/rows'
import ImportRows from '@/components/import/ImportRows.vue'
import { setDatabase } from '@/db/instance'
import { setPreference } from '@/db/settings-repo'
import { useFreshDatabases } from '../../db/fresh-db'
import { createAppI18n, type Locale } from '@/i18n'

// The list remembers its columns in the database: here the clerk has added the full notes.
const freshDatabase = useFreshDatabases('import-rows')
beforeEach(async () => {
  const db = await freshDatabase()
  setDatabase(db)
  await setPreference(db, 'columns.import-rows', { shown: ['messages'], hidden: [] })
})

const row: ImportRow = {
  row: 12,
  status: 'warning',
  fields: {
    product: 'Tương Bần',
    producer: 'HTX Tương Bần',
    producerType: 'htx',
    taxCode: '',
    unit: 'ban',
    unitName: 'Phường Bần Yên Nhân',
    address: '',
    group: 'Thực phẩm',
    score: 72.5,
    partScores: {},
    stars: 3,
    year: 2023,
    decisionNo: '',
    decisionDate: null,
    certificateNo: '',
    note: '',
  },
  messages: [
    {
      level: 'warning',
      code: 'STARS_SCORE_MISMATCH',
      params: { score: 72.5, computed: 4, stars: 3 },
      where: { file: 'ban.xlsx', sheet: 'DS', row: 12, column: 'H', columnLabel: 'Hạng sao' },
    },
  ],
}

// Naive's table draws only the rows in view, and happy-dom has no layout: this stand-in draws
// every cell through the columns' own render functions.
const TableOfCells = defineComponent({
  props: {
    columns: {
      type: Array as PropType<DataTableColumn<Record<string, unknown>>[]>,
      required: true,
    },
    data: { type: Array as PropType<Record<string, unknown>[]>, required: true },
  },
  setup: (props) => () =>
    h(
      'div',
      props.data.map((record, index) =>
        h(
          'div',
          props.columns.map((column) =>
            'render' in column && column.render ? column.render(record, index) : '',
          ),
        ),
      ),
    ),
})

async function shown(locale: Locale): Promise<string> {
  const wrapper = mount(ImportRows, {
    props: {
      rows: [
        {
          ...row,
          match: { row: 12, action: 'update', changes: ['stars', 'note'] },
          unitChoice: null,
        },
      ],
      disabled: false,
      unitOptions: [],
    },
    global: { plugins: [createAppI18n(locale)], stubs: { DataTable: TableOfCells } },
  })
  await flushPromises()
  const text = wrapper.text()
  wrapper.unmount()
  return text
}

describe('import rows', () => {
  it('words the check notes and the changes in Vietnamese', async () => {
    const text = await shown('vi')
    expect(text).toContain('Thay đổi: hạng sao, ghi chú')
    expect(text).toContain(
      'Tệp ban.xlsx, trang "DS", dòng 12, cột H (Hạng sao): điểm 72,5 tương ứng 4 sao nhưng hạng sao ghi 3 sao.',
    )
  })

  it('words them in English when the UI is English', async () => {
    const text = await shown('en')
    expect(text).toContain('Changes: stars, note')
    expect(text).toContain(
      'File ban.xlsx, sheet "DS", row 12, column H (Hạng sao): a score of 72.5 means 4 stars but the rating says 3 stars.',
    )
    expect(text).not.toContain('tương ứng')
  })
})
