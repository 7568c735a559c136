import type { Hono } from 'hono'
import { expect } from 'vitest'

/** `POST /api/auth/login` as the web app sends it. */
export function login(
  app: Pick<Hono, 'request'>,
  username: string,
  password: string,
  url = '/api/auth/login',
) {
  return app.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
}

/** The `name=value` of the sign-in cookie a response sets, checked to be one. */
export function signInCookie(res: Response): string {
  const cookie = res.headers.get('set-cookie') ?? ''
  const pair = cookie.split(';')[0] ?? ''
  expect(pair).toMatch(/^mc_session=[\w-]{40,}$/)
  return pair
}
