import { useI18n } from 'vue-i18n'
import type { AppErrorData } from '@shared/errors'
import { errorText } from '@shared/errors'
import { LOCALES, type Locale, type Message } from '@shared/messages/catalogue'
import { formatMessage } from '@shared/messages/format'

/**
 * Words the catalogue's messages (row and file messages of the import, errors with a known code)
 * in the UI's current language, so the English UI does not show Vietnamese sentences.
 */
export function useMessageText() {
  const { locale } = useI18n()
  const current = (): Locale => LOCALES.find((l) => l === locale.value) ?? 'vi'
  return {
    message: (message: Message): string => formatMessage(message, current()),
    error: (error: AppErrorData): string => errorText(error, current()),
  }
}
