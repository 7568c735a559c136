import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { isHttps } from './client-ip.ts'
import type { TrustedProxies } from './trusted-proxies.ts'

export const SESSION_COOKIE = 'mc_session'

export function readSessionCookie(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE)
}

/** HttpOnly and SameSite=Strict always; Secure whenever the request came over https. */
export function writeSessionCookie(
  c: Context,
  token: string,
  ttlSeconds: number,
  trustProxy: TrustedProxies,
): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, trustProxy),
    path: '/',
    maxAge: ttlSeconds,
  })
}

export function clearSessionCookie(c: Context, trustProxy: TrustedProxies): void {
  deleteCookie(c, SESSION_COOKIE, {
    path: '/',
    secure: isHttps(c, trustProxy),
    httpOnly: true,
    sameSite: 'Strict',
  })
}
