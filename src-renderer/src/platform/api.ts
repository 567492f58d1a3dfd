/**
 * The renderer's one door to the main-side services. `window.api` comes from the Electron preload
 * or, in the web host, from the HTTP client; either way envelopes are unwrapped here and failures
 * are thrown as AppError carrying the code and params of the catalogue, so the error reporter can
 * word them in the UI's language, and the Vietnamese message main worded.
 */
import { AppError } from '@shared/errors'
import { CHANNELS, contract, type Api, type Envelope, type RawApi } from '@shared/ipc/contract'
import { createWebApi } from './web-api'

declare global {
  interface Window {
    api?: RawApi
  }
}

function unwrap(raw: RawApi): Api {
  const api: Record<string, unknown> = { on: raw.on.bind(raw) }
  for (const channel of CHANNELS) {
    const method = contract[channel].method
    const call = raw[method] as (request?: unknown) => Promise<Envelope<unknown>>
    api[method] = async (request?: unknown) => {
      const envelope = await call(request)
      if (!envelope.ok) throw AppError.fromData(envelope.error)
      return envelope.value
    }
  }
  return api as Api
}

function resolveRawApi(): RawApi {
  if (window.api) return window.api
  // Only the web host serves over http; in Electron (app://) a missing window.api means the
  // preload failed, which must be loud rather than silently falling back.
  if (location.protocol === 'http:') {
    window.api = createWebApi()
    return window.api
  }
  throw new Error('OCOP Desk: window.api is missing (preload failed to load)')
}

let instance: Api | undefined

/** The unwrapped API; created on first use. */
export function useApi(): Api {
  instance ??= unwrap(resolveRawApi())
  return instance
}

/** For tests: use this raw API instead of window.api. */
export function setRawApiForTests(raw: RawApi): void {
  instance = unwrap(raw)
}
