import { afterEach, describe, expect, it } from 'vitest'
import { connectGateway } from '../client/connect.ts'
import type { GatewayEvent } from '../client/frame-channel.ts'
import type { GatewayClient } from '../client/gateway-client.ts'
import { subscribeSessions } from '../sessions/list-sessions.ts'
import { parseSessionsChanged } from '../sessions/sessions-changed.ts'
import { useFakeGateways } from '../testing/fake-gateways.ts'
import type { FakeGateway } from './fake-gateway.ts'

const startFake = useFakeGateways()
const clients: GatewayClient[] = []
afterEach(() => Promise.all(clients.splice(0).map((client) => client.close())))

/** A client that keeps its `sessions.changed` payloads and can wait for the next one. */
async function watch(fake: FakeGateway, scopes = ['operator.read']) {
  const received: unknown[] = []
  let wake = () => {}
  const onEvent = ({ event, payload }: GatewayEvent) => {
    if (event !== 'sessions.changed') return
    received.push(payload)
    wake()
  }
  const client = await connectGateway(fake.target(), { clientVersion: 'test', scopes, onEvent })
  clients.push(client)
  let taken = 0
  const next = async () => {
    while (received.length <= taken) await new Promise<void>((resolve) => (wake = resolve))
    return parseSessionsChanged(received[taken++])
  }
  return { client, received, next }
}

describe('fake gateway sessions', () => {
  it('sends sessions.changed only to connections that subscribed', async () => {
    const fake = await startFake()
    const subscribed = await watch(fake)
    const plain = await watch(fake)
    await subscribeSessions(subscribed.client)

    const { key } = fake.createSession({ label: 'watched' })
    expect(await subscribed.next()).toEqual({
      type: 'row',
      row: expect.objectContaining({ key, agentId: 'main', label: 'watched', runStatus: null }),
    })
    // The event went out before this answer on the same socket: had it been sent, it would be here.
    await plain.client.request('health')
    expect(plain.received).toEqual([])
  })

  it('announces create (RPC too), run start, run end, activity and reloads with the real shapes', async () => {
    const fake = await startFake()
    const { client, next } = await watch(fake, ['operator.write'])
    await subscribeSessions(client)
    const created = (await client.request('sessions.create', { label: 'rpc' })) as { key: string }
    expect(await next()).toMatchObject({ type: 'row', row: { key: created.key, label: 'rpc' } })

    const startedAt = Date.now() - 10 * 60_000
    const { runId } = fake.startRun(created.key, { at: startedAt })
    expect(await next()).toMatchObject({
      type: 'row',
      row: { runStatus: 'running', hasActiveRun: true, startedAt, updatedAt: startedAt },
    })
    fake.endRun(created.key, { inputTokens: 200, outputTokens: 10, costUsd: 0.5 })
    expect(await next()).toMatchObject({
      type: 'row',
      row: {
        runStatus: 'done',
        hasActiveRun: false,
        inputTokens: 200,
        outputTokens: 10,
        estimatedCostUsd: 0.5,
      },
    })
    const ended = fake.sessionRows()[0]
    expect(ended).toMatchObject({ key: created.key, lastRunId: runId, activeRunIds: [] })
    expect(ended?.runtimeMs).toBeGreaterThan(0)

    fake.touchSession(created.key, startedAt + 1)
    expect(await next()).toMatchObject({ type: 'row', row: { updatedAt: startedAt + 1 } })
    fake.emitSessionsUpdate('main')
    expect(await next()).toEqual({ type: 'reload', agentId: 'main' })
  })

  it('sends the row both as `session` and flattened, like the real gateway', async () => {
    const fake = await startFake()
    const { client, received, next } = await watch(fake)
    await subscribeSessions(client)
    const { key } = fake.createSession()
    await next()
    expect(received[0]).toMatchObject({
      sessionKey: key,
      agentId: 'main',
      reason: 'create',
      session: { key, model: 'echo-1', modelProvider: 'mock', archived: false },
      model: 'echo-1',
    })
    expect(received[0]).not.toHaveProperty('key')
  })

  it('filters sessions.list like the real one: newest first, agent, search, activeMinutes, archived', async () => {
    const fake = await startFake({ agents: 2 })
    const now = Date.now()
    const old = fake.createSession({ label: 'feas-001', updatedAt: now - 3 * 60 * 60_000 })
    const helper = fake.createSession({ agentId: 'agent-2', label: 'feas-002', updatedAt: now - 60_000 })
    const archived = fake.createSession({ label: 'gone', archived: true })
    const { client } = await watch(fake)
    const list = (params: object) =>
      client.request('sessions.list', params) as Promise<{ totalCount: number; sessions: { key: string }[] }>
    const keys = async (params: object) => (await list(params)).sessions.map((row) => row.key)

    expect(await keys({})).toEqual([helper.key, old.key])
    expect((await list({})).totalCount).toBe(2)
    expect(await keys({ agentId: 'agent-2' })).toEqual([helper.key])
    expect(await keys({ search: 'FEAS-00' })).toEqual([helper.key, old.key])
    expect(await keys({ activeMinutes: 60 })).toEqual([helper.key])
    expect(await keys({ archived: true })).toEqual([archived.key])
    expect(await keys({ archived: 'all' })).toHaveLength(3)
    fake.touchSession(old.key)
    expect(await keys({ activeMinutes: 60 })).toEqual([old.key, helper.key])
    fake.removeSession(old.key)
    expect(await keys({})).toEqual([helper.key])
    await expect(client.request('sessions.list', { limit: 0 })).rejects.toMatchObject({
      code: 'INVALID_REQUEST',
    })
  })
})
