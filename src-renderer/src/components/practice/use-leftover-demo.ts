import { useI18n } from 'vue-i18n'
import { useDialog, useMessage } from 'naive-ui'
import { isDemoId } from '@shared/domain/demo-my-hao'
import { useDatabase } from '@/db/instance'
import { getPreference, setPreference } from '@/db/settings-repo'
import { useErrorReporter } from '@/composables/use-error-reporter'
import { useAppStore } from '@/stores/app'
import { useRegisterStore } from '@/stores/register'
import { useRoundsStore } from '@/stores/rounds'

const OFFERED = 'practice.leftoverDemoOffered'

/**
 * Older versions loaded the Mỹ Hào demo into the clerk's own register. Now that it lives in the
 * practice register, a real register that still holds demo records is offered, once, to have them
 * removed; keeping them is the clerk's right. Call it once the register is loaded.
 */
export function useLeftoverDemoOffer(): () => Promise<void> {
  const { t } = useI18n()
  const dialog = useDialog()
  const message = useMessage()
  const report = useErrorReporter()
  const app = useAppStore()
  const register = useRegisterStore()
  const rounds = useRoundsStore()

  return async () => {
    if (app.practice || !register.hasDemo) return
    const db = useDatabase()
    if (await getPreference(db, OFFERED, false)) return
    await setPreference(db, OFFERED, true)
    const products = register.products.filter((p) => isDemoId(p.id)).length
    dialog.warning({
      title: t('practice.leftover.title'),
      content: t('practice.leftover.content', { products }),
      positiveText: t('practice.leftover.remove'),
      negativeText: t('practice.leftover.keep'),
      onPositiveClick: async () => {
        try {
          const removed = await register.removeDemo()
          // A restored `ocop demo` file brings its round: the rounds page must not show it still.
          await rounds.load()
          message.success(t('practice.leftover.removed', removed))
        } catch (error) {
          report(error)
        }
      },
    })
  }
}
