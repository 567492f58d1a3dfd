// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { NNotificationProvider } from 'naive-ui'
import { AppError } from '@shared/errors'
import { useErrorReporter } from '@/composables/use-error-reporter'
import { createAppI18n, type Locale } from '@/i18n'

/** A screen that reports `error` when its button is pressed. */
const screenReporting = (error: unknown) =>
  defineComponent({
    setup() {
      const report = useErrorReporter()
      return () => h('button', { onClick: () => report(error) }, 'go')
    },
  })

async function reported(error: unknown, locale: Locale): Promise<string> {
  const wrapper = mount(NNotificationProvider, {
    slots: { default: () => h(screenReporting(error)) },
    global: { plugins: [createAppI18n(locale)] },
    attachTo: document.body,
  })
  await wrapper.get('button').trigger('click')
  await flushPromises()
  const text = document.body.textContent ?? ''
  wrapper.unmount()
  return text
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('useErrorReporter', () => {
  it('words an error the catalogue knows in the UI language', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const error = new AppError({
      code: 'import.undo.refused',
      params: { reason: 'already-undone' },
    })

    expect(await reported(error, 'vi')).toContain(
      'Không hoàn tác được lần nhập này: lần nhập này đã được hoàn tác rồi.',
    )
    expect(await reported(error, 'en')).toContain(
      'This import cannot be undone: this import has already been undone.',
    )
  })

  it('shows the Vietnamese message of an error whose code this catalogue does not have', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const error = AppError.fromData({ code: 'backup.encrypted', message: 'Tệp sao lưu rỗng.' })

    expect(await reported(error, 'en')).toContain('Tệp sao lưu rỗng.')
  })
})
