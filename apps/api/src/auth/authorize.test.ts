import { describe, expect, it } from 'vitest'
import { makeApiKey, makeSignInCookie, makeUser, sameOriginHeaders } from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()

describe('cross-site request protection', () => {
  it('refuses cookie-authenticated changes without a same-origin Origin, but not reads or API keys', async () => {
    const admin = await makeUser(t.deps.db, { role: 'admin' })
    const cookie = await makeSignInCookie(t.deps.db, admin)
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
