/**
 * Who may use the web host. 127.0.0.1 is not private: every program and every user of the machine
 * can connect to it, and the API reads the whole register (backup.read). So, like Jupyter, each run
 * has a random token, printed in the address the host shows. Opening that address swaps the token
 * for an HttpOnly, SameSite=Strict cookie and redirects to the same page without it, so the token
 * neither stays in the address bar nor reaches the page's scripts. Every other request, the static
 * files included, needs the cookie.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import { AppError, type AppErrorData } from '@shared/errors'

/** What a token given from outside (OCOP_WEB_TOKEN) must look like: URL-safe, long enough. */
export const ACCESS_TOKEN_PATTERN = /^[A-Za-z0-9_-]{32,128}$/

/** 256 random bits, URL-safe. */
export function newAccessToken(): string {
  return randomBytes(32).toString('base64url')
}

/** The address to open: the host's page with the token. */
export function addressWithToken(origin: string, token: string): string {
  return `${origin}/?token=${token}`
}

// Cookies belong to a host name, not to a port: two hosts on 127.0.0.1 need two cookie names.
const cookieName = (port: number) => `ocop-desk-${port}`

/** The Set-Cookie value that lets this browser in for this run (a session cookie). */
export function accessCookie(port: number, token: string): string {
  return `${cookieName(port)}=${token}; HttpOnly; SameSite=Strict; Path=/`
}

/** Compares in constant time, so the answer's timing says nothing about the token. */
export function tokensMatch(offered: string, token: string): boolean {
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest()
  return timingSafeEqual(digest(offered), digest(token))
}

/** True when the request carries this run's cookie. */
export function hasAccessCookie(request: IncomingMessage, port: number, token: string): boolean {
  const wanted = `${cookieName(port)}=`
  const offered = (request.headers.cookie ?? '')
    .split(';')
    .map((part) => part.trim())
    .find((part) => part.startsWith(wanted))
  return offered !== undefined && tokensMatch(offered.slice(wanted.length), token)
}

/** The API's answer to a call without the cookie. */
export const NO_ACCESS_ERROR: AppErrorData = new AppError({
  code: 'ipc.no-access',
  params: {},
}).toData()

/** The page shown to a browser without the cookie: how to get in, and nothing else. */
export const NO_ACCESS_PAGE = `<!doctype html>
<html lang="vi"><meta charset="utf-8"><title>OCOP Desk (web): cần mã truy cập</title>
<body style="font-family: sans-serif; max-width: 40em; margin: 4em auto; line-height: 1.5">
<h1>Cần mã truy cập</h1>
<p>${NO_ACCESS_ERROR.message}</p>
</body></html>
`
