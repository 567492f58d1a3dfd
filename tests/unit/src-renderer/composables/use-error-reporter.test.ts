// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import { defineComponent, h } from 'vue'
import { NNotificationProvider } from 'naive-ui'
import { createMemoryHistory, createRouter } from 'vue-router'
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

const router = createRouter({
  history: createMemoryHistory(),
  routes: [
    { path: '/', component: { render: () => null } },
    { path: '/lich-su-thay-doi', name: 'history', component: { render: () => null } },
  ],
})

/** The notification's text, and where its link goes (if it has one). */
async function reportedWithLink(error: unknown, locale: Locale) {
  const wrapper = mount(NNotificationProvider, {
    slots: { default: () => h(screenReporting(error)) },
    global: { plugins: [createAppI18n(locale), router] },
    attachTo: document.body,
  })
  await wrapper.get('button').trigger('click')
  await flushPromises()
  const text = document.body.textContent ?? ''
  const link = document.body.querySelector('.n-notification a')
  const result = { text, link: link && { text: link.textContent, href: link.getAttribute('href') } }
  wrapper.unmount()
  return result
}

async function reported(error: unknown, locale: Locale): Promise<string> {
  return (await reportedWithLink(error, locale)).text
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('useErrorReporter', () => {
  it('words an error the catalogue knows in the UI language', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const error = new AppError({
      code: 'batch.undo.refused',
      params: { reason: 'already-undone', label: 'Nhập tệp xa-cam-xa.xlsx (trang "DS")' },
    })

    expect(await reported(error, 'vi')).toContain(
      'Không hoàn tác được việc nhập tệp xa-cam-xa.xlsx (trang "DS"): việc này đã được hoàn tác rồi.',
    )
    expect(await reported(error, 'en')).toContain(
      'Cannot undo "Nhập tệp xa-cam-xa.xlsx (trang "DS")": it has been undone already.',
    )
  })

  it('shows the Vietnamese message of an error whose code this catalogue does not have', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const error = AppError.fromData({ code: 'backup.encrypted', message: 'Tệp sao lưu rỗng.' })

    expect(await reported(error, 'en')).toContain('Tệp sao lưu rỗng.')
  })

  it('links an import undo refused by a later edit to that record in Lịch sử thay đổi', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined)
    const error = new AppError({
      code: 'batch.undo.refused',
      params: {
        reason: 'edited-later',
        label: 'Nhập tệp xa-cam-xa.xlsx (trang "DS")',
        record: { table: 'products', name: 'Gà Đông Tảo' },
        later: null,
        historyRecord: { table: 'products', id: 'sp-1' },
      },
    })
    const { text, link } = await reportedWithLink(error, 'vi')
    expect(text).toContain('sản phẩm "Gà Đông Tảo" đã được sửa sau đó.')
    expect(link).toEqual({
      text: 'Xem trong Lịch sử thay đổi',
      href: '/lich-su-thay-doi?table=products&record=sp-1',
    })
  })
})
