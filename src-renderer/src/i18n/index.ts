import { createI18n } from 'vue-i18n'
import type { Locale } from '@shared/messages/catalogue'
import { vi, type MessageSchema } from './vi'
import { en } from './en'

// The UI's languages are those the message catalogue is written in.
export { LOCALES, type Locale } from '@shared/messages/catalogue'

/** The UI catalogue; Vietnamese first, English as the second locale. */
export function createAppI18n(locale: Locale = 'vi') {
  return createI18n<[MessageSchema], Locale>({
    legacy: false,
    locale,
    fallbackLocale: 'vi',
    messages: { vi, en },
  })
}
