import { apiKeysResponseSchema, createApiKeyResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeSessionCookie, makeUser, sameOriginHeaders } from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
let admin: Record<string, string>

beforeAll(async () => {
  const user = await makeUser(t.deps.db, { role: 'admin', username: 'keymaster' })
  admin = sameOriginHeaders(await makeSessionCookie(t.deps.db, user))
})

async function createKey(name: string, role = 'operator') {
  const res = await t.app.request('/api/keys', {
    method: 'POST',
    headers: admin,
    body: JSON.stringify({ name, role }),
  })
  expect(res.status).toBe(201)
  return createApiKeyResponseSchema.parse(await res.json())
}

describe('API keys', () => {
  it('shows a new key once; listings carry only its prefix; the key works in both headers', async () => {
    const { api_key, key } = await createKey('ci-runner')
    expect(key).toMatch(/^mc_[\w-]{43}$/)
    expect(api_key).toMatchObject({
      name: 'ci-runner',
      role: 'operator',
      owner: 'keymaster',
      revoked_at: null,
    })
    expect(key.startsWith(api_key.prefix)).toBe(true)
    expect(api_key.prefix.length).toBeLessThan(12)

    const listing = await t.app.request('/api/keys', { headers: admin })
    const text = await listing.text()
    expect(text).not.toContain(key)
    const listed = apiKeysResponseSchema.parse(JSON.parse(text)).api_keys.find((k) => k.id === api_key.id)
    expect(listed?.last_used_at).toBeNull()

    const presentations: Record<string, string>[] = [{ 'x-api-key': key }, { authorization: `Bearer ${key}` }]
    for (const headers of presentations) {
      const me = await t.app.request('/api/auth/me', { headers })
      expect(await me.json()).toMatchObject({
        principal: { kind: 'api_key', id: api_key.id, role: 'operator' },
      })
    }
    const after = apiKeysResponseSchema.parse(
      await (await t.app.request('/api/keys', { headers: admin })).json(),
    )
    expect(after.api_keys.find((k) => k.id === api_key.id)?.last_used_at).toBeGreaterThan(0)
  })

  it('revokes a key for good; revoking again keeps the first revocation', async () => {
    const { api_key, key } = await createKey('short-lived')
    const first = await t.app.request(`/api/keys/${api_key.id}`, { method: 'DELETE', headers: admin })
    expect(first.status).toBe(200)
    const revokedAt = ((await first.json()) as { api_key: { revoked_at: number } }).api_key.revoked_at
    expect(revokedAt).toBeGreaterThan(0)
    const denied = await t.app.request('/api/auth/me', { headers: { 'x-api-key': key } })
    expect(denied.status).toBe(401)
    expect(await denied.json()).toEqual({ error: 'API key revoked' })
    const second = await t.app.request(`/api/keys/${api_key.id}`, { method: 'DELETE', headers: admin })
    expect(((await second.json()) as { api_key: { revoked_at: number } }).api_key.revoked_at).toBe(revokedAt)
    expect((await t.app.request('/api/keys/424242', { method: 'DELETE', headers: admin })).status).toBe(404)
  })

  it('stops working when its owner is disabled', async () => {
    const owner = await makeUser(t.deps.db, { role: 'admin' })
    const ownerHeaders = sameOriginHeaders(await makeSessionCookie(t.deps.db, owner))
    const res = await t.app.request('/api/keys', {
      method: 'POST',
      headers: ownerHeaders,
      body: JSON.stringify({ name: 'owned', role: 'viewer' }),
    })
    const { key } = createApiKeyResponseSchema.parse(await res.json())
    expect((await t.app.request('/api/auth/me', { headers: { 'x-api-key': key } })).status).toBe(200)
    await t.app.request(`/api/users/${owner.id}`, {
      method: 'PATCH',
      headers: admin,
      body: JSON.stringify({ disabled: true }),
    })
    const denied = await t.app.request('/api/auth/me', { headers: { 'x-api-key': key } })
    expect(await denied.json()).toEqual({ error: 'API key owner disabled' })
  })

  it('validates the name and role', async () => {
    const res = await t.app.request('/api/keys', {
      method: 'POST',
      headers: admin,
      body: JSON.stringify({ name: '  ', role: 'superuser' }),
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { details: { path: string }[] }
    expect(body.details.map((d) => d.path).sort()).toEqual(['name', 'role'])
  })
})
