import { defineStore } from 'pinia'
import { ref } from 'vue'
import type { AppInfo } from '@shared/ipc/contract'

/** Facts about the running app (version, host, where data lives), read once at start. */
export const useAppStore = defineStore('app', () => {
  const info = ref<AppInfo | null>(null)
  function setInfo(value: AppInfo) {
    info.value = value
  }
  return { info, setInfo }
})
