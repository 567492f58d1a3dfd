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
import { openDatabase } from './db/open-database'
import { setDatabase } from './db/instance'
import { useAppStore } from './stores/app'
import { getPreference } from './db/settings-repo'
import { vi } from './i18n/vi'

async function start() {
  const api = useApi()
  const info = await api.appInfo()
  const db = await openDatabase({
    appVersion: info.version,
    writeBackup: (content) => api.writeBackupBeforeUpgrade({ content }),
  })
  setDatabase(db)
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
  document.getElementById('app')?.replaceChildren(box)
})
