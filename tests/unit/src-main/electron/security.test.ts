import { EventEmitter } from 'node:events'
import { beforeEach, describe, expect, it, vi } from 'vitest'
import { FakeWebContents, fakeEvent } from './electron-mock'

vi.mock('electron', () => import('./electron-mock'))

const { applyWebContentsRules, installSecurityRules, isAllowedRequest } =
  await import('../../../../src-main/security')

const APP = ['app://ocop-desk']
const DEV = ['app://ocop-desk', 'http://localhost:5173']

function setup(trustedOrigins = APP) {
  const contents = new FakeWebContents()
  const openExternal = vi.fn(async (_url: string) => undefined)
  const isAllowedExternalUrl = vi.fn((url: string) => url.startsWith('https://ocop.gov.vn/'))
  applyWebContentsRules(contents as never, { trustedOrigins, isAllowedExternalUrl, openExternal })
  return { contents, openExternal }
}

function navigate(contents: FakeWebContents, url: string, event = 'will-navigate') {
  const navigation = fakeEvent(url)
  contents.emit(event, navigation, url)
  return navigation
}

beforeEach(() => {
  vi.clearAllMocks()
  vi.spyOn(console, 'warn').mockImplementation(() => undefined)
})

describe('navigation', () => {
  it('allows our own origin', () => {
    const { contents } = setup()
    expect(navigate(contents, 'app://ocop-desk/index.html#/cai-dat').defaultPrevented).toBe(false)
  })

  it.each([
    'https://evil.example/',
    'app://ocop-desk.evil.example/index.html',
    'app://other/index.html',
    'file:///C:/Windows/win.ini',
    'http://localhost:5173/',
    'javascript:alert(1)',
  ])('prevents a navigation to %s', (url) => {
    const { contents, openExternal } = setup()
    expect(navigate(contents, url).defaultPrevented).toBe(true)
    expect(openExternal).not.toHaveBeenCalled()
  })

  it('prevents redirects and frame navigations to foreign origins too', () => {
    const { contents } = setup()
    expect(navigate(contents, 'https://evil.example/', 'will-redirect').defaultPrevented).toBe(true)
    expect(
      navigate(contents, 'https://evil.example/', 'will-frame-navigate').defaultPrevented,
    ).toBe(true)
  })

  it('allows the dev server only when it is trusted', () => {
    const { contents } = setup(DEV)
    expect(navigate(contents, 'http://localhost:5173/#/').defaultPrevented).toBe(false)
    expect(navigate(contents, 'http://localhost:5174/').defaultPrevented).toBe(true)
  })

  it('opens an allow-listed link in the browser instead of navigating', () => {
    const { contents, openExternal } = setup()
    expect(navigate(contents, 'https://ocop.gov.vn/tin-tuc').defaultPrevented).toBe(true)
    expect(openExternal).toHaveBeenCalledWith('https://ocop.gov.vn/tin-tuc')
  })
})

describe('new windows and webviews', () => {
  it('denies window.open, opening only allow-listed links externally', () => {
    const { contents, openExternal } = setup()
    const open = contents.windowOpenHandler!
    expect(open({ url: 'https://evil.example/' })).toEqual({ action: 'deny' })
    expect(open({ url: 'app://ocop-desk/index.html' })).toEqual({ action: 'deny' })
    expect(openExternal).not.toHaveBeenCalled()
    expect(open({ url: 'https://ocop.gov.vn/van-ban' })).toEqual({ action: 'deny' })
    expect(openExternal).toHaveBeenCalledWith('https://ocop.gov.vn/van-ban')
  })

  it('prevents attaching a webview', () => {
    const { contents } = setup()
    const attach = fakeEvent()
    contents.emit('will-attach-webview', attach, {}, {})
    expect(attach.defaultPrevented).toBe(true)
  })
})

describe('permissions', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'hid'])(
    'denies a %s request and check, even from our origin',
    (permission) => {
      const { contents } = setup()
      const callback = vi.fn()
      contents.session.permissionRequestHandler!(contents, permission, callback, {
        requestingUrl: 'app://ocop-desk/index.html',
      })
      expect(callback).toHaveBeenCalledWith(false)
      expect(
        contents.session.permissionCheckHandler!(contents, permission, 'app://ocop-desk', {}),
      ).toBe(false)
    },
  )

  it('grants durable storage to our origin only, so the register is never evicted', () => {
    const { contents } = setup()
    const ours = vi.fn()
    const theirs = vi.fn()
    const handler = contents.session.permissionRequestHandler!
    handler(contents, 'persistent-storage', ours, { requestingUrl: 'app://ocop-desk/' })
    handler(contents, 'persistent-storage', theirs, { requestingUrl: 'https://evil.example/' })
    expect(ours).toHaveBeenCalledWith(true)
    expect(theirs).toHaveBeenCalledWith(false)
  })
})

describe('remote content', () => {
  it('cancels requests to the network, keeping local schemes', () => {
    const { contents } = setup()
    const cancelled = (url: string) => {
      let result: boolean | undefined
      contents.session.beforeRequest!({ url }, (response) => (result = response.cancel))
      return result
    }
    expect(cancelled('https://fonts.googleapis.com/css')).toBe(true)
    expect(cancelled('http://127.0.0.1:8080/x')).toBe(true)
    expect(cancelled('app://ocop-desk/assets/app.js')).toBe(false)
    expect(cancelled('data:image/png;base64,AAAA')).toBe(false)
  })

  it('lets the dev server and its HMR socket through in development', () => {
    expect(isAllowedRequest('http://localhost:5173/src/main.ts', DEV)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', DEV)).toBe(true)
    expect(isAllowedRequest('ws://localhost:5173/', APP)).toBe(false)
  })
})

describe('installSecurityRules', () => {
  it('applies the rules to every web contents the app creates', () => {
    const app = new EventEmitter()
    installSecurityRules(app as never, {
      trustedOrigins: APP,
      isAllowedExternalUrl: () => false,
      openExternal: async () => undefined,
    })
    const contents = new FakeWebContents()
    app.emit('web-contents-created', {}, contents)
    expect(contents.setWindowOpenHandler).toHaveBeenCalledOnce()
    expect(navigate(contents, 'https://evil.example/').defaultPrevented).toBe(true)
  })
})
