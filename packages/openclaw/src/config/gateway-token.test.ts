import { afterEach, describe, expect, it } from 'vitest'
import { connectGateway } from '../client/connect.ts'
import type { GatewayClient } from '../client/gateway-client.ts'
import { GatewayError } from '../client/gateway-error.ts'
import { grantedScopes } from '../client/granted-scopes.ts'
import type { FakeGateway } from '../fake/index.ts'
import { useFakeGateways } from '../testing/fake-gateways.ts'
import { readConfigHash } from './config-hash.ts'
import { patchGatewayToken, replaceGatewayToken } from './gateway-token.ts'
import { TokenPatchError } from './token-patch-error.ts'

const OLD = 'old-shared-token-1234567890'
const NEW = 'new-shared-token-0987654321'
const ADMIN = ['operator.read', 'operator.admin']

const startFake = useFakeGateways(OLD)
const clients: GatewayClient[] = []
afterEach(() => Promise.all(clients.splice(0).map((client) => client.close())))

async function connect(fake: FakeGateway, scopes: readonly string[] = ADMIN, token = OLD) {
  const client = await connectGateway(fake.target({ token }), { clientVersion: 'test', scopes })
  clients.push(client)
  return client
}

function requests(fake: FakeGateway, method: string) {
  return fake.records.requests.filter((request) => request.method === method)
}

/** The rejection of `promise`, which must reject. */
async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (error: unknown) => error,
  )
}

describe('gateway token helpers', () => {
  it('reads only the config hash', async () => {
    const fake = await startFake()
    const client = await connect(fake, ['operator.read'])
    expect(await readConfigHash(client)).toBe(fake.configHash)
  })

  it('replaces the token: the answer comes before the gateway drops the connection with 4001', async () => {
    const fake = await startFake()
    const client = await connect(fake)
    expect(grantedScopes(client)).toEqual(ADMIN)

    expect(await replaceGatewayToken(client, NEW)).toEqual({ changedPaths: ['gateway.auth.token'] })
    expect(await client.closed).toMatchObject({ code: 4001, reason: 'gateway auth changed' })
    expect(fake.token).toBe(NEW)
    expect(requests(fake, 'config.patch')[0]?.params).toEqual({
      raw: JSON.stringify({ gateway: { auth: { token: NEW } } }),
      baseHash: expect.stringMatching(/^hmac-sha256:v1:/),
    })
    await connect(fake, ['operator.read'], NEW)
    const old = await failure(connect(fake, ['operator.read'], OLD))
    expect(old).toMatchObject({ detailsCode: 'AUTH_TOKEN_MISMATCH' })
  })

  it('tells before trying that admin was not granted, and classifies the refusal as no_admin_scope', async () => {
    const fake = await startFake()
    fake.setAdminAllowed(false)
    const client = await connect(fake)
    expect(grantedScopes(client)).toEqual(['operator.read'])

    const error = await failure(replaceGatewayToken(client, NEW))
    expect(error).toBeInstanceOf(TokenPatchError)
    expect(error).toMatchObject({
      kind: 'no_admin_scope',
      code: 'FORBIDDEN',
      gatewayMessage: 'missing scope: operator.admin',
    })
    expect(fake.token).toBe(OLD)
    expect(client.isOpen).toBe(true)
  })

  it('retries once with a fresh hash when the config changed in between', async () => {
    const fake = await startFake()
    const client = await connect(fake)
    fake.changeConfigBeforeNextPatch()
    expect(await replaceGatewayToken(client, NEW)).toEqual({ changedPaths: ['gateway.auth.token'] })
    expect(fake.token).toBe(NEW)
    const [first, second] = requests(fake, 'config.patch').map((request) => request.params)
    expect(second).toMatchObject({ baseHash: expect.any(String) })
    expect(second).not.toEqual(first)
    expect(requests(fake, 'config.get')).toHaveLength(2)
  })

  it('gives up as stale_hash when the config changed again before the retry', async () => {
    const fake = await startFake()
    const client = await connect(fake)
    fake.changeConfigBeforeNextPatch()
    fake.changeConfigBeforeNextPatch()
    const error = await failure(replaceGatewayToken(client, NEW))
    expect(error).toMatchObject({ kind: 'stale_hash', code: 'INVALID_REQUEST' })
    expect((error as TokenPatchError).gatewayMessage).toContain('config changed since last load')
    expect(requests(fake, 'config.patch')).toHaveLength(2)
    expect(fake.token).toBe(OLD)
  })

  it('does not retry a patch refused for another reason, and never repeats the token', async () => {
    const fake = await startFake()
    const client = await connect(fake)
    fake.refuseNextPatch(`invalid config: gateway.auth.token "${NEW}" is not allowed`)
    const error = await failure(replaceGatewayToken(client, NEW))
    expect(error).toMatchObject({
      kind: 'refused',
      gatewayMessage: 'invalid config: gateway.auth.token "[redacted]" is not allowed',
    })
    expect(requests(fake, 'config.patch')).toHaveLength(1)
    const shown = [String(error), (error as Error).stack, JSON.stringify(error)].join('\n')
    expect(shown).toContain('[redacted]')
    expect(shown).not.toContain(NEW)
    expect(fake.token).toBe(OLD)
  })

  it('classifies a patch with an explicit stale hash, and passes other failures on as they are', async () => {
    const fake = await startFake()
    const client = await connect(fake)
    const error = await failure(patchGatewayToken(client, { token: NEW, baseHash: 'hmac-sha256:v1:old' }))
    expect(error).toMatchObject({ kind: 'stale_hash' })

    await client.close()
    const closed = await failure(patchGatewayToken(client, { token: NEW, baseHash: fake.configHash }))
    expect(closed).toBeInstanceOf(GatewayError)
    expect(closed).not.toBeInstanceOf(TokenPatchError)
  })
})
