import { schema } from '@mc/db'
import { apiKeysResponseSchema, auditResponseSchema, createApiKeyResponseSchema, type Role } from '@mc/shared'
import { eq } from 'drizzle-orm'
import { beforeAll, describe, expect, it } from 'vitest'
import { makeSignInCookie, makeUser, sameOriginHeaders } from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const AUTOMATION_KEY = 'automation-key-of-the-api-keys-test'
const t = useTestApp({ MC_API_KEY: AUTOMATION_KEY })
let admin: Record<string, string>

beforeAll(async () => {
  const user = await makeUser(t.deps.db, { role: 'admin', username: 'keymaster' })
  admin = sameOriginHeaders(await makeSignInCookie(t.deps.db, user))
})

async function createKey(name: string, role: Role = 'operator', as: Record<string, string> = admin) {
  const res = await t.app.request('/api/keys', {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...as },
    body: JSON.stringify({ name, role }),
  })
  expect(res.status, await res.clone().text()).toBe(201)
  return createApiKeyResponseSchema.parse(await res.json())
}

/** An admin user signed in, and their admin key. */
async function adminWithKey() {
  const owner = await makeUser(t.deps.db, { role: 'admin' })
  const signedIn = sameOriginHeaders(await makeSignInCookie(t.deps.db, owner))
  const { key } = await createKey(`${owner.username}-key`, 'admin', signedIn)
  return { owner, key }
}

const withKey = (key: string) => ({ 'x-api-key': key })
const me = (key: string) => t.app.request('/api/auth/me', { headers: withKey(key) })
/** Listing users is an admin-only thing to do. */
const listUsers = (key: string) => t.app.request('/api/users', { headers: withKey(key) })

async function patchUser(id: number, patch: { role?: Role; disabled?: boolean }) {
  const res = await t.app.request(`/api/users/${id}`, {
    method: 'PATCH',
    headers: admin,
    body: JSON.stringify(patch),
  })
  expect(res.status).toBe(200)
}

async function creationRecord(keyId: number) {
  const res = await t.app.request('/api/audit?action=api_key.create&limit=200', { headers: admin })
  const { entries } = auditResponseSchema.parse(await res.json())
  return entries.find((entry) => entry.target?.endsWith(`#${keyId}`))
}

describe('API keys', () => {
  it('shows a new key once; listings carry only its prefix; the key works in both headers', async () => {
    const { api_key, key } = await createKey('ci-runner')
    expect(key).toMatch(/^mc_[\w-]{43}$/)
    expect(api_key).toMatchObject({
      name: 'ci-runner',
      role: 'operator',
      owner: 'keymaster',
      automation: false,
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

  it("acts with at most its owner's current role, from the moment it changes", async () => {
    const { owner, key } = await adminWithKey()
    expect((await listUsers(key)).status).toBe(200)
    await patchUser(owner.id, { role: 'operator' })
    expect((await listUsers(key)).status).toBe(403)
    expect(await (await me(key)).json()).toMatchObject({ principal: { kind: 'api_key', role: 'operator' } })
    // Nor can it make itself an admin key.
    const minting = await t.app.request('/api/keys', {
      method: 'POST',
      headers: withKey(key),
      body: JSON.stringify({ name: 'escape', role: 'admin' }),
    })
    expect(minting.status).toBe(403)
    await patchUser(owner.id, { role: 'admin' })
    expect((await listUsers(key)).status).toBe(200)
    // A key never outranks its own role either.
    const signedIn = sameOriginHeaders(await makeSignInCookie(t.deps.db, owner))
    const { key: viewerKey } = await createKey('read-only', 'viewer', signedIn)
    expect(await (await me(viewerKey)).json()).toMatchObject({ principal: { role: 'viewer' } })
  })

  it('stops working when its owner is disabled, and works again when they are enabled', async () => {
    const { owner, key } = await adminWithKey()
    expect((await me(key)).status).toBe(200)
    await patchUser(owner.id, { disabled: true })
    const denied = await me(key)
    expect(denied.status).toBe(401)
    expect(await denied.json()).toEqual({ error: 'API key owner disabled' })
    await patchUser(owner.id, { disabled: false })
    expect((await me(key)).status).toBe(200)
  })

  it('makes a key created by a key belong to the same owner, so both stop with the owner', async () => {
    const { owner, key } = await adminWithKey()
    const child = await createKey('made-by-a-key', 'admin', withKey(key))
    expect(child.api_key).toMatchObject({ owner: owner.username, automation: false, role: 'admin' })
    const grandchild = await createKey('made-by-its-key', 'admin', withKey(child.key))
    expect(grandchild.api_key).toMatchObject({ owner: owner.username, automation: false })
    expect((await creationRecord(child.api_key.id))?.detail).toMatchObject({
      owner: owner.username,
      automation: false,
    })
    for (const k of [key, child.key, grandchild.key]) expect((await listUsers(k)).status).toBe(200)

    await patchUser(owner.id, { role: 'viewer' })
    for (const k of [key, child.key, grandchild.key]) expect((await listUsers(k)).status).toBe(403)
    await patchUser(owner.id, { disabled: true })
    for (const k of [key, child.key, grandchild.key]) expect((await me(k)).status).toBe(401)
  })

  it('refuses a key whose owner was deleted', async () => {
    const { owner, key } = await adminWithKey()
    // No route deletes users; the row keeps the key for the record, without an owner.
    await t.deps.db.delete(schema.users).where(eq(schema.users.id, owner.id))
    const denied = await me(key)
    expect(denied.status).toBe(401)
    expect(await denied.json()).toEqual({ error: 'API key has no owner' })
  })

  it('lets the MC_API_KEY automation key create ownerless keys, and says so in the audit log', async () => {
    const made = await createKey('automation-made', 'operator', withKey(AUTOMATION_KEY))
    expect(made.api_key).toMatchObject({ owner: null, automation: true, role: 'operator' })
    expect(await (await me(made.key)).json()).toMatchObject({
      principal: { kind: 'api_key', id: made.api_key.id, role: 'operator' },
    })
    expect(await creationRecord(made.api_key.id)).toMatchObject({
      actor: 'env-key',
      detail: { role: 'operator', owner: null, automation: true },
    })
    // An automation key's keys are the automation's too.
    const admins = await createKey('automation-admin', 'admin', withKey(AUTOMATION_KEY))
    const second = await createKey('made-by-automation-key', 'viewer', withKey(admins.key))
    expect(second.api_key).toMatchObject({ owner: null, automation: true })
    expect((await me(second.key)).status).toBe(200)
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
