import { userResponseSchema } from '@mc/shared'
import { beforeAll, describe, expect, it } from 'vitest'
import {
  makeApiKey,
  makeSignInCookie,
  makeUser,
  sameOriginHeaders,
  TEST_PASSWORD,
} from '../testing/factories.ts'
import { useTestApp } from '../testing/test-app.ts'

const t = useTestApp()
let admin: Record<string, string>

beforeAll(async () => {
  admin = sameOriginHeaders(await makeSignInCookie(t.deps.db, await makeUser(t.deps.db, { role: 'admin' })))
})

const send = (method: string, url: string, body: unknown, headers = admin) =>
  t.app.request(url, { method, headers, body: JSON.stringify(body) })

const login = (username: string, password: string) =>
  t.app.request('/api/auth/login', { method: 'POST', body: JSON.stringify({ username, password }) })

describe('users', () => {
  it('creates a user that can sign in, and refuses a duplicate name in any case', async () => {
    const created = await send('POST', '/api/users', {
      username: 'Ada',
      password: 'analytical-engine',
      role: 'operator',
    })
    expect(created.status).toBe(201)
    const { user } = userResponseSchema.parse(await created.json())
    expect(user).toMatchObject({ username: 'Ada', role: 'operator', disabled: false, last_login_at: null })
    expect(JSON.stringify(user)).not.toMatch(/password|hash/i)
    expect((await login('Ada', 'analytical-engine')).status).toBe(200)
    const duplicate = await send('POST', '/api/users', {
      username: 'ADA',
      password: 'something-else',
      role: 'viewer',
    })
    expect(duplicate.status).toBe(409)
    expect(await duplicate.json()).toEqual({ error: 'a user named "ADA" already exists' })
  })

  it('explains every invalid field', async () => {
    const res = await send('POST', '/api/users', {
      username: 'x',
      password: 'short',
      role: 'root',
      admin: true,
    })
    expect(res.status).toBe(400)
    const body = (await res.json()) as { details: { path: string }[] }
    expect(body.details.map((d) => d.path).sort()).toEqual(['admin', 'password', 'role', 'username'])
  })

  it('changes role, resets a password (ending old sign-ins) and lists users without secrets', async () => {
    const user = await makeUser(t.deps.db)
    const oldSignIn = await makeSignInCookie(t.deps.db, user)
    const res = await send('PATCH', `/api/users/${user.id}`, {
      role: 'operator',
      password: 'brand-new-password',
    })
    expect(res.status).toBe(200)
    expect(userResponseSchema.parse(await res.json()).user.role).toBe('operator')
    expect((await t.app.request('/api/auth/me', { headers: { cookie: oldSignIn } })).status).toBe(401)
    expect((await login(user.username, TEST_PASSWORD)).status).toBe(401)
    expect((await login(user.username, 'brand-new-password')).status).toBe(200)
    const list = await t.app.request('/api/users', { headers: admin })
    const text = await list.text()
    expect(text).toContain(user.username)
    expect(text).not.toMatch(/argon2|password/)
  })

  it('answers unknown and malformed ids, and an empty change, with 404 / 400', async () => {
    expect((await send('PATCH', '/api/users/999999', { role: 'viewer' })).status).toBe(404)
    expect((await send('PATCH', '/api/users/abc', { role: 'viewer' })).status).toBe(400)
    const empty = await send('PATCH', `/api/users/${(await makeUser(t.deps.db)).id}`, {})
    expect(empty.status).toBe(400)
    expect(await empty.json()).toMatchObject({
      details: [{ message: expect.stringContaining('nothing to change') }],
    })
  })
})

describe('the last admin', () => {
  const isolated = useTestApp()

  it('cannot be demoted or disabled, and two admins demoting each other at once leave one admin', async () => {
    const { db } = isolated.deps
    const only = await makeUser(db, { role: 'admin' })
    const onlyHeaders = sameOriginHeaders(await makeSignInCookie(db, only))
    const demote = await isolated.app.request(`/api/users/${only.id}`, {
      method: 'PATCH',
      headers: onlyHeaders,
      body: JSON.stringify({ role: 'viewer' }),
    })
    expect(demote.status).toBe(409)
    expect(await demote.json()).toEqual({
      error: 'there must be at least one enabled admin: make another user admin first',
    })
    const second = await makeUser(db, { role: 'admin' })
    // Two requests racing in the database: authenticated by keys, so neither request's own
    // credentials are ended by the other (that would be a 401, also correct, but not this test).
    const asAdmin = async () => ({ 'x-api-key': (await makeApiKey(db, 'admin')).key })
    const [a, b] = await Promise.all([
      isolated.app.request(`/api/users/${second.id}`, {
        method: 'PATCH',
        headers: await asAdmin(),
        body: JSON.stringify({ disabled: true }),
      }),
      isolated.app.request(`/api/users/${only.id}`, {
        method: 'PATCH',
        headers: await asAdmin(),
        body: JSON.stringify({ role: 'viewer' }),
      }),
    ])
    expect([a.status, b.status].sort()).toEqual([200, 409])
    const admins = await db.query.users.findMany({
      where: (u, { and, eq }) => and(eq(u.role, 'admin'), eq(u.disabled, false)),
    })
    expect(admins).toHaveLength(1)
  })
})
