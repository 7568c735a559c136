import { describe, expect, it } from 'vitest'
import { makeUser, sameOriginHeaders, TEST_PASSWORD } from '../../testing/factories.ts'
import { login, signInCookie } from '../../testing/sign-in.ts'
import { useTestApp } from '../../testing/test-app.ts'

const t = useTestApp()

describe('POST /api/auth/logout', () => {
  it('signs out: the sign-in stops working and the cookie is cleared', async () => {
    const user = await makeUser(t.deps.db)
    const cookie = signInCookie(await login(t.app, user.username, TEST_PASSWORD))
    const out = await t.app.request('/api/auth/logout', {
      method: 'POST',
      headers: sameOriginHeaders(cookie),
    })
    expect(out.status).toBe(200)
    expect(out.headers.get('set-cookie')).toMatch(/mc_session=;.*Max-Age=0/)
    expect((await t.app.request('/api/auth/me', { headers: { cookie } })).status).toBe(401)
  })
})
