// @vitest-environment happy-dom
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import type { OcopDatabase } from '@/db/database'
import { setDatabase } from '@/db/instance'
import { getPreference, setPreference } from '@/db/settings-repo'
import { usePreference } from '@/composables/use-preference'
import { useFreshDatabases } from '../db/fresh-db'

const freshDatabase = useFreshDatabases('use-preference')
let db: OcopDatabase
beforeEach(async () => {
  db = await freshDatabase()
  setDatabase(db)
})

const TABS = ['list', 'matrix', 'years'] as const
type Tab = (typeof TABS)[number]

/** A screen that opens on the tab chosen last time and edits a remembered option in place. */
const Screen = defineComponent({
  setup() {
    const tab = usePreference<Tab>('test.tab', 'list', (stored) => TABS.find((t) => t === stored))
    const options = usePreference('test.options', { grouping: 'stars', note: { text: '' } })
    return () =>
      h('div', [
        h('output', tab.value),
        ...TABS.map((name) => h('button', { name, onClick: () => (tab.value = name) }, name)),
        h('input', {
          value: options.value.note.text,
          onInput: (event: Event) => {
            options.value.note.text = (event.target as HTMLInputElement).value
          },
        }),
      ])
  },
})

async function open() {
  const wrapper = mount(Screen)
  await flushPromises()
  return wrapper
}
const remembered = (key: string) => getPreference<unknown>(db, key, undefined)

describe('usePreference', () => {
  it('opens on the fallback the first time and on the last choice the next time', async () => {
    const first = await open()
    expect(first.get('output').text()).toBe('list')
    await first.get('button[name="years"]').trigger('click')
    expect(first.get('output').text()).toBe('years')
    await vi.waitFor(async () => expect(await remembered('test.tab')).toBe('years'))
    first.unmount()

    const again = await open()
    expect(again.get('output').text()).toBe('years')
    again.unmount()
  })

  it('ignores a remembered value the screen no longer knows', async () => {
    await setPreference(db, 'test.tab', 'chart-from-an-old-version')
    const wrapper = await open()
    expect(wrapper.get('output').text()).toBe('list')
    wrapper.unmount()
  })

  it('keeps a choice made before the remembered value was read, and remembers it', async () => {
    await setPreference(db, 'test.tab', 'matrix')
    const wrapper = mount(Screen)
    wrapper.get<HTMLButtonElement>('button[name="list"]').element.click()
    await flushPromises()
    expect(wrapper.get('output').text()).toBe('list')
    await vi.waitFor(async () => expect(await remembered('test.tab')).toBe('list'))
    wrapper.unmount()
  })

  it('remembers a change made inside the value', async () => {
    const wrapper = mount(Screen)
    await flushPromises()
    await wrapper.get('input').setValue('Số 12/BC-UBND')
    await vi.waitFor(async () =>
      expect(await remembered('test.options')).toEqual({
        grouping: 'stars',
        note: { text: 'Số 12/BC-UBND' },
      }),
    )
    wrapper.unmount()

    const again = mount(Screen)
    await flushPromises()
    expect(again.get('input').element.value).toBe('Số 12/BC-UBND')
    again.unmount()
  })
})
