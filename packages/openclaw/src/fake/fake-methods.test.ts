import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { connectParams, type RawClient, rawConnect, rawRequest } from '../testing/raw-client.ts'
import { type FakeGateway, startFakeGateway } from './fake-gateway.ts'

let fake: FakeGateway
const clients: RawClient[] = []

async function login(scopes: string[]) {
  const { client, answer } = await rawConnect(fake.url, connectParams(fake.token, { scopes }))
  expect(answer.ok).toBe(true)
  clients.push(client)
  return client
}

beforeEach(async () => {
  fake = await startFakeGateway({ agents: 2, sessions: 3 })
})
afterEach(async () => {
  await Promise.all(clients.splice(0).map((client) => client.close()))
  await fake.stop()
})

describe('fake gateway methods', () => {
  it('lists agents and sessions; sessions.list counts all in totalCount and the page in count', async () => {
    const client = await login(['operator.read'])
    const agents = await rawRequest(client, 'a', 'agents.list')
    expect(agents.payload).toMatchObject({ defaultId: 'main' })
    expect(agents.payload.agents.map((agent: { id: string }) => agent.id)).toEqual(['main', 'agent-2'])
    const page = await rawRequest(client, 's', 'sessions.list', { limit: 1 })
    expect(page.payload).toMatchObject({
      count: 1,
      totalCount: 3,
      limitApplied: 1,
      hasMore: true,
      nextOffset: 1,
    })
    expect(page.payload.sessions[0]).toMatchObject({ agentId: 'main', hasActiveRun: false })
  })

  it('creates agents with operator.admin and sessions with operator.write, changing the counts', async () => {
    const writer = await login(['operator.write'])
    expect((await rawRequest(writer, 'a', 'agents.create', { name: 'Ops Bot' })).error).toMatchObject({
      code: 'FORBIDDEN',
      details: { code: 'MISSING_SCOPE', missingScope: 'operator.admin' },
    })
    const session = await rawRequest(writer, 's', 'sessions.create', { label: 'first' })
    expect(session.payload).toMatchObject({ ok: true, runStarted: false })
    expect(session.payload.key).toMatch(/^agent:main:dashboard:/)

    const admin = await login(['operator.admin'])
    const agent = await rawRequest(admin, 'a2', 'agents.create', { name: 'Ops Bot' })
    expect(agent.payload).toMatchObject({ ok: true, agentId: 'ops-bot', name: 'Ops Bot' })
    expect((await rawRequest(admin, 'a3', 'agents.create', { name: 'Ops Bot' })).error.code).toBe(
      'INVALID_REQUEST',
    )
    await rawRequest(admin, 's2', 'sessions.create', { agentId: 'ops-bot' })
    expect(fake.counts()).toEqual({ agents: 3, sessions: 5 })
    const status = await rawRequest(admin, 'st', 'status')
    expect(status.payload).toMatchObject({ runtimeVersion: '2026.9.6', sessions: { count: 5 } })
  })

  it('answers FORBIDDEN/MISSING_SCOPE without the scope; health needs none', async () => {
    const client = await login([])
    expect((await rawRequest(client, 'a', 'agents.list')).error).toEqual({
      code: 'FORBIDDEN',
      message: 'missing scope: operator.read',
      details: { code: 'MISSING_SCOPE', missingScope: 'operator.read', requiredScopes: ['operator.read'] },
    })
    expect((await rawRequest(client, 'h', 'health')).payload).toMatchObject({
      ok: true,
      defaultAgentId: 'main',
    })
    expect((await rawRequest(client, 'x', 'no.such.method')).error.details.missingScope).toBe(
      'operator.admin',
    )
  })

  it('validates params strictly where the gateway does', async () => {
    const client = await login(['operator.read'])
    expect((await rawRequest(client, 'a', 'agents.list', { all: true })).error).toEqual({
      code: 'INVALID_REQUEST',
      message: "invalid agents.list params: at root: unexpected property 'all'",
    })
  })

  it('answers out of order when a method is slow', async () => {
    fake.setMethodDelay('agents.list', 100)
    const client = await login(['operator.read'])
    client.send({ type: 'req', id: 'slow', method: 'agents.list', params: {} })
    client.send({ type: 'req', id: 'fast', method: 'system.info', params: {} })
    const first = await client.next((frame) => frame.type === 'res')
    expect(first.id).toBe('fast')
    expect((await client.next((frame) => frame.id === 'slow')).ok).toBe(true)
  })

  it('caps token scopes when told to', async () => {
    fake.setTokenScopes([])
    const { client, answer } = await rawConnect(fake.url, connectParams(fake.token))
    clients.push(client)
    expect(answer.payload.auth.scopes).toEqual([])
  })
})
