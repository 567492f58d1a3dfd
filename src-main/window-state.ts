/**
 * Remembers the main window's size, position and maximized state in userData/window-state.json.
 * The placement rules are pure functions; the file and the window are touched only at the edges.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs'
import type { BrowserWindow, Rectangle } from 'electron'

export const MIN_WINDOW_SIZE = { width: 1024, height: 680 } as const
export const DEFAULT_WINDOW_SIZE = { width: 1280, height: 800 } as const
/** How much of a saved window must still be on some display for its position to be kept. */
const MIN_VISIBLE = { width: 120, height: 40 } as const

export interface SavedWindowState {
  bounds: Rectangle
  isMaximized: boolean
}

export interface WindowPlacement {
  width: number
  height: number
  /** Absent when the window should be centred by the system. */
  x?: number
  y?: number
  isMaximized: boolean
}

function isFiniteInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value) && Number.isInteger(value)
}

/** Reads the saved state; anything malformed (hand edits, a half-written file) counts as none. */
export function parseWindowState(text: string): SavedWindowState | null {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    return null
  }
  if (typeof data !== 'object' || data === null) return null
  const { bounds, isMaximized } = data as Record<string, unknown>
  if (typeof bounds !== 'object' || bounds === null) return null
  const { x, y, width, height } = bounds as Record<string, unknown>
  if (![x, y, width, height].every(isFiniteInteger)) return null
  if ((width as number) <= 0 || (height as number) <= 0) return null
  return {
    bounds: { x: x as number, y: y as number, width: width as number, height: height as number },
    isMaximized: isMaximized === true,
  }
}

function overlap(a: Rectangle, b: Rectangle): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)
  return { width: Math.max(0, width), height: Math.max(0, height) }
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), Math.max(min, max))
}

function fittedSize(
  size: { width: number; height: number },
  area: Rectangle,
): { width: number; height: number } {
  return {
    width: clamp(size.width, MIN_WINDOW_SIZE.width, area.width),
    height: clamp(size.height, MIN_WINDOW_SIZE.height, area.height),
  }
}

/**
 * Where to open the window. A saved window that is still reasonably visible on a display is
 * moved fully inside that display's work area; one that is off every display (a projector or
 * second monitor since unplugged) loses its position and is centred, so it can never open
 * where the clerk cannot see it.
 */
export function placeWindow(
  saved: SavedWindowState | null,
  workAreas: readonly Rectangle[],
  primaryWorkArea: Rectangle,
): WindowPlacement {
  if (!saved) return { ...fittedSize(DEFAULT_WINDOW_SIZE, primaryWorkArea), isMaximized: false }
  let best: { area: Rectangle; visible: number } | null = null
  for (const area of workAreas) {
    const shared = overlap(saved.bounds, area)
    if (shared.width < MIN_VISIBLE.width || shared.height < MIN_VISIBLE.height) continue
    const visible = shared.width * shared.height
    if (!best || visible > best.visible) best = { area, visible }
  }
  if (!best) {
    return { ...fittedSize(saved.bounds, primaryWorkArea), isMaximized: saved.isMaximized }
  }
  const { area } = best
  const size = fittedSize(saved.bounds, area)
  return {
    ...size,
    x: clamp(saved.bounds.x, area.x, area.x + area.width - size.width),
    y: clamp(saved.bounds.y, area.y, area.y + area.height - size.height),
    isMaximized: saved.isMaximized,
  }
}

export function loadWindowState(file: string): SavedWindowState | null {
  try {
    return parseWindowState(readFileSync(file, 'utf8'))
  } catch {
    return null
  }
}

/** Written through a temporary file and a rename so a crash mid-write leaves the old state. */
export function saveWindowState(file: string, state: SavedWindowState): void {
  const temporary = `${file}.tmp`
  try {
    writeFileSync(temporary, `${JSON.stringify(state, null, 2)}\n`, 'utf8')
    renameSync(temporary, file)
  } catch (error) {
    // Losing the window position is never worth interrupting the clerk.
    console.warn('[window-state] cannot save:', error)
  }
}

export type TrackedWindow = Pick<
  BrowserWindow,
  'on' | 'getNormalBounds' | 'isMaximized' | 'isDestroyed'
>

/**
 * Saves the window's state a moment after it stops moving or resizing, and at once when it
 * closes. `getNormalBounds` is what is saved, so a maximized window remembers its restored size.
 */
export function trackWindowState(
  window: TrackedWindow,
  file: string,
  delayMs = 400,
): { flush(): void } {
  let timer: ReturnType<typeof setTimeout> | null = null
  const flush = (): void => {
    if (timer) clearTimeout(timer)
    timer = null
    if (window.isDestroyed()) return
    saveWindowState(file, { bounds: window.getNormalBounds(), isMaximized: window.isMaximized() })
  }
  const schedule = (): void => {
    if (timer) clearTimeout(timer)
    timer = setTimeout(flush, delayMs)
  }
  window.on('resize', schedule)
  window.on('move', schedule)
  window.on('maximize', schedule)
  window.on('unmaximize', schedule)
  window.on('close', flush)
  return { flush }
}
