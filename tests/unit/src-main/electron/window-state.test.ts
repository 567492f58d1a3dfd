import { EventEmitter } from 'node:events'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import {
  loadWindowState,
  parseWindowState,
  placeWindow,
  trackWindowState,
  type SavedWindowState,
  type TrackedWindow,
} from '../../../../src-main/window-state'

vi.mock('electron', () => import('./electron-mock'))

const laptop = { x: 0, y: 0, width: 1366, height: 728 }
const rightMonitor = { x: 1366, y: 0, width: 1920, height: 1040 }

const saved = (x: number, y: number, width = 1200, height = 700, isMaximized = false) =>
  ({ bounds: { x, y, width, height }, isMaximized }) satisfies SavedWindowState

describe('parseWindowState', () => {
  it('reads a saved state', () => {
    expect(parseWindowState(JSON.stringify(saved(10, 20, 1100, 700, true)))).toEqual(
      saved(10, 20, 1100, 700, true),
    )
  })

  it.each([
    ['invalid JSON', '{"bounds": {'],
    ['not an object', '42'],
    ['no bounds', '{"isMaximized": true}'],
    ['text numbers', '{"bounds": {"x": "1", "y": 0, "width": 1200, "height": 700}}'],
    ['zero size', '{"bounds": {"x": 0, "y": 0, "width": 0, "height": 700}}'],
    ['NaN-like', '{"bounds": {"x": 1e999, "y": 0, "width": 1200, "height": 700}}'],
  ])('ignores %s', (_name, text) => {
    expect(parseWindowState(text)).toBeNull()
  })
})

describe('placeWindow', () => {
  it('opens at the default size, centred, when nothing was saved', () => {
    expect(placeWindow(null, [laptop], laptop)).toEqual({
      width: 1280,
      height: 728,
      isMaximized: false,
    })
  })

  it('keeps a position that is on a display', () => {
    expect(placeWindow(saved(1500, 100), [laptop, rightMonitor], laptop)).toEqual({
      x: 1500,
      y: 100,
      width: 1200,
      height: 700,
      isMaximized: false,
    })
  })

  it('drops the position of a window that is off every display, keeping maximized', () => {
    const placement = placeWindow(saved(4000, 100, 1200, 700, true), [laptop], laptop)
    expect(placement.x).toBeUndefined()
    expect(placement.y).toBeUndefined()
    expect(placement.isMaximized).toBe(true)
  })

  it('treats a sliver at the edge of a display as off the display', () => {
    const placement = placeWindow(saved(1366 - 20, 100), [laptop], laptop)
    expect(placement.x).toBeUndefined()
  })

  it('pulls a partly visible window fully inside its display and shrinks it to fit', () => {
    expect(placeWindow(saved(900, -50, 2000, 900), [laptop], laptop)).toEqual({
      x: 0,
      y: 0,
      width: 1366,
      height: 728,
      isMaximized: false,
    })
  })

  it('never makes the window smaller than its minimum size', () => {
    expect(placeWindow(saved(10, 10, 300, 200), [laptop], laptop)).toMatchObject({
      width: 1024,
      height: 680,
    })
  })
})

class FakeWindow extends EventEmitter {
  bounds = { x: 5, y: 6, width: 1100, height: 700 }
  maximized = false
  getNormalBounds = () => this.bounds
  isMaximized = () => this.maximized
  isDestroyed = () => false
}

describe('trackWindowState', () => {
  let folder: string
  let file: string

  beforeEach(() => {
    vi.useFakeTimers()
    folder = mkdtempSync(join(tmpdir(), 'ocop-window-state-'))
    file = join(folder, 'window-state.json')
  })

  afterEach(() => {
    vi.useRealTimers()
    rmSync(folder, { recursive: true, force: true })
  })

  it('writes once, after the window stops moving', () => {
    const window = new FakeWindow()
    trackWindowState(window as unknown as TrackedWindow, file, 400)
    window.emit('move')
    window.bounds = { x: 50, y: 60, width: 1100, height: 700 }
    window.emit('move')
    vi.advanceTimersByTime(399)
    expect(loadWindowState(file)).toBeNull()
    vi.advanceTimersByTime(1)
    expect(loadWindowState(file)).toEqual(saved(50, 60, 1100, 700))
  })

  it('saves at once when the window closes, with the maximized flag', () => {
    const window = new FakeWindow()
    trackWindowState(window as unknown as TrackedWindow, file, 400)
    window.maximized = true
    window.emit('close')
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(saved(5, 6, 1100, 700, true))
  })

  it('reads a corrupt file as no state', () => {
    writeFileSync(file, 'garbage')
    expect(loadWindowState(file)).toBeNull()
    expect(loadWindowState(join(folder, 'missing.json'))).toBeNull()
  })
})
