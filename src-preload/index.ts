/**
 * The sandboxed preload: exposes `window.api`, a table of named functions built from the IPC
 * contract, and `api.on` for the contract's events. The page never receives `ipcRenderer` itself,
 * nor an IpcRendererEvent (whose `sender` would hand it back), so it can reach main only through
 * the contract's channels. Only `electron` may be required at run time: everything else is bundled.
 */
import { contextBridge, ipcRenderer } from 'electron'
import {
  buildRawApi,
  EVENT_NAMES,
  type Channel,
  type Envelope,
  type EventName,
} from '@shared/ipc/contract'

function invoke(channel: Channel, request: unknown): Promise<Envelope<unknown>> {
  return ipcRenderer.invoke(channel, request) as Promise<Envelope<unknown>>
}

function subscribe(event: EventName, listener: (payload: unknown) => void): () => void {
  if (!EVENT_NAMES.includes(event)) {
    throw new TypeError(`OCOP Desk: unknown event ${JSON.stringify(event)}`)
  }
  if (typeof listener !== 'function') {
    throw new TypeError('OCOP Desk: an event listener must be a function')
  }
  const forward = (_event: unknown, payload: unknown): void => listener(payload)
  ipcRenderer.on(event, forward)
  return () => {
    ipcRenderer.removeListener(event, forward)
  }
}

contextBridge.exposeInMainWorld('api', buildRawApi(invoke, subscribe))
