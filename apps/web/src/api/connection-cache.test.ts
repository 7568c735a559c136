import type { DirectConnection } from '@mc/shared'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { closedConnection, mapCachedConnections, patchConnectionClosed } from './connection-cache.ts'
import { queryKeys } from './queries.ts'

const conn = (connection_id: string): DirectConnection => ({
  id: 1,
  agent_id: 7,
  tool_name: 'codex',
  tool_version: '2.1.0',
  connection_id,
  status: 'connected',
  last_heartbeat: 100,
  metadata: null,
  created_at: 90,
  agent_name: 'codex-session-01',
  agent_status: 'online',
  agent_role: 'agent',
  expires_at: 160,
  disconnected_at: null,
  disconnect_reason: null,
})

describe('closedConnection', () => {
  it('closes an open connection with the reason and time, and leaves a closed one alone', () => {
    const closed = closedConnection(conn('a'), 'disconnected', 200)
    expect(closed).toMatchObject({
      status: 'disconnected',
      disconnect_reason: 'disconnected',
      disconnected_at: 200,
    })
    expect(closedConnection(closed, 'replaced', 300)).toBe(closed)
  })
})

describe('mapCachedConnections', () => {
  const upper = (c: DirectConnection) => ({ ...c, tool_name: c.tool_name.toUpperCase() })
  it('maps a page, paged lists and an agent page alike', () => {
    expect(
      mapCachedConnections({ connections: [conn('a')], next_before: null }, upper).connections[0]?.tool_name,
    ).toBe('CODEX')
    const paged = mapCachedConnections(
      { pages: [{ connections: [conn('a')] }], pageParams: [undefined] },
      upper,
    )
    expect(paged.pages[0]?.connections[0]?.tool_name).toBe('CODEX')
    expect(paged.pageParams).toEqual([undefined])
  })
  it('leaves anything else as it is', () => {
    expect(mapCachedConnections(undefined, upper)).toBeUndefined()
    expect(mapCachedConnections({ agents: [] }, upper)).toEqual({ agents: [] })
  })
})

describe('patchConnectionClosed', () => {
  it('closes the connection in lists, the live section and agent pages, and only that one', () => {
    const client = new QueryClient()
    client.setQueryData(queryKeys.connectionList({ status: 'connected' }), {
      pages: [{ connections: [conn('a'), conn('b')], next_before: null }],
      pageParams: [undefined],
    })
    client.setQueryData(queryKeys.liveConnections, { connections: [conn('a')], next_before: null })
    client.setQueryData(queryKeys.agentDetail('7'), { agent: {}, connections: [conn('a')], tokens: {} })
    patchConnectionClosed(client, 'a', 'disconnected', 500)

    const list = client.getQueryData<{ pages: Array<{ connections: DirectConnection[] }> }>(
      queryKeys.connectionList({ status: 'connected' }),
    )
    expect(list?.pages[0]?.connections.map((c) => c.status)).toEqual(['disconnected', 'connected'])
    const live = client.getQueryData<{ connections: DirectConnection[] }>(queryKeys.liveConnections)
    expect(live?.connections[0]?.disconnected_at).toBe(500)
    const agent = client.getQueryData<{ connections: DirectConnection[] }>(queryKeys.agentDetail('7'))
    expect(agent?.connections[0]?.status).toBe('disconnected')
  })
})
