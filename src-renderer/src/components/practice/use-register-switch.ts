import { isNavigationFailure, NavigationFailureType, useRouter } from 'vue-router'
import type { RegisterKind } from '@/db/register-choice'
import { useAppStore } from '@/stores/app'

/**
 * Opens the real or the practice register, landing on Tổng quan. The page is left first: a form
 * with unsaved typing asks the clerk through the router, which a restart would not give it.
 */
export function useRegisterSwitch(): (kind: RegisterKind) => Promise<void> {
  const router = useRouter()
  const app = useAppStore()
  return async (kind) => {
    const failure = await router.push({ name: 'overview' })
    if (failure && !isNavigationFailure(failure, NavigationFailureType.duplicated)) return
    app.switchRegister(kind)
  }
}
