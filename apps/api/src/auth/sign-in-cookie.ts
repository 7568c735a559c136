import type { Context } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { isHttps } from './client-ip.ts'
import type { TrustedProxies } from './trusted-proxies.ts'

/** The cookie's name predates the word sign-in; browsers holding one stay signed in. */
export const SIGN_IN_COOKIE = 'mc_session'

export function readSignInCookie(c: Context): string | undefined {
  return getCookie(c, SIGN_IN_COOKIE)
}

/** HttpOnly and SameSite=Strict always; Secure whenever the request came over https. */
export function writeSignInCookie(
  c: Context,
  token: string,
  ttlSeconds: number,
  trustProxy: TrustedProxies,
): void {
  setCookie(c, SIGN_IN_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Strict',
    secure: isHttps(c, trustProxy),
    path: '/',
    maxAge: ttlSeconds,
  })
}

export function clearSignInCookie(c: Context, trustProxy: TrustedProxies): void {
  deleteCookie(c, SIGN_IN_COOKIE, {
    path: '/',
    secure: isHttps(c, trustProxy),
    httpOnly: true,
    sameSite: 'Strict',
  })
}
