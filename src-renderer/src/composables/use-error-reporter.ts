import { useNotification } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import { toAppErrorData } from '@shared/errors'
import { useMessageText } from './use-message-text'

/**
 * Shows any failure to the clerk as a notification in the UI's language (an error whose code the
 * catalogue knows is worded from its params); the technical cause goes to the log.
 */
export function useErrorReporter() {
  const notification = useNotification()
  const { t } = useI18n()
  const text = useMessageText()
  return (error: unknown, title: string = t('errors.title')) => {
    const data = toAppErrorData(error)
    console.error(title, data.code, data.cause ?? '', error)
    notification.error({ title, content: text.error(data), duration: 0, keepAliveOnHover: true })
  }
}
