import { type DirectConnection, type Gateway, gatewayStatusEvent, type McEvent } from '@mc/shared'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import type { GatewayPage } from '../api/gateways.ts'
import { queryKeys } from '../api/queries.ts'
import { countStatuses, type StatusCounts } from '../lib/gateway-status.ts'
import { makeGateway } from '../testing/fixtures.ts'
import { applyBatch } from './apply-batch.ts'
import { addToBatch, emptyBatch, isEmptyBatch } from './event-batch.ts'

const status = (id: number, next: 'online' | 'offline', latency: number, at: number): McEvent =>
  gatewayStatusEvent(
    makeGateway({
      id,
      status: next,
      latency,
      sessions_count: 1,
      agents_count: 2,
      last_error: next === 'online' ? null : 'connection refused',
      last_probe_at: at,
    }),
    next === 'online' ? 'offline' : 'online',
  )

function batchOf(events: McEvent[]) {
  const batch = emptyBatch()
  for (const event of events) addToBatch(batch, event)
  return batch
}

const connection = (id: string, lastHeartbeat: number): DirectConnection =>
  ({
    id: 1,
    agent_id: 7,
    connection_id: id,
    status: 'connected',
    last_heartbeat: lastHeartbeat,
    disconnected_at: null,
    disconnect_reason: null,
  }) as DirectConnection

