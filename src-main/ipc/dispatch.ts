/**
 * The one place a call from a renderer is checked and answered, shared by Electron's IPC and the
 * web host: unknown channels and payloads that fail the contract's schema are refused (a payload
 * over its size limit with a sentence naming what it was), handler errors become envelopes carrying
 * their catalogue code and params.
 */
import {
  contract,
  type Channel,
  type Envelope,
  type PayloadLimitParams,
  type RequestOf,
  type ResponseOf,
} from '@shared/ipc/contract'
import type { z } from 'zod'
import { AppError, toAppErrorData } from '@shared/errors'

export type Handler<C extends Channel> = (request: RequestOf<C>) => Promise<ResponseOf[C]>
export type Handlers<C extends Channel = Channel> = { [K in C]: Handler<K> }
/** Channels answered by main-side services in every host (dialogs excepted). */
export type ServiceChannel = {
  [C in Channel]: (typeof contract)[C]['dialog'] extends true ? never : C
}[Channel]

export function isChannel(name: string): name is Channel {
  return Object.prototype.hasOwnProperty.call(contract, name)
}

export async function dispatch(
  handlers: Partial<Handlers>,
  channel: string,
  payload: unknown,
): Promise<Envelope<unknown>> {
  const handler = isChannel(channel) ? handlers[channel] : undefined
  if (!isChannel(channel) || !handler) {
    return refused(
      new AppError({
        code: 'ipc.unknown-channel',
        params: {},
        cause: `unknown channel ${JSON.stringify(channel)}`,
      }),
    )
  }
  const parsed = contract[channel].request.safeParse(payload)
  if (!parsed.success) {
    const exceeded = exceededLimit(parsed.error.issues)
    if (exceeded) {
      const { payload, maxBytes } = exceeded.limit
      return refused(
        new AppError({
          code: 'ipc.too-large',
          params: { payload, maxBytes },
          cause: `${channel}: ${exceeded.path} over ${maxBytes} bytes`,
        }),
      )
    }
    return refused(
      new AppError({
        code: 'ipc.invalid-payload',
        params: {},
        cause: `${channel}: ${parsed.error.message}`,
      }),
    )
  }
  try {
    const value = await (handler as (request: unknown) => Promise<unknown>)(parsed.data)
    return { ok: true, value }
  } catch (error) {
    const data = toAppErrorData(error)
    if (data.code === 'internal') console.error(`[ipc] ${channel} failed:`, error)
    return { ok: false, error: data }
  }
}

function exceededLimit(issues: readonly z.core.$ZodIssue[]) {
  for (const issue of issues) {
    if (issue.code !== 'custom') continue
    const limit = (issue.params as Partial<PayloadLimitParams> | undefined)?.payloadLimit
    if (limit) return { limit, path: issue.path.join('.') }
  }
  return null
}

function refused(error: AppError): Envelope<never> {
  return { ok: false, error: error.toData() }
}
