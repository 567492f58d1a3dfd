import '@fontsource/be-vietnam-pro/400.css'
import '@fontsource/be-vietnam-pro/500.css'
import '@fontsource/be-vietnam-pro/600.css'
import './assets/base.css'
import { createApp } from 'vue'
import { createPinia } from 'pinia'
import App from './App.vue'
import { createAppRouter } from './router'
import { createAppI18n } from './i18n'
import { useApi } from './platform/api'
import { openDatabase, openPracticeRegister } from './db/open-database'
import { setDatabase } from './db/instance'
import { chooseRegister, chosenRegister } from './db/register-choice'
import { useAppStore } from './stores/app'
import { backupWriteRequest } from './stores/backups'
import { getPreference } from './db/settings-repo'
import { vi } from './i18n/vi'

async function start() {
  const api = useApi()
  const info = await api.appInfo()
  const register = chosenRegister()
  const db =
    register === 'practice'
      ? await openPracticeRegister(info.version)
      : await openDatabase({
          appVersion: info.version,
          writeBackup: (content) => api.writeBackupBeforeUpgrade(backupWriteRequest(content)),
        })
  setDatabase(db, register)
  const app = createApp(App)
  const pinia = createPinia()
  app.use(pinia)
  useAppStore(pinia).setInfo(info)
  app.use(createAppI18n(await getPreference(db, 'locale', 'vi' as const)))
  app.use(createAppRouter())
  app.mount('#app')
}

start().catch((error: unknown) => {
  console.error(error)
  // Shown without Vue: the app could not start, so only plain DOM is safe here.
  const box = document.createElement('div')
  box.className = 'start-failed'
  box.setAttribute('role', 'alert')
  const title = document.createElement('h1')
  title.textContent = vi.app.startFailed
  const detail = document.createElement('p')
  detail.textContent = error instanceof Error ? error.message : String(error)
  box.append(title, detail)
  // A practice register that cannot open must not keep the clerk from the real one.
  if (chosenRegister() === 'practice') {
    const back = document.createElement('button')
    back.textContent = vi.practice.openReal
    back.addEventListener('click', () => {
      chooseRegister('real')
      location.reload()
    })
    box.append(back)
  }
  document.getElementById('app')?.replaceChildren(box)
})