describe('a batch of events', () => {
  it('keeps only the newest status per gateway but every flip', () => {
    const batch = batchOf([
      status(1, 'offline', 5, 100),
      status(1, 'online', 9, 130),
      status(2, 'online', 3, 131),
    ])
    expect(batch.probed.size).toBe(2)
    expect(batch.probed.get(1)).toMatchObject({ status: 'online', latency: 9, last_probe_at: 130 })
    expect(batch.flips.map((f) => [f.gateway_id, f.status])).toEqual([
      [1, 'offline'],
      [1, 'online'],
      [2, 'online'],
    ])
    expect(isEmptyBatch(emptyBatch())).toBe(true)
  })

  it('asks again for a gateway whose status event carries no row (sent by a worker older than the page)', () => {
    const { gateway: _, ...withoutRow } = status(4, 'online', 3, 140) as Extract<
      McEvent,
      { type: 'gateway.status' }
    >
    const batch = batchOf([withoutRow as McEvent])
    expect(batch.probed.size).toBe(0)
    expect(batch.flips).toEqual([])
    expect([...batch.changed]).toEqual([4])
    // Applying it writes nothing from the event and asks for the row: no cache write may throw.
    const queryClient = new QueryClient()
    const cached = makeGateway({ id: 4 })
    queryClient.setQueryData(queryKeys.gatewayList, { gateways: [cached] })
    applyBatch(queryClient, batch)
    expect(queryClient.getQueryData<{ gateways: Gateway[] }>(queryKeys.gatewayList)?.gateways).toEqual([
      cached,
    ])
    expect(queryClient.getQueryState(queryKeys.gatewayList)?.isInvalidated).toBe(true)
  })

  it('drops deleted gateways from the cached list and its pages, and asks again for them and the counts', () => {
    const queryClient = new QueryClient()
    const rows = [makeGateway({ id: 1 }), makeGateway({ id: 2 }), makeGateway({ id: 3, updated_at: 2_000 })]
    const page = queryKeys.gatewayPage({ limit: 50, offset: 0 })
    queryClient.setQueryData(queryKeys.gatewayList, { gateways: rows })
    queryClient.setQueryData(page, { gateways: rows, total: 3 })
    queryClient.setQueryData(queryKeys.gatewayCounts(''), countStatuses(rows.map((g) => g.status)))
    applyBatch(queryClient, batchOf([{ type: 'gateway.deleted', gateway_id: 2, name: 'gateway-2', at: 3 }]))
    const list = () =>
      queryClient.getQueryData<{ gateways: { id: number; name: string }[] }>(queryKeys.gatewayList)
    expect(list()?.gateways.map((g) => g.id)).toEqual([1, 3])
    expect(queryClient.getQueryData<GatewayPage>(page)?.gateways.map((g) => g.id)).toEqual([1, 3])
    // What followed it moves up a page: pages and counts ask again.
    for (const key of [queryKeys.gatewayList, page, queryKeys.gatewayCounts('')]) {
      expect(queryClient.getQueryState(key)?.isInvalidated).toBe(true)
    }
    queryClient.setQueryData(queryKeys.gatewayList, list())

    // A stale copy of gateway 3 in an event must not overwrite fresher data: the list is refetched.
    applyBatch(
      queryClient,
      batchOf([
        {
          type: 'gateway.updated',
          gateway: makeGateway({ id: 3, name: 'old', updated_at: 1_000 }),
          token_changed: false,
          at: 4,
        },
      ]),
    )
    expect(list()?.gateways.map((g) => g.name)).toEqual(['gateway-1', 'gateway-3'])
    expect(queryClient.getQueryState(queryKeys.gatewayList)?.isInvalidated).toBe(true)
  })

  it('keeps every failover and has the last failover asked for again; the flag moves with the gateway updates', () => {
    const failover = (to: number | null, at: number): McEvent => ({
      type: 'gateway.failover',
      from_id: 1,
      to_id: to,
      reason: 'gw-a failed 3 probes in a row',
      at,
    })
    const updated = (id: number): McEvent => ({
      type: 'gateway.updated',
      gateway: makeGateway({ id, is_primary: id === 2 ? 1 : 0 }),
      token_changed: false,
      at: 5,
    })
    const batch = batchOf([updated(1), updated(2), failover(2, 5), failover(null, 6)])
    expect(batch.failovers.map((event) => event.type === 'gateway.failover' && event.to_id)).toEqual([
      2,
      null,
    ])
    expect(isEmptyBatch(batchOf([failover(null, 6)]))).toBe(false)

    const queryClient = new QueryClient()
    queryClient.setQueryData(queryKeys.lastFailover, null)
    queryClient.setQueryData(queryKeys.gatewayList, {
      gateways: [makeGateway({ id: 1, is_primary: 1 }), makeGateway({ id: 2 })],
    })
    applyBatch(queryClient, batch)
    // The flag moves at once, on both gateways, before the list comes back.
    const flags = queryClient
      .getQueryData<{ gateways: { is_primary: number }[] }>(queryKeys.gatewayList)
      ?.gateways.map((gateway) => gateway.is_primary)
    expect(flags).toEqual([0, 1])
    expect(queryClient.getQueryState(queryKeys.lastFailover)?.isInvalidated).toBe(true)
    expect(queryClient.getQueryState(queryKeys.gatewayList)?.isInvalidated).toBe(true)
  })

  it('writes the gateway each event carries, but never over a later probe already cached', () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(queryKeys.gatewayList, {
      gateways: [makeGateway({ id: 1, status: 'online', last_probe_at: 200 }), makeGateway({ id: 2 })],
    })
    applyBatch(queryClient, batchOf([status(1, 'offline', 5, 150), status(2, 'online', 7, 150)]))
    const list = queryClient.getQueryData<{ gateways: Gateway[] }>(queryKeys.gatewayList)
    expect(list?.gateways.map((g) => [g.id, g.status, g.latency, g.last_probe_at])).toEqual([
      [1, 'online', null, 200],
      [2, 'online', 7, 150],
    ])
  })

  it('writes 1,000 probed gateways into the cached list with one write', () => {
    const queryClient = new QueryClient()
    const gateways = Array.from({ length: 1000 }, (_, i) => makeGateway({ id: i + 1, status: 'online' }))
    queryClient.setQueryData(queryKeys.gatewayList, { gateways })
    let writes = 0
    queryClient.getQueryCache().subscribe((event) => {
      if (event.type === 'updated' && event.action.type === 'success') writes++
    })
    applyBatch(queryClient, batchOf(gateways.map((g) => status(g.id, 'offline', 0, 500))))
    const list = queryClient.getQueryData<{ gateways: typeof gateways }>(queryKeys.gatewayList)
    expect(list?.gateways.every((g) => g.status === 'offline' && g.last_error === 'connection refused')).toBe(
      true,
    )
    expect(writes).toBe(1)
  })

  it('patches the cached pages with each flip, and leaves the status counts to the API', () => {
    const queryClient = new QueryClient()
    const rows = [makeGateway({ id: 1, name: 'edge-1' }), makeGateway({ id: 2, name: 'core-2' })]
    const page = queryKeys.gatewayPage({ q: 'edge', limit: 50, offset: 0 })
    queryClient.setQueryData(page, { gateways: rows.slice(0, 1), total: 1 })
    const counts = { ...countStatuses([]), online: 2 }
    queryClient.setQueryData(queryKeys.gatewayCounts(''), counts)
    queryClient.setQueryData(queryKeys.gatewayCounts('edge'), { ...counts, online: 1 })
    const offline = (gateway: Gateway): McEvent =>
      gatewayStatusEvent({ ...gateway, status: 'offline', last_probe_at: 100 }, 'online')
    applyBatch(queryClient, batchOf(rows.map(offline)))

    expect(queryClient.getQueryData<GatewayPage>(page)?.gateways.map((g) => g.status)).toEqual(['offline'])
    const cached = (q: string) => queryClient.getQueryData<StatusCounts>(queryKeys.gatewayCounts(q))
    // A count moved here could count a flip twice (once in a fetch that raced the event): untouched.
    expect(cached('')).toEqual(counts)
    expect(cached('edge')).toEqual({ ...counts, online: 1 })
  })

  it('moves heartbeats forward and closes disconnected connections in cached connection lists', () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(queryKeys.liveConnections, {
      connections: [connection('conn-a', 100), connection('conn-b', 100)],
    })
    applyBatch(
      queryClient,
      batchOf([
        { type: 'connection.heartbeat', connection_id: 'conn-a', agent_id: 7, reason: null, at: 160 },
        { type: 'connection.heartbeat', connection_id: 'conn-b', agent_id: 7, reason: null, at: 150 },
        {
          type: 'connection.disconnected',
          connection_id: 'conn-b',
          agent_id: 7,
          reason: 'heartbeat_timeout',
          at: 170,
        },
      ]),
    )
    const data = queryClient.getQueryData<{ connections: DirectConnection[] }>(queryKeys.liveConnections)
    expect(data?.connections).toMatchObject([
      { connection_id: 'conn-a', status: 'connected', last_heartbeat: 160 },
      {
        connection_id: 'conn-b',
        status: 'disconnected',
        disconnect_reason: 'heartbeat_timeout',
        disconnected_at: 170,
      },
    ])
  })

  it('has connection and agent views ask again after a mass expiry, leaving cached rows to the refetch', () => {
    const queryClient = new QueryClient()
    queryClient.setQueryData(queryKeys.liveConnections, { connections: [connection('conn-a', 100)] })
    const batch = batchOf([{ type: 'connection.expired', count: 10_000, at: 170 }])
    expect(batch.membershipChanged).toBe(true)
    expect(isEmptyBatch(batch)).toBe(false)
    applyBatch(queryClient, batch)
    const data = queryClient.getQueryData<{ connections: DirectConnection[] }>(queryKeys.liveConnections)
    expect(data?.connections).toMatchObject([{ connection_id: 'conn-a', status: 'connected' }])
  })

  it('marks a burst of session changes as one "ask again" for the session views', () => {
    const changed = (gatewayId: number): McEvent => ({
      type: 'session.changed',
      gateway_id: gatewayId,
      count: 1,
      sessions: [],
      at: 170,
    })
    expect(emptyBatch().sessionsChanged).toBe(false)
    const batch = batchOf([changed(1), changed(2), changed(1)])
    expect(batch.sessionsChanged).toBe(true)
    expect(isEmptyBatch(batch)).toBe(false)
  })
})
