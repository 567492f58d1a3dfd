/**
 * Electron's main process: the app's lifecycle, from the single-instance lock to quitting.
 * Everything here is wiring; the rules live in the modules it imports.
 */
import { appendFileSync, mkdirSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { app, dialog, session, shell, type BrowserWindow } from 'electron'
import { createDialogHandlers } from './dialogs'
import { createElectronJobRunner } from './electron-job-runner'
import { registerIpcHandlers } from './ipc/electron-ipc'
import { installApplicationMenu } from './menu'
import { devServerOrigin, registerAppProtocol, registerAppScheme, trustedOrigins } from './protocol'
import { hardenSession, installSecurityRules } from './security'
import { isAllowedExternalUrl } from './services/external-links'
import { createIssuedStore, ISSUED_FOLDER } from './services/issued-store'
import { createServiceHandlers, type ServiceContext } from './services/services'
import { createMainWindow } from './window'

/** Windows groups taskbar buttons and notifications by this id; it matches electron-builder's appId. */
export const APP_USER_MODEL_ID = 'vn.ocopdesk.app'

const FATAL_DIALOG_TITLE = 'OCOP Desk gặp lỗi'
const FATAL_DIALOG_MESSAGE =
  'Đã xảy ra lỗi không mong muốn trong OCOP Desk. Hãy đóng rồi mở lại ứng dụng. Nếu lỗi lặp lại, hãy gửi tệp nhật ký logs\\main.log trong thư mục dữ liệu của ứng dụng cho bộ phận kỹ thuật.'
const RENDERER_GONE_MESSAGE =
  'Cửa sổ OCOP Desk gặp sự cố và sẽ được tải lại. Các thay đổi đã lưu vẫn được giữ nguyên; thao tác đang làm dở có thể cần làm lại.'

// Tests point an unpackaged app at a throw-away data folder. This must happen before the
// single-instance lock and before anything reads userData. A packaged app ignores the variable:
// its data is always the clerk's own (%APPDATA%\OCOP Desk, from productName), and an environment
// variable must not be able to point it at another folder.
if (!app.isPackaged && process.env.OCOP_USER_DATA) {
  app.setPath('userData', resolve(process.env.OCOP_USER_DATA))
}

// Development and tests fail loudly so a bug cannot hide; a clerk gets a dialog instead of a
// vanished window.
const strict = !app.isPackaged || process.env.OCOP_STRICT === '1'
let lastFatalDialogAt = 0

function writeLog(text: string): void {
  try {
    const folder = join(app.getPath('userData'), 'logs')
    mkdirSync(folder, { recursive: true })
    appendFileSync(join(folder, 'main.log'), `${new Date().toISOString()} ${text}\n`, 'utf8')
  } catch {
    // Logging must never become a second failure.
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? (error.stack ?? `${error.name}: ${error.message}`) : String(error)
}

function onFatal(kind: string, error: unknown): void {
  console.error(`\n[main] ${kind}:`, error)
  writeLog(`[${kind}] ${describe(error)}`)
  if (strict) {
    console.error('[main] exiting with code 1 (not packaged, or OCOP_STRICT=1)')
    app.exit(1)
    return
  }
  // One dialog at a time: an error repeating in a loop must not bury the clerk in boxes.
  if (Date.now() - lastFatalDialogAt < 10_000) return
  lastFatalDialogAt = Date.now()
  dialog.showErrorBox(FATAL_DIALOG_TITLE, FATAL_DIALOG_MESSAGE)
}

process.on('uncaughtException', (error) => onFatal('uncaughtException', error))
process.on('unhandledRejection', (reason) => onFatal('unhandledRejection', reason))

if (!app.requestSingleInstanceLock()) {
  // A second copy would open the same IndexedDB and backups folder; the first one is focused
  // through `second-instance` instead.
  app.quit()
} else {
  startApp()
}

function startApp(): void {
  app.setAppUserModelId(APP_USER_MODEL_ID)
  app.enableSandbox()
  registerAppScheme()

  const devOrigin = devServerOrigin(process.env.ELECTRON_RENDERER_URL, app.isPackaged)
  const origins = trustedOrigins(devOrigin)
  installSecurityRules(app, {
    trustedOrigins: origins,
    isAllowedExternalUrl,
    openExternal: (url) => shell.openExternal(url),
  })

  let mainWindow: BrowserWindow | null = null
  const liveWindow = (): BrowserWindow | null =>
    mainWindow && !mainWindow.isDestroyed() ? mainWindow : null
  const jobs = createElectronJobRunner(join(__dirname, 'excel-worker.js'))

  app.on('second-instance', () => {
    const window = liveWindow()
    if (!window) return
    if (window.isMinimized()) window.restore()
    window.show()
    window.focus()
  })

  app.on('render-process-gone', (_event, contents, details) => {
    if (details.reason === 'clean-exit') return
    console.error(`[main] renderer gone: ${details.reason} (exit code ${details.exitCode})`)
    writeLog(`[render-process-gone] ${details.reason} exit ${details.exitCode}`)
    if (strict) {
      app.exit(1)
      return
    }
    dialog.showErrorBox(FATAL_DIALOG_TITLE, RENDERER_GONE_MESSAGE)
    if (!contents.isDestroyed()) contents.reload()
  })

  // A Windows app: closing the window ends the program.
  app.on('window-all-closed', () => app.quit())
  app.on('before-quit', () => {
    jobs.close().catch((error: unknown) => console.error('[main] closing the Excel worker:', error))
  })

  app
    .whenReady()
    .then(() => {
      hardenSession(session.defaultSession, origins)
      registerAppProtocol(join(__dirname, '../renderer'))

      const dataDir = app.getPath('userData')
      const context: ServiceContext = {
        version: app.getVersion(),
        host: 'electron',
        dataDir,
        backupDir: join(dataDir, 'backups'),
        jobs,
        emit: (event, payload) => liveWindow()?.webContents.send(event, payload),
        openExternal: async (url) => {
          // Checked again here: the service should have, but the OS must never get another URL.
          if (!isAllowedExternalUrl(url)) return false
          await shell.openExternal(url)
          return true
        },
      }
      registerIpcHandlers({
        handlers: {
          ...createServiceHandlers(context),
          ...createDialogHandlers(liveWindow, createIssuedStore(join(dataDir, ISSUED_FOLDER))),
        },
        getMainWebContents: () => liveWindow()?.webContents ?? null,
        trustedOrigins: origins,
      })
      installApplicationMenu(liveWindow, app.isPackaged)

      mainWindow = createMainWindow({
        isPackaged: app.isPackaged,
        stateFile: join(dataDir, 'window-state.json'),
        devServerUrl: devOrigin ? (process.env.ELECTRON_RENDERER_URL ?? null) : null,
      })
      mainWindow.on('closed', () => {
        mainWindow = null
      })
    })
    .catch((error: unknown) => onFatal('startup', error))
}
