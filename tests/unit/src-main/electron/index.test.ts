import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../../src-shared/ipc/contract'
import { app, BrowserWindow, ipcMain, Menu, protocol, utilityProcess } from './electron-mock'
import { loadMain, type LoadedMain } from './load-main'

vi.mock('electron', () => import('./electron-mock'))
vi.mock('../../../../src-main/services/services', () => ({
  createServiceHandlers: vi.fn(() => ({})),
}))

const { createServiceHandlers } = await import('../../../../src-main/services/services')

let main: LoadedMain
let registeredBeforeReady: number

beforeAll(async () => {
  vi.stubEnv('OCOP_USER_DATA', '/tmp/ocop-test-user-data')
  vi.stubEnv('ELECTRON_RENDERER_URL', undefined)
  vi.spyOn(console, 'error').mockImplementation(() => undefined)
  main = await loadMain()
  registeredBeforeReady = protocol.registerSchemesAsPrivileged.mock.calls.length
  await main.ready()
})

afterAll(() => vi.unstubAllEnvs())

describe('app lifecycle (development)', () => {
  it('uses the OCOP_USER_DATA folder, set before the single-instance lock', () => {
    expect(app.setPath).toHaveBeenCalledWith('userData', '/tmp/ocop-test-user-data')
    expect(app.setPath.mock.invocationCallOrder[0]).toBeLessThan(
      app.requestSingleInstanceLock.mock.invocationCallOrder[0]!,
    )
  })

  it('sets the Windows app id and registers the app scheme before ready', () => {
    expect(app.setAppUserModelId).toHaveBeenCalledWith('vn.ocopdesk.app')
    expect(registeredBeforeReady).toBe(1)
    expect(app.listenerCount('web-contents-created')).toBe(1)
  })

  it('serves the renderer on the app scheme once ready', () => {
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function))
  })

  it('answers every contract channel over IPC and installs the menu', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
    expect(Menu.setApplicationMenu).toHaveBeenCalledOnce()
  })

  it('opens one window on the app origin', () => {
    expect(BrowserWindow.instances).toHaveLength(1)
    expect(BrowserWindow.instances[0]!.loadURL).toHaveBeenCalledWith('app://ocop-desk/index.html')
  })

  it('gives the services an electron context whose events reach the window', () => {
    const context = vi.mocked(createServiceHandlers).mock.calls[0]![0]
    expect(context).toMatchObject({
      host: 'electron',
      version: '0.1.0',
      dataDir: '/fake/userData',
    })
    expect(context.backupDir.replaceAll('\\', '/')).toBe('/fake/userData/backups')
    context.emit('menu.command', { command: 'about' })
    expect(BrowserWindow.instances[0]!.webContents.send).toHaveBeenCalledWith('menu.command', {
      command: 'about',
    })
    expect(utilityProcess.fork).not.toHaveBeenCalled()
  })

  it('focuses the first window when a second copy is started', () => {
    const window = BrowserWindow.instances[0]!
    window.isMinimized.mockReturnValue(true)
    app.emit('second-instance')
    expect(window.restore).toHaveBeenCalled()
    expect(window.focus).toHaveBeenCalled()
  })

  it('quits when the window is closed', () => {
    app.emit('window-all-closed')
    expect(app.quit).toHaveBeenCalled()
  })

  it('exits with code 1 on an unhandled error while developing', () => {
    main.processHandlers.get('unhandledRejection')!(new Error('bug'))
    expect(app.exit).toHaveBeenCalledWith(1)
  })
})
