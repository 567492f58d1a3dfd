import { useDialog } from 'naive-ui'
import { useI18n } from 'vue-i18n'

/**
 * Asks "Bỏ các thay đổi chưa lưu?" before a form with changes is closed; true when the clerk
 * confirms. Keeping the work is the answer of every other way out: Esc, ×, "Tiếp tục sửa".
 */
export function useDiscardConfirm() {
  const dialog = useDialog()
  const { t } = useI18n()
  return () =>
    new Promise<boolean>((resolve) => {
      dialog.warning({
        title: t('forms.discard.title'),
        content: t('forms.discard.content'),
        positiveText: t('forms.discard.confirm'),
        negativeText: t('forms.discard.keep'),
        onPositiveClick: () => resolve(true),
        onAfterLeave: () => resolve(false),
      })
    })
}
