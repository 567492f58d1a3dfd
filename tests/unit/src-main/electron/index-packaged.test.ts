import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { app, BrowserWindow, dialog, Menu } from './electron-mock'
import { loadMain, type LoadedMain } from './load-main'

vi.mock('electron', () => import('./electron-mock'))
vi.mock('../../../../src-main/services/services', () => ({
  createServiceHandlers: vi.fn(() => ({})),
}))

let main: LoadedMain

beforeAll(async () => {
  app.isPackaged = true
  vi.stubEnv('OCOP_STRICT', undefined)
  // Set, as a test rig or someone else's script might: the packaged app must not follow it.
  vi.stubEnv('OCOP_USER_DATA', '/tmp/somewhere-else')
  // Even if set, a packaged app must not load a page from a dev server.
  vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173/')
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  main = await loadMain()
  await main.ready()
})

afterAll(() => vi.unstubAllEnvs())

describe('app lifecycle (packaged)', () => {
  it('keeps the default data folder, ignoring OCOP_USER_DATA', () => {
    expect(app.setPath).not.toHaveBeenCalled()
  })

  it('opens its window without DevTools and installs a menu without them', () => {
    expect(BrowserWindow.instances[0]!.options.webPreferences).toMatchObject({ devTools: false })
    const template = vi.mocked(Menu.buildFromTemplate).mock.calls[0]![0]
    const roles = JSON.stringify(template)
    expect(roles).not.toContain('toggleDevTools')
    expect(roles).not.toContain('reload')
  })

  it('ignores ELECTRON_RENDERER_URL and loads the app origin', () => {
    expect(BrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('app://ocop-desk/index.html')
  })

  it('shows a Vietnamese error dialog instead of exiting on an unhandled error', () => {
    main.processHandlers.get('uncaughtException')!(new Error('bug'))
    expect(app.exit).not.toHaveBeenCalled()
    expect(dialog.showErrorBox).toHaveBeenCalledWith(
      'OCOP Desk gặp lỗi',
      expect.stringContaining('Đã xảy ra lỗi không mong muốn'),
    )
  })
})
