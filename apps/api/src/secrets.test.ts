import { schema } from '@mc/db'
import { createApiKeyResponseSchema } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { makeUser, TEST_PASSWORD } from './testing/factories.ts'
import { useTestApp } from './testing/test-app.ts'

const t = useTestApp()

describe('secrets', () => {
  it('never show up in logs, audit entries or responses (except the one-time key display)', async () => {
    const admin = await makeUser(t.deps.db, { role: 'admin' })
    const responses: string[] = []
    const call = async (url: string, init: RequestInit = {}) => {
      const res = await t.app.request(url, init)
      const text = await res.text()
      responses.push(text, JSON.stringify([...res.headers].filter(([name]) => name !== 'set-cookie')))
      return { res, text }
    }
    const login = await call('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: admin.username, password: TEST_PASSWORD }),
    })
    const sessionToken = (login.res.headers.get('set-cookie') ?? '').match(/mc_session=([^;]+)/)?.[1] ?? ''
    expect(sessionToken.length).toBeGreaterThan(30)
    const headers = { cookie: `mc_session=${sessionToken}`, origin: 'http://localhost' }
    await call('/api/auth/login', {
      method: 'POST',
      body: JSON.stringify({ username: admin.username, password: 'typo-secret-pw' }),
    })

    const created = await t.app.request('/api/keys', {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'leak-check', role: 'operator' }),
    })
    const { key } = createApiKeyResponseSchema.parse(await created.json())
    await call('/api/auth/me', { headers: { 'x-api-key': key } })
    await call('/api/auth/me', { headers: { authorization: `Bearer ${key}x` } })
    await call('/api/keys', { headers })
    await call('/api/users', {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: 'newbie', password: 'newbie-password-1', role: 'viewer' }),
    })
    await call('/api/audit?limit=200', { headers })
    await call('/api/auth/logout', { method: 'POST', headers })

    const audit = JSON.stringify(await t.deps.db.select().from(schema.auditLog))
    const haystacks = { logs: t.logs.join('\n'), audit, responses: responses.join('\n') }
    for (const [where, text] of Object.entries(haystacks)) {
      for (const secret of [TEST_PASSWORD, 'typo-secret-pw', 'newbie-password-1', key, sessionToken]) {
        expect(text.includes(secret), `${where} contains a secret`).toBe(false)
      }
    }
    expect(t.logs.length).toBeGreaterThan(5)
  })
})
