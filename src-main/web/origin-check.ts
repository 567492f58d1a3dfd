import type { IncomingMessage } from 'node:http'
import { AppError, type AppErrorData } from '@shared/errors'

/**
 * Any page open in the clerk's browser can send requests to 127.0.0.1. Only pages served by this
 * host may call its API: the Host header must name this host (against DNS rebinding) and an Origin,
 * when sent, must be this host's origin. Returns the refusal, or null when the request may go on.
 */
export function checkRequestOrigin(request: IncomingMessage, port: number): AppErrorData | null {
  const allowed = [`127.0.0.1:${port}`, `localhost:${port}`]
  const host = request.headers.host ?? ''
  const origin = request.headers.origin
  const originHost = origin ? safeHost(origin) : null
  if (
    !allowed.includes(host) ||
    (origin !== undefined && (originHost === null || !allowed.includes(originHost)))
  ) {
    return new AppError({
      code: 'ipc.foreign-origin',
      params: {},
      cause: `host=${host} origin=${origin ?? ''}`,
    }).toData()
  }
  return null
}

function safeHost(origin: string): string | null {
  try {
    const url = new URL(origin)
    return url.protocol === 'http:' ? url.host : null
  } catch {
    return null
  }
}
