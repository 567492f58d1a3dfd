import { h } from 'vue'
import { RouterLink } from 'vue-router'
import { useNotification } from 'naive-ui'
import { useI18n } from 'vue-i18n'
import { toAppErrorData } from '@shared/errors'
import { historyOfRecord, historyRecordOf } from './history-location'
import { useMessageText } from './use-message-text'

/**
 * Shows any failure to the clerk as a notification in the UI's language (an error whose code the
 * catalogue knows is worded from its params), with a link to Lịch sử thay đổi when the error names
 * a record there; the technical cause goes to the log.
 */
export function useErrorReporter() {
  const notification = useNotification()
  const { t } = useI18n()
  const text = useMessageText()
  return (error: unknown, title: string = t('errors.title')) => {
    const data = toAppErrorData(error)
    console.error(title, data.code, data.cause ?? '', error)
    // An error caused by a later change (an import undo refused) links to that change's history.
    const record = historyRecordOf(data.params)
    const shown = notification.error({
      title,
      content: text.error(data),
      duration: 0,
      keepAliveOnHover: true,
      action:
        record === null
          ? undefined
          : () =>
              h(
                RouterLink,
                { to: historyOfRecord(record), onClick: () => shown.destroy() },
                { default: () => t('history.openRecordHistory') },
              ),
    })
  }
}
