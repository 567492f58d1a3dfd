import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '@shared/ipc/contract'
import { isPracticeRegister, useDatabase } from '@/db/instance'
import { deletePracticeRegister } from '@/db/open-database'
import { chooseRegister, type RegisterKind } from '@/db/register-choice'

/**
 * Facts about the running app (version, host, where data lives, which register is open), read
 * once at start, and the switch between the real register and the practice register.
 */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  /** The practice register is open: a register is chosen before the app starts, never during. */
  const practice = isPracticeRegister()

  function setInfo(value: AppInfo) {
    info.value = value
  }
  /**
   * Opens the other register by starting the app again on it: nothing one register read into
   * memory (lists, undo steps, a file being imported) can reach the other.
   */
  function switchRegister(kind: RegisterKind) {
    chooseRegister(kind)
    location.reload()
  }
  /** Throws the practice register away; the app starts again on a new one. */
  async function resetPractice() {
    if (!practice) return
    await deletePracticeRegister(useDatabase())
    location.reload()
  }
  return { info, practice, setInfo, switchRegister, resetPractice }
})
