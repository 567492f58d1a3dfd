/**
 * The only module that touches `ipcMain`. Every channel of the contract gets one `handle` that
 * checks who is calling before anything runs, then hands over to the shared `dispatch`, which
 * validates the payload against the contract's schema.
 */
import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron'
import { AppError } from '@shared/errors'
import { CHANNELS, type Envelope } from '@shared/ipc/contract'
import { originOf } from '../protocol'
import { dispatch, type Handlers } from './dispatch'

export const FOREIGN_SENDER_CODE = 'ipc.foreign-sender' as const

export interface IpcOptions {
  handlers: Partial<Handlers>
  /** The main window's web contents; calls from any other contents are refused. */
  getMainWebContents(): WebContents | null
  /** APP_ORIGIN, plus the dev server origin in development. */
  trustedOrigins: readonly string[]
}

/**
 * A call is ours only if it comes from the main window and from a frame currently showing one of
 * our origins. The frame is checked as well as the window because a window that was somehow
 * navigated, or a frame inside it, must not inherit the window's right to call services.
 */
export function isTrustedSender(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  mainWebContents: WebContents | null,
  trustedOrigins: readonly string[],
): boolean {
  try {
    const frame = event.senderFrame
    if (!frame || !mainWebContents || event.sender !== mainWebContents) return false
    const origin = originOf(frame.url)
    return origin !== null && trustedOrigins.includes(origin)
  } catch {
    // `senderFrame` throws once the frame is gone; a caller that vanished is not trusted.
    return false
  }
}

function foreignSender(channel: string, frameUrl: string): Envelope<never> {
  const error = new AppError({
    code: FOREIGN_SENDER_CODE,
    params: {},
    cause: `${channel} from ${frameUrl}`,
  })
  return { ok: false, error: error.toData() }
}

function frameUrlOf(event: Pick<IpcMainInvokeEvent, 'senderFrame'>): string {
  try {
    return event.senderFrame?.url ?? '(no frame)'
  } catch {
    return '(frame gone)'
  }
}

/** Registers every channel; returns a function that removes them again. */
export function registerIpcHandlers(options: IpcOptions): () => void {
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, async (event, payload: unknown) => {
      if (!isTrustedSender(event, options.getMainWebContents(), options.trustedOrigins)) {
        const frameUrl = frameUrlOf(event)
        console.warn(`[ipc] refused ${channel} from ${frameUrl}`)
        return foreignSender(channel, frameUrl)
      }
      return dispatch(options.handlers, channel, payload)
    })
  }
  return () => {
    for (const channel of CHANNELS) ipcMain.removeHandler(channel)
  }
}
