import type { GatewayDetailResponse } from '@mc/shared'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { makeGateway } from '../testing/fixtures.ts'
import { applyStatusUpdate, patchGatewayStatuses, probeResponseUpdates } from './gateway-cache.ts'
import { queryKeys } from './queries.ts'

const seen = makeGateway({ id: 1, status: 'online', latency: 12, last_seen: 100, version: '1.0' })

describe('applyStatusUpdate', () => {
  it('takes latency, last_seen and version from an online probe and clears the error', () => {
    const update = {
      id: 1,
      status: 'online' as const,
      latency: 30,
      sessions_count: 2,
      agents_count: 3,
      error: null,
      at: 200,
    }
    expect(applyStatusUpdate({ ...seen, last_error: 'old' }, { ...update, version: '1.1' })).toMatchObject({
      status: 'online',
      latency: 30,
      last_seen: 200,
      version: '1.1',
      last_error: null,
      last_probe_at: 200,
      sessions_count: 2,
      agents_count: 3,
    })
  })

  it('keeps the last good latency, last_seen and version on a failure, with its error', () => {
    const update = {
      id: 1,
      status: 'offline' as const,
      latency: null,
      sessions_count: 0,
      agents_count: 0,
      error: 'ECONNREFUSED',
      at: 200,
    }
    expect(applyStatusUpdate(seen, update)).toMatchObject({
      status: 'offline',
      latency: 12,
      last_seen: 100,
      version: '1.0',
      last_error: 'ECONNREFUSED',
      last_probe_at: 200,
    })
  })

  it('ignores an update older than the probe the gateway already shows', () => {
    const newer = { ...seen, last_probe_at: 300 }
    const stale = {
      id: 1,
      status: 'offline' as const,
      latency: null,
      sessions_count: 0,
      agents_count: 0,
      error: 'ECONNREFUSED',
      at: 299,
    }
    expect(applyStatusUpdate(newer, stale)).toBe(newer)
    expect(applyStatusUpdate(newer, { ...stale, at: 300 }).status).toBe('offline')
  })
})

describe('patchGatewayStatuses', () => {
  it('patches the cached list and the cached gateway pages, leaving absent queries absent', () => {
    const client = new QueryClient()
    const other = makeGateway({ id: 2, status: 'online' })
    client.setQueryData(queryKeys.gatewayList, { gateways: [seen, other] })
    const detail = { gateway: seen } as GatewayDetailResponse
    client.setQueryData(queryKeys.gatewayDetail(1), detail)

    const updates = probeResponseUpdates({
      probed_at: 300,
      results: [
        {
          id: 1,
          name: 'gateway-1',
          status: 'timeout',
          latency: null,
          version: null,
          sessions_count: 0,
          agents_count: 0,
          error: 'no answer in 5000 ms',
        },
        {
          id: 3,
          name: 'gateway-3',
          status: 'online',
          latency: 5,
          version: '2',
          sessions_count: 0,
          agents_count: 1,
        },
      ],
    })
    patchGatewayStatuses(client, updates)

    const list = client.getQueryData<{ gateways: ReturnType<typeof makeGateway>[] }>(queryKeys.gatewayList)
    expect(list?.gateways.map((g) => [g.id, g.status, g.last_error])).toEqual([
      [1, 'timeout', 'no answer in 5000 ms'],
      [2, 'online', null],
    ])
    expect(client.getQueryData<GatewayDetailResponse>(queryKeys.gatewayDetail(1))?.gateway.status).toBe(
      'timeout',
    )
    expect(client.getQueryData(queryKeys.gatewayDetail(3))).toBeUndefined()
  })
})
