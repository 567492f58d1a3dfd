// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { mount } from '@vue/test-utils'
import { NDatePicker } from 'naive-ui'
import AsOfDateInput from '@/components/AsOfDateInput.vue'

describe('Tính đến ngày', () => {
  afterEach(() => vi.useRealTimers())

  it('shows the date as dd/mm/yyyy, passes a picked day on, and goes back to today when cleared', async () => {
    vi.useFakeTimers({ now: new Date(2026, 11, 3, 10), toFake: ['Date'] })
    const wrapper = mount(AsOfDateInput, {
      props: {
        modelValue: '2020-12-31',
        label: 'Tính đến ngày',
        'onUpdate:modelValue': (value: string) => wrapper.setProps({ modelValue: value }),
      },
    })
    expect(wrapper.get('input').element.value).toBe('31/12/2020')
    expect(wrapper.get('input').attributes('aria-label')).toBe('Tính đến ngày')

    const picker = wrapper.findComponent(NDatePicker)
    picker.vm.$emit('update:formatted-value', '2019-06-30')
    await wrapper.vm.$nextTick()
    expect(wrapper.props('modelValue')).toBe('2019-06-30')

    // A clerk clears the box: a view always needs a date, so it goes back to the register's today.
    picker.vm.$emit('update:formatted-value', null)
    await wrapper.vm.$nextTick()
    expect(wrapper.props('modelValue')).toBe('2026-12-03')
  })
})
