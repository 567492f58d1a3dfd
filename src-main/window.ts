/**
 * The one application window. Its web preferences are the renderer's sandbox: the page gets
 * `window.api` from the preload and nothing else from Node or Electron.
 */
import { join } from 'node:path'
import { BrowserWindow, screen, type WebPreferences } from 'electron'
import { APP_ORIGIN } from './protocol'
import { MIN_WINDOW_SIZE, loadWindowState, placeWindow, trackWindowState } from './window-state'

export const WINDOW_TITLE = 'OCOP Desk'
/** Matches the renderer's page background, so no white flash shows before the first paint. */
export const WINDOW_BACKGROUND = '#f5f7fa'

/** The security-relevant preferences; every one is set explicitly so a default can never drift. */
export function secureWebPreferences(preloadPath: string, isPackaged: boolean): WebPreferences {
  return {
    // DevTools read and change the page's data and call every IPC channel: never in a shipped
    // build, whatever menu, shortcut or code asks for them.
    devTools: !isPackaged,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    spellcheck: false,
    preload: preloadPath,
  }
}

export interface MainWindowOptions {
  /** userData/window-state.json */
  stateFile: string
  /** The Vite dev server's page in development, or null to load the packaged renderer. */
  devServerUrl: string | null
  /** Defaults to the bundled preload next to the built main process. */
  preloadPath?: string
  /** app.isPackaged: a shipped build has no DevTools. */
  isPackaged: boolean
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const placement = placeWindow(
    loadWindowState(options.stateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  )
  const window = new BrowserWindow({
    title: WINDOW_TITLE,
    width: placement.width,
    height: placement.height,
    ...(placement.x !== undefined && placement.y !== undefined
      ? { x: placement.x, y: placement.y }
      : { center: true }),
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    show: false,
    backgroundColor: WINDOW_BACKGROUND,
    webPreferences: secureWebPreferences(
      options.preloadPath ?? join(__dirname, '../preload/index.js'),
      options.isPackaged,
    ),
  })
  trackWindowState(window, options.stateFile)
  window.once('ready-to-show', () => {
    if (placement.isMaximized) window.maximize()
    window.show()
  })
  const url = options.devServerUrl ?? `${APP_ORIGIN}/index.html`
  window.loadURL(url).catch((error: unknown) => {
    console.error(`[window] cannot load ${url}:`, error)
  })
  return window
}
