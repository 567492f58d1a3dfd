// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount, flushPromises } from '@vue/test-utils'
import { nextTick } from 'vue'
import UnitFormModal from '@/components/UnitFormModal.vue'
import { createAppI18n } from '@/i18n'

async function openForm() {
  const wrapper = mount(UnitFormModal, {
    props: { show: true, unit: null },
    global: { plugins: [createAppI18n('vi')] },
    attachTo: document.body,
  })
  await flushPromises()
  return wrapper
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
  it('says in Vietnamese what is wrong and does not save', async () => {
    const wrapper = await openForm()
    await type('code', '12A')
    saveButton().click()
    await nextTick()
    expect(document.body.textContent).toContain('Hãy nhập tên đơn vị.')
    expect(document.body.textContent).toContain('Mã đơn vị chỉ gồm 3 đến 6 chữ số.')
    expect(wrapper.emitted('save')).toBeUndefined()
    wrapper.unmount()
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
    wrapper.unmount()
  })
})
