import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectParams, type RawClient, rawConnect, rawRequest } from '../testing/raw-client.ts'
import { type FakeGateway, startFakeGateway } from './fake-gateway.ts'

const OLD = 'old-shared-token-1234567890'
const NEW = 'new-shared-token-0987654321'
const ADMIN = ['operator.read', 'operator.admin']
const STALE = {
  code: 'INVALID_REQUEST',
  message: 'config changed since last load; re-run config.get and retry',
}

let fake: FakeGateway
const clients: RawClient[] = []

async function login(scopes = ADMIN, params: Record<string, unknown> = {}) {
  const { client, answer } = await rawConnect(fake.url, connectParams(fake.token, { scopes, ...params }))
  expect(answer.ok).toBe(true)
  clients.push(client)
  return { client, granted: answer.payload.auth.scopes as string[] }
}

async function configHash(client: RawClient) {
  return (await rawRequest(client, 'get', 'config.get')).payload.hash as string
}

function patchParams(baseHash: string, token = NEW) {
  return { raw: JSON.stringify({ gateway: { auth: { token } } }), baseHash }
}

beforeEach(async () => {
  fake = await startFakeGateway({ token: OLD })
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  await fake.stop()
})

describe('fake gateway config', () => {
  it('config.get answers the hash and the config with the token redacted (operator.read)', async () => {
    const { client } = await login(['operator.read'])
    const answer = await rawRequest(client, 'g', 'config.get')
    expect(answer.payload).toMatchObject({
      hash: expect.stringMatching(/^hmac-sha256:v1:[\w-]{43}$/),
      valid: true,
      config: { gateway: { mode: 'local', auth: { mode: 'token', token: '__OPENCLAW_REDACTED__' } } },
    })
    expect(answer.payload.hash).toBe(fake.configHash)
    expect(JSON.stringify(answer)).not.toContain(OLD)
  })

  it('takes a new token from config.patch: answers first, then closes shared-token logins with 4001', async () => {
    const { client: admin } = await login()
    const { client: reader } = await login(['operator.read'])
    const device = { id: 'dev-1', publicKey: 'pk', signature: 'sig', signedAt: Date.now(), nonce: 'n' }
    const { client: deviceClient } = await login(['operator.read'], { device, auth: { deviceToken: 'dt' } })
    const before = await configHash(admin)

    admin.send({ type: 'req', id: 'p', method: 'config.patch', params: patchParams(before) })
    const answer = await admin.next((frame) => frame?.id === 'p')
    expect(answer).toMatchObject({
      ok: true,
      payload: {
        ok: true,
        changedPaths: ['gateway.auth.token'],
        config: { gateway: { auth: { token: '__OPENCLAW_REDACTED__' } } },
        sentinel: { payload: { kind: 'config-patch', status: 'ok', stats: { requiresRestart: false } } },
      },
    })
    expect(answer.payload.hash).not.toBe(before)
    expect(JSON.stringify(answer)).not.toContain(NEW)
    const gone = { code: 4001, reason: 'gateway auth changed' }
    expect(await admin.closed).toEqual(gone)
    expect(await reader.closed).toEqual(gone)
    expect(await deviceClient.next((frame) => frame?.event === 'config.changed')).toMatchObject({
      payload: { hash: answer.payload.hash },
    })

    expect(fake.token).toBe(NEW)
    const stale = await rawConnect(fake.url, connectParams(OLD))
    expect(stale.answer.error.details.code).toBe('AUTH_TOKEN_MISMATCH')
    await stale.client.close()
    await login(['operator.read'])
  })

  it('closes shared-token logins with 4001 when the owner changes the token in the file', async () => {
    const { client } = await login(['operator.read'])
    const before = fake.configHash
    fake.setToken(NEW)
    expect(await client.closed).toEqual({ code: 4001, reason: 'gateway auth changed' })
    expect(fake.configHash).not.toBe(before)
    await login(['operator.read'])
  })

  it('wants operator.admin for config.patch, and grants it only when allowed', async () => {
    const { client: reader } = await login(['operator.read', 'operator.write'])
    expect((await rawRequest(reader, 'p', 'config.patch', patchParams(fake.configHash))).error).toEqual({
      code: 'FORBIDDEN',
      message: 'missing scope: operator.admin',
      details: { code: 'MISSING_SCOPE', missingScope: 'operator.admin', requiredScopes: ['operator.admin'] },
    })

    fake.setAdminAllowed(false)
    const { client, granted } = await login()
    expect(granted).toEqual(['operator.read'])
    const answer = await rawRequest(client, 'p', 'config.patch', patchParams(await configHash(client)))
    expect(answer.error.details.missingScope).toBe('operator.admin')
    expect(fake.token).toBe(OLD)
  })

  it('refuses a stale or missing baseHash and keeps the token', async () => {
    const { client } = await login()
    const hash = await configHash(client)
    fake.changeConfigBeforeNextPatch()
    expect((await rawRequest(client, 'p1', 'config.patch', patchParams(hash))).error).toEqual(STALE)
    expect((await rawRequest(client, 'p2', 'config.patch', patchParams(hash))).error).toEqual(STALE)
    const { raw } = patchParams(hash)
    expect((await rawRequest(client, 'p3', 'config.patch', { raw })).error).toEqual({
      code: 'INVALID_REQUEST',
      message: 'config base hash required for gateway.auth.token; re-run config.get and retry with baseHash',
    })
    expect(fake.token).toBe(OLD)

    const fresh = await configHash(client)
    expect(fresh).not.toBe(hash)
    expect((await rawRequest(client, 'p4', 'config.patch', patchParams(fresh))).ok).toBe(true)
  })

  it('refuses the next patch when told to, then takes the one after', async () => {
    const { client } = await login()
    fake.refuseNextPatch('invalid config: gateway.auth.token: too short')
    const refused = await rawRequest(client, 'p1', 'config.patch', patchParams(await configHash(client)))
    expect(refused.error).toEqual({
      code: 'INVALID_REQUEST',
      message: 'invalid config: gateway.auth.token: too short',
    })
    expect(fake.token).toBe(OLD)
    const taken = await rawRequest(client, 'p2', 'config.patch', patchParams(await configHash(client)))
    expect(taken.ok).toBe(true)
    expect(fake.token).toBe(NEW)
  })

  it('merges other settings without touching the token or closing anyone', async () => {
    const { client } = await login()
    const raw = JSON.stringify({ gateway: { tailscale: { mode: 'serve' } } })
    const answer = await rawRequest(client, 'p', 'config.patch', { raw, baseHash: await configHash(client) })
    expect(answer.payload.changedPaths).toEqual(['gateway.tailscale.mode'])
    expect(await client.next((frame) => frame?.event === 'config.changed')).toMatchObject({
      payload: { hash: answer.payload.hash },
    })
    expect(fake.token).toBe(OLD)
    const empty = await rawRequest(client, 'e', 'config.patch', {
      raw: JSON.stringify({ gateway: { auth: { token: '' } } }),
      baseHash: await configHash(client),
    })
    expect(empty.error.code).toBe('INVALID_REQUEST')
    expect((await rawRequest(client, 'j', 'config.patch', { raw: '[1]', baseHash: 'x' })).error.code).toBe(
      'INVALID_REQUEST',
    )
  })
})
