import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BrowserWindow, screen } from './electron-mock'

vi.mock('electron', () => import('./electron-mock'))

const { createMainWindow } = await import('../../../../src-main/window')

let folder: string
let stateFile: string

beforeEach(() => {
  vi.clearAllMocks()
  BrowserWindow.instances.length = 0
  folder = mkdtempSync(join(tmpdir(), 'ocop-window-'))
  stateFile = join(folder, 'window-state.json')
})

afterEach(() => rmSync(folder, { recursive: true, force: true }))

const create = (devServerUrl: string | null = null, isPackaged = false) =>
  createMainWindow({ stateFile, devServerUrl, isPackaged }) as unknown as BrowserWindow

describe('main window', () => {
  it('is created with the sandboxed, isolated web preferences', () => {
    const window = create()
    expect(window.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    })
    const preload = (window.options.webPreferences as { preload: string }).preload
    expect(preload.replaceAll('\\', '/')).toMatch(/\/preload\/index\.js$/)
  })

  it('has DevTools in development only: a packaged build cannot open them at all', () => {
    expect(create(null, false).options.webPreferences).toMatchObject({ devTools: true })
    expect(create(null, true).options.webPreferences).toMatchObject({ devTools: false })
  })

  it('has the product title, minimum size, and stays hidden until ready to show', () => {
    const window = create()
    expect(window.options).toMatchObject({
      title: 'OCOP Desk',
      minWidth: 1024,
      minHeight: 680,
      show: false,
    })
    expect(window.options.backgroundColor).toMatch(/^#[0-9a-f]{6}$/i)
    expect(window.show).not.toHaveBeenCalled()
    window.emit('ready-to-show')
    expect(window.show).toHaveBeenCalledOnce()
  })

  it('loads the packaged renderer from the app origin', () => {
    expect(create().loadURL).toHaveBeenCalledWith('app://ocop-desk/index.html')
  })

  it('loads the dev server page when developing', () => {
    expect(create('http://localhost:5173/').loadURL).toHaveBeenCalledWith('http://localhost:5173/')
  })

  it('restores a saved position and maximized state', () => {
    writeFileSync(
      stateFile,
      JSON.stringify({ bounds: { x: 100, y: 50, width: 1200, height: 760 }, isMaximized: true }),
    )
    const window = create()
    expect(window.options).toMatchObject({ x: 100, y: 50, width: 1200, height: 760 })
    window.emit('ready-to-show')
    expect(window.maximize).toHaveBeenCalledOnce()
  })

  it('centres a window saved on a display that is no longer there', () => {
    writeFileSync(
      stateFile,
      JSON.stringify({ bounds: { x: 5000, y: 50, width: 1200, height: 760 }, isMaximized: false }),
    )
    const window = create()
    expect(screen.getAllDisplays).toHaveBeenCalled()
    expect(window.options.x).toBeUndefined()
    expect(window.options.center).toBe(true)
  })
})
