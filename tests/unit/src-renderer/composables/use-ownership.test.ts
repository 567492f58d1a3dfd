// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest'
import { mount } from '@vue/test-utils'
import { createPinia } from 'pinia'
import { defineComponent } from 'vue'
import type { RecordOrigin } from '@shared/db/records'
import { createAppI18n } from '@/i18n'
import { useOwnership } from '@/composables/use-ownership'
import { useRegisterStore } from '@/stores/register'
import { officeRecord } from '../../src-shared/exchange/office-fixtures'

const at = '2026-01-01T00:00:00.000Z'
const xuanDuc = officeRecord('office-xuan-duc', 'UBND xã Xuân Dục')
const own: { id: string; origin?: RecordOrigin } = { id: 'ga' }
const sent = { id: 'ba-ba', origin: { office: xuanDuc.id, id: 'p7', rev: at } }
const sentByUnknown = { id: 'ca', origin: { office: 'office-ngoc-lam', id: 'p3', rev: at } }

/** The composable as a view uses it, in the given language. */
function ownership(locale: 'vi' | 'en' = 'vi') {
  const pinia = createPinia()
  let found: ReturnType<typeof useOwnership> | undefined
  mount(
    defineComponent({
      setup() {
        useRegisterStore().offices = [xuanDuc]
        found = useOwnership()
        return () => null
      },
    }),
    { global: { plugins: [pinia, createAppI18n(locale)] } },
  )
  return found!
}

describe('useOwnership: whose a record is, in the clerk’s words', () => {
  it('names this office and the offices heard of, an unknown one by its id', () => {
    const { ownerName, isForeign } = ownership()
    expect(ownerName(own)).toBe('Đơn vị này')
    expect(ownerName(sent)).toBe('UBND xã Xuân Dục')
    expect(ownerName(sentByUnknown)).toBe('office-ngoc-lam')
    expect([own, sent, sentByUnknown].map(isForeign)).toEqual([false, true, true])
  })

  it('locks what would change another office’s record, saying why; nothing of this office’s', () => {
    const { readOnlyReason, lockOf } = ownership()
    const reason = 'Dữ liệu của UBND xã Xuân Dục — chỉ xem; đơn vị đó sửa và gửi lại'
    expect(readOnlyReason(sent)).toBe(reason)
    expect(lockOf(sent)).toEqual({ disabled: true, title: reason })
    expect(readOnlyReason(own)).toBeNull()
    expect(lockOf(own)).toEqual({})
  })

  it('says it in English too', () => {
    const { ownerName, readOnlyReason } = ownership('en')
    expect(ownerName(own)).toBe('This office')
    expect(readOnlyReason(sent)).toBe(
      'Data of UBND xã Xuân Dục — view only; that office edits it and sends it again',
    )
  })
})
