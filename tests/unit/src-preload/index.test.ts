import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS, contract } from '../../../src-shared/ipc/contract'

const electron = vi.hoisted(() => {
  const listeners = new Map<string, Set<(...args: unknown[]) => void>>()
  return {
    listeners,
    exposed: new Map<string, unknown>(),
    ipcRenderer: {
      invoke: vi.fn(async (_channel: string, _request: unknown) => ({ ok: true, value: 'v' })),
      on: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
        if (!listeners.has(event)) listeners.set(event, new Set())
        listeners.get(event)!.add(listener)
      }),
      removeListener: vi.fn((event: string, listener: (...args: unknown[]) => void) => {
        listeners.get(event)?.delete(listener)
      }),
    },
  }
})

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: vi.fn((key: string, value: unknown) => electron.exposed.set(key, value)),
  },
  ipcRenderer: electron.ipcRenderer,
}))

type Api = Record<string, (...args: unknown[]) => unknown> & {
  on(event: string, listener: (payload: unknown) => void): () => void
}
let api: Api

beforeAll(async () => {
  await import('../../../src-preload/index')
  api = electron.exposed.get('api') as Api
})

beforeEach(() => vi.clearAllMocks())

function emit(event: string, payload: unknown): void {
  const ipcEvent = { sender: electron.ipcRenderer, ports: [] }
  for (const listener of electron.listeners.get(event) ?? []) listener(ipcEvent, payload)
}

describe('preload', () => {
  it('exposes only window.api', () => {
    expect([...electron.exposed.keys()]).toEqual(['api'])
  })

  it('exposes exactly the contract method names plus `on`', () => {
    const methods = CHANNELS.map((channel) => contract[channel].method)
    expect(Object.keys(api).sort()).toEqual([...methods, 'on'].sort())
    expect(Object.values(api).every((value) => typeof value === 'function')).toBe(true)
  })

  it('invokes the matching channel with the request', async () => {
    await expect(api.readBackup!({ name: 'x.json' })).resolves.toEqual({ ok: true, value: 'v' })
    expect(electron.ipcRenderer.invoke).toHaveBeenCalledWith('backup.read', { name: 'x.json' })
    await api.appInfo!()
    expect(electron.ipcRenderer.invoke).toHaveBeenLastCalledWith('app.info', undefined)
  })

  it('passes only the payload to listeners, never the IPC event', () => {
    const listener = vi.fn()
    api.on('menu.command', listener)
    emit('menu.command', { command: 'about' })
    expect(listener).toHaveBeenCalledExactlyOnceWith({ command: 'about' })
  })

  it('returns an unsubscribe function', () => {
    const listener = vi.fn()
    const off = api.on('job.progress', listener)
    off()
    emit('job.progress', { jobId: 'a', stage: 's', done: 1, total: 1 })
    expect(listener).not.toHaveBeenCalled()
  })

  it.each(['ping', 'app.info', '__proto__'])('refuses to subscribe to %s', (event) => {
    expect(() => api.on(event, vi.fn())).toThrow(/unknown event/)
    expect(electron.ipcRenderer.on).not.toHaveBeenCalled()
  })
})
