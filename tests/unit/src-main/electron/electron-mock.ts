/**
 * A stand-in for the whole `electron` module, for main-process tests that run without the binary.
 * Test files use it with `vi.mock('electron', () => import('./electron-mock'))`. Only the parts our
 * code touches exist; anything else is a TypeError, which is what we want a test to show.
 */
import { EventEmitter } from 'node:events'
import { vi } from 'vitest'

export interface FakeEvent {
  url: string
  defaultPrevented: boolean
  preventDefault(): void
}

export function fakeEvent(url = ''): FakeEvent {
  const event = {
    url,
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true
    },
  }
  return event
}

export class FakeSession {
  permissionRequestHandler: ((...args: unknown[]) => void) | null = null
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null
  beforeRequest:
    ((details: { url: string }, callback: (r: { cancel: boolean }) => void) => void) | null = null
  setPermissionRequestHandler = vi.fn((handler: (...args: unknown[]) => void) => {
    this.permissionRequestHandler = handler
  })
  setPermissionCheckHandler = vi.fn((handler: (...args: unknown[]) => boolean) => {
    this.permissionCheckHandler = handler
  })
  webRequest = {
    onBeforeRequest: vi.fn((handler: FakeSession['beforeRequest']) => {
      this.beforeRequest = handler
    }),
  }
}

export class FakeWebContents extends EventEmitter {
  session = new FakeSession()
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null
  send = vi.fn()
  reload = vi.fn()
  isDestroyed = vi.fn(() => false)
  printToPDF = vi.fn(async (_options: object) => Buffer.from('%PDF-1.7 báo cáo'))
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler
  })
}

export class BrowserWindow extends EventEmitter {
  static instances: BrowserWindow[] = []
  webContents = new FakeWebContents()
  loadURL = vi.fn(async (_url: string) => undefined)
  show = vi.fn()
  focus = vi.fn()
  restore = vi.fn()
  maximize = vi.fn()
  isMinimized = vi.fn(() => false)
  isMaximized = vi.fn(() => false)
  isDestroyed = vi.fn(() => false)
  getNormalBounds = vi.fn(() => ({ x: 10, y: 20, width: 1200, height: 760 }))

  constructor(public options: Record<string, unknown>) {
    super()
    BrowserWindow.instances.push(this)
  }
}

const workArea = { x: 0, y: 0, width: 1920, height: 1040 }
export const screen = {
  getAllDisplays: vi.fn(() => [{ workArea }]),
  getPrimaryDisplay: vi.fn(() => ({ workArea })),
}

export const app = Object.assign(new EventEmitter(), {
  isPackaged: false,
  getPath: vi.fn((name: string) => `/fake/${name}`),
  setPath: vi.fn(),
  getVersion: vi.fn(() => '0.1.0'),
  setAppUserModelId: vi.fn(),
  enableSandbox: vi.fn(),
  requestSingleInstanceLock: vi.fn(() => true),
  whenReady: vi.fn(() => Promise.resolve()),
  quit: vi.fn(),
  exit: vi.fn(),
})

export const ipcMain = {
  handlers: new Map<string, (...args: unknown[]) => unknown>(),
  handle: vi.fn((channel: string, handler: (...args: unknown[]) => unknown) => {
    ipcMain.handlers.set(channel, handler)
  }),
  removeHandler: vi.fn((channel: string) => {
    ipcMain.handlers.delete(channel)
  }),
}

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
}

export const dialog = {
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
  showErrorBox: vi.fn(),
}

export const shell = {
  openExternal: vi.fn(async (_url: string) => undefined),
  /** Resolves to '' on success, else the system's error text. */
  openPath: vi.fn(async (_path: string) => ''),
}

export const session = { defaultSession: new FakeSession() }

export class FakeUtilityProcess extends EventEmitter {
  postMessage = vi.fn()
  kill = vi.fn(() => {
    queueMicrotask(() => this.emit('exit', 0))
    return true
  })
}

export const utilityProcess = {
  fork: vi.fn(
    (_modulePath: string, _args?: string[], _options?: unknown) => new FakeUtilityProcess(),
  ),
}

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
}

export default {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  screen,
  session,
  shell,
  utilityProcess,
}
