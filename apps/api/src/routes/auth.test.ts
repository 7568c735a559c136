import { loginResponseSchema, meResponseSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import {
  makeApiKey,
  makeSessionCookie,
  makeUser,
  sameOriginHeaders,
  TEST_PASSWORD,
} from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()

function login(username: string, password: string, url = '/api/auth/login') {
  return t.app.request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password }),
  })
}

function sessionCookie(res: Response): string {
  const cookie = res.headers.get('set-cookie') ?? ''
  const pair = cookie.split(';')[0] ?? ''
  expect(pair).toMatch(/^mc_session=[\w-]{40,}$/)
  return pair
}

describe('sign-in with a session cookie', () => {
  it('signs in (username case-insensitive) with an HttpOnly, SameSite=Strict cookie', async () => {
    const user = await makeUser(t.deps.db, { role: 'operator', username: 'Grace' })
    const res = await login('grace', TEST_PASSWORD)
    expect(res.status).toBe(200)
    const body = loginResponseSchema.parse(await res.json())
    expect(body.user).toMatchObject({ id: user.id, username: 'Grace', role: 'operator', disabled: false })
    expect(body.user.last_login_at).toBeGreaterThan(0)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).not.toMatch(/Secure/)

    const me = await t.app.request('/api/auth/me', { headers: { cookie: sessionCookie(res) } })
    expect(meResponseSchema.parse(await me.json())).toMatchObject({
      principal: { kind: 'user', id: user.id, name: 'Grace', role: 'operator' },
      user: { username: 'Grace' },
    })
  })

  it('marks the cookie Secure when the request came over https', async () => {
    const user = await makeUser(t.deps.db)
    const res = await login(user.username, TEST_PASSWORD, 'https://mc.example/api/auth/login')
    expect(res.headers.get('set-cookie')).toMatch(/Secure/)
  })

  it('answers a wrong password and an unknown user the same way, and audits both', async () => {
    const user = await makeUser(t.deps.db)
    const wrong = await login(user.username, 'not the password')
    const unknown = await login('nobody-here', 'whatever')
    expect(wrong.status).toBe(401)
    expect(unknown.status).toBe(401)
    expect(await wrong.json()).toEqual({ error: 'invalid username or password' })
    expect(await unknown.json()).toEqual({ error: 'invalid username or password' })
    expect(wrong.headers.get('set-cookie')).toBeNull()
    const audit = await t.deps.db.query.auditLog.findMany({
      where: (a, { eq }) => eq(a.action, 'auth.login_failed'),
    })
    expect(audit.map((a) => a.detail)).toEqual(
      expect.arrayContaining([{ reason: 'wrong password' }, { reason: 'unknown user' }]),
    )
  })

  it('rejects a malformed body with field details', async () => {
    const res = await t.app.request('/api/auth/login', {
      method: 'POST',
      body: '{"username":1,"extra":true}',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: 'invalid request body',
      details: expect.arrayContaining([
        expect.objectContaining({ path: 'username' }),
        expect.objectContaining({ path: 'password' }),
        { path: 'extra', message: 'unknown field' },
      ]),
    })
  })

  it('signs out: the session stops working and the cookie is cleared', async () => {
    const user = await makeUser(t.deps.db)
    const cookie = sessionCookie(await login(user.username, TEST_PASSWORD))
    const out = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: sameOriginHeaders(cookie),
    })
    expect(out.status).toBe(200)
    expect(out.headers.get('set-cookie')).toMatch(/mc_session=;.*Max-Age=0/)
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401)
  })

  it('refuses a disabled account even with the right password, and ends its sessions when disabled', async () => {
    const admin = await makeUser(t.deps.db, { role: 'admin' })
    const adminCookie = await makeSessionCookie(t.deps.db, admin)
    const user = await makeUser(t.deps.db)
    const cookie = sessionCookie(await login(user.username, TEST_PASSWORD))
    const disable = await t.app.request(`/api/users/${user.id}`, {
      method: 'PATCH',
      headers: sameOriginHeaders(adminCookie),
      body: JSON.stringify({ disabled: true }),
    })
    expect(disable.status).toBe(200)
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401)
    const again = await login(user.username, TEST_PASSWORD)
    expect(again.status).toBe(401)
    expect(await again.json()).toEqual({ error: 'this account is disabled' })
  })
})

describe('cross-site request protection', () => {
  it('refuses cookie-authenticated changes without a same-origin Origin, but not reads or API keys', async () => {
    const admin = await makeUser(t.deps.db, { role: 'admin' })
    const cookie = await makeSessionCookie(t.deps.db, admin)
    const body = JSON.stringify({ name: 'from-elsewhere', role: 'viewer' })
    const noOrigin = await t.app.request('/api/keys', { method: 'POST', headers: { cookie }, body })
    const foreign = await t.app.request('/api/keys', {
      method: 'POST',
      headers: { cookie, origin: 'https://evil.example' },
      body,
    })
    expect(noOrigin.status).toBe(403)
    expect(foreign.status).toBe(403)
    expect(await foreign.json()).toMatchObject({
      error: expect.stringContaining('cross-site request refused'),
    })
    expect((await t.app.request('/api/keys', { headers: { cookie } })).status).toBe(200)
    const same = await t.app.request('/api/keys', {
      method: 'POST',
      headers: sameOriginHeaders(cookie),
      body,
    })
    expect(same.status).toBe(201)
    const { key } = await makeApiKey(t.deps.db, 'admin')
    const withKey = await t.app.request('/api/keys', { method: 'POST', headers: { 'x-api-key': key }, body })
    expect(withKey.status).toBe(201)
  })
})

describe('MC_API_KEY', () => {
  const withEnvKey = useTestApp({ MC_API_KEY: 'automation-key-0123456789abcdef' })

  it('acts as admin through either header, and a near miss is rejected', async () => {
    const me = await withEnvKey.app.request('/api/auth/me', {
      headers: { authorization: 'Bearer automation-key-0123456789abcdef' },
    })
    expect(await me.json()).toEqual({
      principal: { kind: 'env_key', id: null, name: 'MC_API_KEY', role: 'admin' },
      user: null,
    })
    const users = await withEnvKey.app.request('/api/users', {
      headers: { 'x-api-key': 'automation-key-0123456789abcdef' },
    })
    expect(users.status).toBe(200)
    const wrong = await withEnvKey.app.request('/api/users', {
      headers: { 'x-api-key': 'automation-key-0123456789abcdeF' },
    })
    expect(wrong.status).toBe(401)
  })
})
