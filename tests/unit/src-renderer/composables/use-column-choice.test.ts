// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h, ref } from 'vue'
import type { Window as HappyWindow } from 'happy-dom'
import type { OcopDatabase } from '@/db/database'
import { setDatabase } from '@/db/instance'
import { getPreference, setPreference } from '@/db/settings-repo'
import {
  columnsWidth,
  useColumnChoice,
  type ChoosableColumn,
} from '@/composables/use-column-choice'
import { useFreshDatabases } from '../db/fresh-db'

/** Resizes the test's window, as a clerk resizes the app's. */
function resizeWindow(width: number, height: number) {
  ;(window as unknown as HappyWindow).happyDOM.setViewport({ width, height })
}

const freshDatabase = useFreshDatabases('use-column-choice')
let db: OcopDatabase
beforeEach(async () => {
  db = await freshDatabase()
  setDatabase(db)
  resizeWindow(1366, 690)
})

const PRODUCER_COLUMNS: ChoosableColumn[] = [
  { key: 'name', title: 'Tên chủ thể', minWidth: 200 },
  { key: 'type', title: 'Loại hình', width: 130 },
  { key: 'taxCode', title: 'Mã số thuế', width: 130 },
  { key: 'representative', title: 'Người đại diện', width: 150 },
  { key: 'phone', title: 'Điện thoại', width: 110 },
  { key: 'actions', title: '', width: 190 },
]

/** A list whose columns can grow (a later version adds one): what it shows, and its chooser. */
function openList(columns = ref(PRODUCER_COLUMNS)) {
  let choice!: ReturnType<typeof useColumnChoice>
  const List = defineComponent({
    setup() {
      choice = useColumnChoice('producers', columns, {
        always: ['name', 'actions'],
        hidden: ['representative'],
        narrow: ['taxCode'],
      })
      return () => h('div')
    },
  })
  const wrapper = mount(List)
  const shown = () => choice.columns.value.map((column) => column.key)
  return { wrapper, choice, shown }
}

const remembered = () => getPreference<unknown>(db, 'columns.producers', undefined)

describe('useColumnChoice', () => {
  it('shows the default set and needs only the width of what it shows', async () => {
    const { choice, shown, wrapper } = openList()
    await flushPromises()
    expect(shown()).toEqual(['name', 'type', 'phone', 'actions'])
    expect(choice.width.value).toBe(200 + 130 + 110 + 190)
    expect(choice.chooser.changed.value).toBe(false)
    wrapper.unmount()
  })

  it('shows the columns for a wide window there, and as the clerk widens the window', async () => {
    const narrow = openList()
    await flushPromises()
    resizeWindow(1536, 864)
    await vi.waitFor(() =>
      expect(narrow.shown()).toEqual(['name', 'type', 'taxCode', 'phone', 'actions']),
    )
    narrow.wrapper.unmount()

    const wide = openList()
    await flushPromises()
    expect(wide.shown()).toEqual(['name', 'type', 'taxCode', 'phone', 'actions'])
    // The clerk's tick holds at any width, where it was the default too.
    wide.choice.chooser.show('taxCode', true)
    resizeWindow(1366, 690)
    await flushPromises()
    expect(wide.shown()).toEqual(['name', 'type', 'taxCode', 'phone', 'actions'])
    wide.wrapper.unmount()
  })

  it('offers every named column, the ones always shown greyed out, the buttons not at all', () => {
    const { choice, wrapper } = openList()
    expect(choice.chooser.options.value).toEqual([
      { key: 'name', title: 'Tên chủ thể', shown: true, locked: true },
      { key: 'type', title: 'Loại hình', shown: true, locked: false },
      { key: 'taxCode', title: 'Mã số thuế', shown: false, locked: false },
      { key: 'representative', title: 'Người đại diện', shown: false, locked: false },
      { key: 'phone', title: 'Điện thoại', shown: true, locked: false },
    ])
    wrapper.unmount()
  })

  it('remembers the columns the clerk added and hid for the next time the list opens', async () => {
    const first = openList()
    await flushPromises()
    first.choice.chooser.show('representative', true)
    first.choice.chooser.show('type', false)
    first.choice.chooser.show('name', false)
    expect(first.shown()).toEqual(['name', 'representative', 'phone', 'actions'])
    await vi.waitFor(async () =>
      expect(await remembered()).toEqual({ shown: ['representative'], hidden: ['type'] }),
    )
    first.wrapper.unmount()

    const again = openList()
    await flushPromises()
    expect(again.shown()).toEqual(['name', 'representative', 'phone', 'actions'])
    expect(again.choice.chooser.changed.value).toBe(true)
    again.choice.chooser.reset()
    expect(again.shown()).toEqual(['name', 'type', 'phone', 'actions'])
    await vi.waitFor(async () => expect(await remembered()).toEqual({ shown: [], hidden: [] }))
    again.wrapper.unmount()
  })

  it('shows a column added in a later version by default, keeping the clerk’s changes', async () => {
    await setPreference(db, 'columns.producers', { shown: [], hidden: ['phone'] })
    const columns = ref([...PRODUCER_COLUMNS, { key: 'products', title: 'Số sản phẩm', width: 90 }])
    const { shown, wrapper } = openList(columns)
    await flushPromises()
    expect(shown()).toEqual(['name', 'type', 'actions', 'products'])
    wrapper.unmount()
  })

  it('ignores a remembered choice it cannot read', async () => {
    await setPreference(db, 'columns.producers', { shown: 'phone' })
    const { shown, wrapper } = openList()
    await flushPromises()
    expect(shown()).toEqual(['name', 'type', 'phone', 'actions'])
    wrapper.unmount()
  })
})

describe('columnsWidth', () => {
  it('adds a fixed column’s width and a growing column’s least width', () => {
    expect(
      columnsWidth([{ key: 'a', width: 100 }, { key: 'b', minWidth: 150 }, { key: 'c' }]),
    ).toBe(250)
  })
})
