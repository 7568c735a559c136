import { loginResponseSchema, meResponseSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { makeSignInCookie, makeUser, sameOriginHeaders, TEST_PASSWORD } from '../../testing/factories.ts'
import { login, signInCookie } from '../../testing/sign-in.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()

describe('POST /api/auth/login', () => {
  it('signs in (username case-insensitive) with an HttpOnly, SameSite=Strict cookie', async () => {
    const user = await makeUser(t.deps.db, { role: 'operator', username: 'Grace' })
    const res = await login(t.app, 'grace', TEST_PASSWORD)
    expect(res.status).toBe(200)
    const body = loginResponseSchema.parse(await res.json())
    expect(body.user).toMatchObject({ id: user.id, username: 'Grace', role: 'operator', disabled: false })
    expect(body.user.last_login_at).toBeGreaterThan(0)
    const cookie = res.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/HttpOnly/)
    expect(cookie).toMatch(/SameSite=Strict/)
    expect(cookie).toMatch(/Path=\//)
    expect(cookie).not.toMatch(/Secure/)

    const me = await t.app.request('/api/auth/me', { headers: { cookie: signInCookie(res) } })
    expect(meResponseSchema.parse(await me.json())).toMatchObject({
      principal: { kind: 'user', id: user.id, name: 'Grace', role: 'operator' },
      user: { username: 'Grace' },
    })
  })

  it('marks the cookie Secure when the request came over https', async () => {
    const user = await makeUser(t.deps.db)
    const res = await login(t.app, user.username, TEST_PASSWORD, 'https://mc.example/api/auth/login')
    expect(res.headers.get('set-cookie')).toMatch(/Secure/)
  })

  it('answers a wrong password and an unknown user the same way, and audits both', async () => {
    const user = await makeUser(t.deps.db)
    const wrong = await login(t.app, user.username, 'not the password')
    const unknown = await login(t.app, 'nobody-here', 'whatever')
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

  it('refuses a disabled account even with the right password, and ends its sign-ins when disabled', async () => {
    const admin = await makeUser(t.deps.db, { role: 'admin' })
    const adminCookie = await makeSignInCookie(t.deps.db, admin)
    const user = await makeUser(t.deps.db)
    const cookie = signInCookie(await login(t.app, user.username, TEST_PASSWORD))
    const disable = await t.app.request(`/api/users/${user.id}`, {
      method: 'PATCH',
      headers: sameOriginHeaders(adminCookie),
      body: JSON.stringify({ disabled: true }),
    })
    expect(disable.status).toBe(200)
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401)
    const again = await login(t.app, user.username, TEST_PASSWORD)
    expect(again.status).toBe(401)
    expect(await again.json()).toEqual({ error: 'this account is disabled' })
  })
})
