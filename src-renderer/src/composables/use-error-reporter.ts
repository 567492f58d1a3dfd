import { useNotification } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import { AppError, toAppErrorData } from '@shared/errors'

/** Shows any failure to the clerk as a Vietnamese notification; the technical cause goes to the log. */
export function useErrorReporter() {
  const notification = useNotification()
  const { t } = useI18n()
  return (error: unknown, title: string = t('errors.title')) => {
    const data = error instanceof AppError ? error.toData() : toAppErrorData(error)
    console.error(title, data.code, data.cause ?? '', error)
    notification.error({ title, content: data.message, duration: 0, keepAliveOnHover: true })
  }
}
