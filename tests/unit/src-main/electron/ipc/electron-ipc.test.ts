import { beforeEach, describe, expect, it, vi } from 'vitest'
import { CHANNELS } from '../../../../../src-shared/ipc/contract'
import { FakeWebContents, ipcMain } from '../electron-mock'

vi.mock('electron', () => import('../electron-mock'))

const { registerIpcHandlers, FOREIGN_SENDER_CODE } =
  await import('../../../../../src-main/ipc/electron-ipc')

const APP = ['app://ocop-desk']
const mainContents = new FakeWebContents()
const appInfo = {
  version: '0.1.0',
  host: 'electron',
  dataDir: 'D',
  backupDir: 'B',
  issuedDir: 'D/van-ban-da-phat-hanh',
  user: 'can-bo',
} as const
const handlers = {
  'app.info': vi.fn(async () => appInfo),
  'backup.read': vi.fn(async ({ name }: { name: string }) => ({ name, content: '{}' })),
}

function call(
  channel: string,
  payload: unknown,
  sender: { sender?: unknown; frameUrl?: string | null } = {},
) {
  const handler = ipcMain.handlers.get(channel)
  if (!handler) throw new Error(`no handler for ${channel}`)
  const frameUrl = sender.frameUrl === undefined ? 'app://ocop-desk/index.html' : sender.frameUrl
  const event = {
    sender: sender.sender ?? mainContents,
    senderFrame: frameUrl === null ? null : { url: frameUrl },
  }
  return handler(event, payload) as Promise<{
    ok: boolean
    value?: unknown
    error?: { code: string; message: string }
  }>
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
  ipcMain.handlers.clear()
  registerIpcHandlers({
    handlers: handlers,
    getMainWebContents: () => mainContents as never,
    trustedOrigins: APP,
  })
})

describe('electron IPC wrapper', () => {
  it('registers exactly the contract channels', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort())
  })

  it('answers a good call from the main window', async () => {
    await expect(call('app.info', undefined)).resolves.toEqual({ ok: true, value: appInfo })
    const name = 'ocop-desk-manual-20250101-120000.json'
    await expect(call('backup.read', { name })).resolves.toEqual({
      ok: true,
      value: { name, content: '{}' },
    })
  })

  it.each([
    ['a foreign origin frame', { frameUrl: 'https://evil.example/' }],
    ['a look-alike host', { frameUrl: 'app://ocop-desk.evil/index.html' }],
    ['a file:// page', { frameUrl: 'file:///C:/Users/x/evil.html' }],
    ['a destroyed frame', { frameUrl: null }],
    ['another web contents', { sender: new FakeWebContents() }],
  ])('refuses a call from %s without running the handler', async (_name, sender) => {
    const answer = await call('app.info', undefined, sender)
    expect(answer.ok).toBe(false)
    expect(answer.error?.code).toBe(FOREIGN_SENDER_CODE)
    expect(answer.error?.message).toMatch(/bị từ chối/)
    expect(handlers['app.info']).not.toHaveBeenCalled()
  })

  it('refuses a bad payload without running the handler', async () => {
    const answer = await call('backup.read', { name: '../../Windows/win.ini' })
    expect(answer).toMatchObject({ ok: false, error: { code: 'ipc.invalid-payload' } })
    expect(handlers['backup.read']).not.toHaveBeenCalled()
  })

  it('removes every handler when disposed', () => {
    const dispose = registerIpcHandlers({
      handlers: {},
      getMainWebContents: () => null,
      trustedOrigins: APP,
    })
    dispose()
    expect(ipcMain.removeHandler).toHaveBeenCalledTimes(CHANNELS.length)
  })
})
