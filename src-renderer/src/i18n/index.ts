import { createI18n } from 'vue-i18n'
import { vi, type MessageSchema } from './vi'
import { en } from './en'

export const LOCALES = ['vi', 'en'] as const
export type Locale = (typeof LOCALES)[number]

/** The UI catalogue; Vietnamese first, English as the second locale. */
export function createAppI18n(locale: Locale = 'vi') {
  return createI18n<[MessageSchema], Locale>({
    legacy: false,
    locale,
    fallbackLocale: 'vi',
    messages: { vi, en },
  })
}
