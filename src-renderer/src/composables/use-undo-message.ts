import { h } from 'vue'
import { useI18n } from 'vue-i18n'
import { NButton, useMessage } from 'naive-ui'
import { useErrorReporter } from './use-error-reporter'

/** A success message with a "Hoàn tác" button, for changes that are cheap to undo right after. */
export function useUndoMessage() {
  const message = useMessage()
  const report = useErrorReporter()
  const { t } = useI18n()
  return (text: string, undo: (() => Promise<void>) | undefined) => {
    const handle = message.success(
      () =>
        h('span', [
          text,
          undo &&
            h(
              NButton,
              {
                text: true,
                type: 'primary',
                style: 'margin-left: 12px',
                onClick: () => {
                  handle.destroy()
                  undo()
                    .then(() => message.info(t('app.undone')))
                    .catch(report)
                },
              },
              { default: () => t('app.undo') },
            ),
        ]),
      { duration: 10_000 },
    )
  }
}
