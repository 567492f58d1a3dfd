// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { defineComponent, h, nextTick } from 'vue'
import { NDialogProvider } from 'naive-ui'
import UnitFormModal from '@/components/UnitFormModal.vue'
import { createAppI18n } from '@/i18n'

// The form asks before throwing away changes, through the app's dialog provider.
const WithDialogs = defineComponent(
  () => () => h(NDialogProvider, () => h(UnitFormModal, { show: true, unit: null })),
)
let host: ReturnType<typeof mount> | undefined
async function openForm() {
  host = mount(WithDialogs, {
    global: { plugins: [createAppI18n('vi')] },
    attachTo: document.body,
  })
  await flushPromises()
  return host.findComponent(UnitFormModal)
}
const field = (name: string) => document.querySelector<HTMLInputElement>(`input[name="${name}"]`)!
async function type(name: string, value: string) {
  const input = field(name)
  input.value = value
  input.dispatchEvent(new Event('input'))
  await nextTick()
}
const saveButton = () => document.querySelector<HTMLButtonElement>('[data-testid="form-save"]')!

describe('unit form', () => {
  afterEach(() => host?.unmount())

  it('says in Vietnamese what is wrong and does not save', async () => {
    const wrapper = await openForm()
    await type('code', '12A')
    saveButton().click()
    await nextTick()
    expect(document.body.textContent).toContain('Hãy nhập tên đơn vị.')
    expect(document.body.textContent).toContain('Mã đơn vị chỉ gồm 3 đến 6 chữ số.')
    expect(wrapper.emitted('save')).toBeUndefined()
  })

  it('keeps a date that is not in the calendar as typed, says so, and does not save', async () => {
    const wrapper = await openForm()
    await type('name', 'Hòa Phong')
    await type('validFrom', '31/02/2020')
    saveButton().click()
    await nextTick()
    expect(field('validFrom').value).toBe('31/02/2020')
    expect(document.body.textContent).toContain('Không có ngày 31/02/2020 trong lịch.')
    expect(wrapper.emitted('save')).toBeUndefined()
  })

  it('saves with Enter once the fields are right', async () => {
    const wrapper = await openForm()
    await type('name', 'Hòa Phong')
    await type('code', '12115')
    field('code').dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }))
    await nextTick()
    expect(wrapper.emitted('save')?.[0]?.[0]).toMatchObject({
      name: 'Hòa Phong',
      code: '12115',
      kind: 'xa',
    })
  })
})
