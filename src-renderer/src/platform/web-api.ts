/**
 * window.api for the web host: the same named functions as the Electron preload, over HTTP on
 * 127.0.0.1. Native dialogs become the browser's own: a file picker to open, a download to save.
 */
import {
  buildRawApi,
  contract,
  EVENT_NAMES,
  type Channel,
  type Envelope,
  type EventName,
  type RawApi,
  type RequestOf,
  type ResponseOf,
} from '@shared/ipc/contract'
import { fromWire, toWire } from '@shared/ipc/wire'

type Listener = (payload: unknown) => void

export function createWebApi(): RawApi {
  const listeners = new Map<EventName, Set<Listener>>()
  const events = new EventSource('/api/events')
  for (const name of EVENT_NAMES) {
    events.addEventListener(name, (message) => {
      const payload = fromWire(JSON.parse((message as MessageEvent<string>).data))
      listeners.get(name)?.forEach((listener) => listener(payload))
    })
  }

  async function invoke(channel: Channel, request: unknown): Promise<Envelope<unknown>> {
    if (contract[channel].dialog) return browserDialog(channel, request, call)
    return call(channel, request)
  }

  async function call(channel: Channel, request: unknown): Promise<Envelope<unknown>> {
    const response = await fetch(`/api/call/${channel}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(toWire(request ?? null)),
    })
    return fromWire(await response.json()) as Envelope<unknown>
  }

  function subscribe(event: EventName, listener: Listener): () => void {
    if (!EVENT_NAMES.includes(event)) throw new Error(`unknown event ${event}`)
    const set = listeners.get(event) ?? new Set<Listener>()
    listeners.set(event, set)
    set.add(listener)
    return () => set.delete(listener)
  }

  return buildRawApi(invoke, subscribe)
}

async function browserDialog(
  channel: Channel,
  request: unknown,
  call: (channel: Channel, request: unknown) => Promise<Envelope<unknown>>,
): Promise<Envelope<unknown>> {
  if (channel === 'file.open') {
    const files = await pickFiles(request as RequestOf<'file.open'>, false)
    return { ok: true, value: files?.[0] ?? null }
  }
  if (channel === 'file.openMany') {
    return { ok: true, value: await pickFiles(request as RequestOf<'file.openMany'>, true) }
  }
  if (channel === 'file.save') {
    return { ok: true, value: download(request as RequestOf<'file.save'>) }
  }
  if (channel === 'report.printPdf') {
    // Chromium's own print dialog: "Save as PDF" writes the same pages Electron would.
    window.print()
    return { ok: true, value: { saved: false } }
  }
  if (channel === 'issued.open') {
    // A browser cannot start Word: it downloads the kept copy, which the clerk opens from there.
    const read = (await call('issued.read', request)) as Envelope<ResponseOf['issued.read']>
    if (!read.ok) return read
    download({ suggestedName: read.value.name, bytes: read.value.bytes })
    return { ok: true, value: { opened: true } }
  }
  throw new Error(`no browser dialog for ${channel}`)
}

/** The files the clerk picks in the browser's file picker; null when cancelled. */
function pickFiles(
  request: RequestOf<'file.open'>,
  multiple: boolean,
): Promise<ResponseOf['file.openMany']> {
  return new Promise((resolve, reject) => {
    const input = document.createElement('input')
    input.type = 'file'
    input.multiple = multiple
    input.accept = request.filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',')
    input.style.display = 'none'
    input.dataset.testid = 'file-picker'
    document.body.append(input)
    input.addEventListener('cancel', () => {
      input.remove()
      resolve(null)
    })
    input.addEventListener('change', () => {
      const files = [...(input.files ?? [])]
      input.remove()
      if (files.length === 0) return resolve(null)
      Promise.all(
        files.map(async (file) => ({
          name: file.name,
          bytes: new Uint8Array(await file.arrayBuffer()),
        })),
      )
        .then(resolve)
        .catch(reject)
    })
    input.click()
  })
}

function download(
  request: Pick<RequestOf<'file.save'>, 'suggestedName' | 'bytes'>,
): ResponseOf['file.save'] {
  const blob = new Blob([request.bytes as Uint8Array<ArrayBuffer>])
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = request.suggestedName
  document.body.append(link)
  link.click()
  link.remove()
  setTimeout(() => URL.revokeObjectURL(url), 60_000)
  return { saved: true, name: request.suggestedName }
}
