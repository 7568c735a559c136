import { afterEach, describe, expect, it } from 'vitest'
import { connectGateway } from '../client/connect.ts'
import type { GatewayClient } from '../client/gateway-client.ts'
import type { FakeGateway } from '../fake/index.ts'
import { useFakeGateways } from '../testing/fake-gateways.ts'
import { listAllSessions, MAX_LISTED_SESSIONS, type SessionsClient } from './list-sessions.ts'

const startFake = useFakeGateways()
const clients: GatewayClient[] = []
afterEach(() => Promise.all(clients.splice(0).map((client) => client.close())))

async function connect(fake: FakeGateway) {
  const client = await connectGateway(fake.target(), { clientVersion: 'test' })
  clients.push(client)
  return client
}

/** A client whose every `sessions.list` answer is `page(params)`, counting the calls. */
function stubClient(page: (params: { limit: number; offset: number }) => unknown) {
  const calls: { limit: number; offset: number }[] = []
  const client: SessionsClient = {
    request: async (_method, params) => {
      calls.push(params as { limit: number; offset: number })
      return page(params as { limit: number; offset: number })
    },
  }
  return { client, calls }
}

describe('listAllSessions', () => {
  it('walks the pages of a 150-session gateway', async () => {
    const fake = await startFake({ sessions: 150 })
    const client = await connect(fake)
    const rows = await listAllSessions(client, { pageSize: 40 })
    expect(rows).toHaveLength(150)
    expect(new Set(rows.map((row) => row.key)).size).toBe(150)
    const offsets = fake.records.requests.map((request) => (request.params as { offset: number }).offset)
    expect(offsets).toEqual([0, 40, 80, 120])
  })

  it('asks for recent sessions only with activeMinutes', async () => {
    const fake = await startFake()
    const recent = fake.createSession({ label: 'recent' })
    fake.createSession({ label: 'old', updatedAt: Date.now() - 60 * 60_000 })
    const client = await connect(fake)
    const rows = await listAllSessions(client, { activeMinutes: 10 })
    expect(rows.map((row) => row.key)).toEqual([recent.key])
    expect(await listAllSessions(client)).toHaveLength(2)
  })

  it('rejects, rather than looking complete, when a gateway’s nextOffset does not move forward', async () => {
    const { client, calls } = stubClient(({ offset }) => ({
      sessions: [{ key: `agent:main:${offset}` }],
      hasMore: true,
      nextOffset: 5,
    }))
    await expect(listAllSessions(client)).rejects.toMatchObject({
      kind: 'protocol',
      message: expect.stringContaining('nextOffset 5 does not move past offset 5'),
    })
    expect(calls.map((call) => call.offset)).toEqual([0, 5])
  })

  it('keeps a row seen on two pages once, the newer copy', async () => {
    const { client } = stubClient(({ offset }) =>
      offset === 0
        ? { sessions: [{ key: 'a', updatedAt: 1 }], hasMore: true, nextOffset: 1 }
        : { sessions: [{ key: 'a', updatedAt: 2 }], hasMore: false, nextOffset: null },
    )
    expect(await listAllSessions(client)).toEqual([expect.objectContaining({ key: 'a', updatedAt: 2 })])
  })

  it('rejects a gateway that never runs out of rows once past the cap', async () => {
    const { client } = stubClient(({ limit, offset }) => ({
      sessions: Array.from({ length: limit }, (_, i) => ({ key: `k${offset + i}` })),
      hasMore: true,
      nextOffset: offset + limit,
    }))
    await expect(listAllSessions(client, { pageSize: 10_000 })).rejects.toMatchObject({
      message: expect.stringContaining(`more than ${MAX_LISTED_SESSIONS} sessions`),
    })
  })

  it('rejects an answer without a sessions array', async () => {
    const { client } = stubClient(() => ({ totalCount: 3 }))
    await expect(listAllSessions(client)).rejects.toMatchObject({ kind: 'protocol', method: 'sessions.list' })
  })
})
