import type { FleetOverviewResponse, Gateway, StatusChange } from '@mc/shared'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { makeGateway } from '../testing/fixtures.ts'
import { flipFromEvent, prependStatusFlips, type StatusFlip, withFlip } from './fleet-cache.ts'
import { queryKeys } from './queries.ts'

const event = (
  overrides: { old_status?: StatusFlip['old_status']; at?: number; gateway?: Partial<Gateway> } = {},
): StatusFlip => {
  const at = overrides.at ?? 1_800_000_000
  return {
    old_status: overrides.old_status ?? 'online',
    at,
    gateway: makeGateway({
      id: 7,
      name: 'edge',
      status: 'offline',
      latency: 30,
      last_error: 'connection refused',
      last_probe_at: at,
      ...overrides.gateway,
    }),
  }
}

const stored = (id: number, changed_at: number): StatusChange => ({
  id,
  gateway_id: 1,
  gateway_name: 'core',
  old_status: 'unknown',
  new_status: 'online',
  latency: 10,
  error: null,
  changed_at,
})

const overview = (recent_flips: StatusChange[]): FleetOverviewResponse => ({
  status_counts: { online: 1, offline: 0, timeout: 0, error: 0, unknown: 0 },
  totals: { gateways: 1, sessions: 0, agents: 0 },
  worst_latency: [],
  uptime_24h: [],
  connected_agents: 0,
  auth_failures_24h: 0,
  recent_flips,
  generated_at: 1_800_000_000,
})

describe('flipFromEvent', () => {
  it('turns a gateway.status event into a listed flip with a stand-in id', () => {
    const flip = flipFromEvent(event())
    expect(flip).toMatchObject({
      gateway_id: 7,
      gateway_name: 'edge',
      old_status: 'online',
      new_status: 'offline',
      latency: 30,
      error: 'connection refused',
      changed_at: 1_800_000_000,
    })
    expect(flip.id).toBeLessThan(0)
    expect(flipFromEvent(event({ gateway: { id: 8 } })).id).not.toBe(flip.id)
  })
})

describe('withFlip', () => {
  it('puts the newest first and keeps at most 20', () => {
    const flips = Array.from({ length: 20 }, (_, i) => stored(100 - i, 1_700_000_000 - i))
    const next = withFlip(flips, flipFromEvent(event()))
    expect(next).toHaveLength(20)
    expect(next[0]?.gateway_name).toBe('edge')
    expect(next.at(-1)?.id).toBe(82)
  })

  it('does not list the same flip twice', () => {
    const flips = [flipFromEvent(event())]
    expect(withFlip(flips, flipFromEvent(event({ at: 1_800_000_001 })))).toBe(flips)
  })
})

describe('prependStatusFlips', () => {
  it('adds a flip to the cached overview and moves its status counts', () => {
    const client = new QueryClient()
    client.setQueryData(queryKeys.fleetOverview, overview([stored(1, 1_700_000_000)]))
    prependStatusFlips(client, [event()])
    const cached = client.getQueryData<FleetOverviewResponse>(queryKeys.fleetOverview)
    expect(cached?.recent_flips.map((f) => f.gateway_name)).toEqual(['edge', 'core'])
    expect(cached?.status_counts).toMatchObject({ online: 0, offline: 1 })
  })

  it('ignores events without a change and a missing overview', () => {
    const client = new QueryClient()
    prependStatusFlips(client, [event()])
    expect(client.getQueryData(queryKeys.fleetOverview)).toBeUndefined()
    const before = overview([])
    client.setQueryData(queryKeys.fleetOverview, before)
    prependStatusFlips(client, [event({ old_status: 'online', gateway: { status: 'online' } })])
    expect(client.getQueryData(queryKeys.fleetOverview)).toBe(before)
  })
})
