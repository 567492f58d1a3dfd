// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { createPinia, setActivePinia } from 'pinia'
import { defineComponent, h } from 'vue'
import { NDialogProvider, NSelect } from 'naive-ui'
import IdentityFormModal from '@/components/settings/IdentityFormModal.vue'
import type { IdentityOffice } from '@/db/identity-repo'
import { createAppI18n } from '@/i18n'
import { useUnitsStore } from '@/stores/units'
import { myHaoUnits } from '../../src-shared/domain/ranking-fixtures'

let host: ReturnType<typeof mount> | undefined
/** The form inside the app's dialog provider (closing a changed form asks through it). */
async function openForm(office: IdentityOffice | null) {
  const props = { show: true, office, suggestedName: 'Ủy ban nhân dân thị xã Mỹ Hào', busy: false }
  host = mount(
    defineComponent(() => () => h(NDialogProvider, () => h(IdentityFormModal, props))),
    { global: { plugins: [createAppI18n('vi')] }, attachTo: document.body },
  )
  await flushPromises()
  return host.findComponent(IdentityFormModal)
}
const saveButton = () => document.querySelector<HTMLButtonElement>('[data-testid="form-save"]')!
async function save() {
  saveButton().click()
  await flushPromises()
  return host!.findComponent(IdentityFormModal).emitted('save')?.[0]?.[0]
}

beforeEach(() => {
  setActivePinia(createPinia())
  useUnitsStore().units = myHaoUnits()
})
afterEach(() => host?.unmount())

describe("the identity's name and area", () => {
  it('start from the office name of Thông tin cơ quan, and take the chosen unit with its official code', async () => {
    const form = await openForm(null)
    expect(document.querySelector<HTMLInputElement>('input[name="name"]')!.value).toBe(
      'Ủy ban nhân dân thị xã Mỹ Hào',
    )
    form.findComponent(NSelect).vm.$emit('update:value', 'thuong-hong')
    expect(await save()).toEqual({
      name: 'Ủy ban nhân dân thị xã Mỹ Hào',
      unitName: 'Thượng Hồng',
      unitCode: '12127',
    })
  })

  it('need a name', async () => {
    await openForm({ name: '', unitName: '', unitCode: '' })
    expect(await save()).toBeUndefined()
    expect(document.body.textContent).toContain('Nhập tên cơ quan')
  })

  it('keep a unit the register no longer lists when only the name is edited', async () => {
    const form = await openForm({ name: 'Phòng Kinh tế', unitName: 'Phường Cũ', unitCode: '99999' })
    expect(form.findComponent(NSelect).text()).toContain('Phường Cũ (mã 99999)')
    const name = document.querySelector<HTMLInputElement>('input[name="name"]')!
    name.value = 'Phòng Kinh tế thị xã Mỹ Hào'
    name.dispatchEvent(new Event('input'))
    expect(await save()).toEqual({
      name: 'Phòng Kinh tế thị xã Mỹ Hào',
      unitName: 'Phường Cũ',
      unitCode: '99999',
    })
  })

  it('leave the area empty for an office above the communes', async () => {
    const form = await openForm({
      name: 'Sở Nông nghiệp',
      unitName: 'Thượng Hồng',
      unitCode: '12127',
    })
    expect(form.findComponent(NSelect).text()).toContain('Thượng Hồng (mã 12127)')
    form.findComponent(NSelect).vm.$emit('update:value', null)
    expect(await save()).toEqual({ name: 'Sở Nông nghiệp', unitName: '', unitCode: '' })
  })
})
