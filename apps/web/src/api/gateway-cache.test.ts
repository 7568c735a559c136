import type { GatewayDetailResponse } from '@mc/shared'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { makeGateway } from '../testing/fixtures.ts'
import { cacheGateways, newerGateway } from './gateway-cache.ts'
import { queryKeys } from './queries.ts'

const seen = makeGateway({ id: 1, status: 'online', latency: 12, last_seen: 100, last_probe_at: 100 })

describe('newerGateway', () => {
  it('takes what the probe measured, whatever it shows', () => {
    const next = { ...seen, status: 'offline' as const, last_error: 'ECONNREFUSED', last_probe_at: 200 }
    expect(newerGateway(seen, next)).toEqual(next)
  })

  it('keeps the cached gateway when it shows a later probe', () => {
    const newer = { ...seen, last_probe_at: 300 }
    const stale = { ...seen, status: 'offline' as const, last_probe_at: 299 }
    expect(newerGateway(newer, stale)).toBe(newer)
    expect(newerGateway(newer, { ...stale, last_probe_at: 300 }).status).toBe('offline')
    expect(newerGateway(newer, { ...stale, last_probe_at: null })).toBe(newer)
    expect(newerGateway(makeGateway({ id: 1 }), stale).status).toBe('offline')
  })

  it('never undoes an edit: a probe that read the row before it (even within its second) brings only its measures', () => {
    const edited = { ...seen, name: 'renamed', is_primary: 1 as const, failover_priority: null }
    const probedBefore = {
      ...seen,
      is_primary: 0 as const,
      failover_priority: 2,
      status: 'timeout' as const,
      latency: null,
      last_probe_at: 200,
    }
    expect(newerGateway(edited, probedBefore)).toEqual({
      ...edited,
      status: 'timeout',
      latency: null,
      last_probe_at: 200,
    })
  })
})

describe('cacheGateways', () => {
  it('writes the cached list and the cached gateway pages, leaving absent queries absent', () => {
    const client = new QueryClient()
    const other = makeGateway({ id: 2, status: 'online' })
    client.setQueryData(queryKeys.gatewayList, { gateways: [seen, other] })
    const detail = { gateway: seen } as GatewayDetailResponse
    client.setQueryData(queryKeys.gatewayDetail(1), detail)

    const timedOut = {
      ...seen,
      status: 'timeout' as const,
      last_error: 'no answer in 5000 ms',
      last_probe_at: 300,
    }
    cacheGateways(client, [timedOut, makeGateway({ id: 3, status: 'online', last_probe_at: 300 })])

    const list = client.getQueryData<{ gateways: ReturnType<typeof makeGateway>[] }>(queryKeys.gatewayList)
    expect(list?.gateways).toEqual([timedOut, other])
    expect(client.getQueryData<GatewayDetailResponse>(queryKeys.gatewayDetail(1))?.gateway).toEqual(timedOut)
    expect(client.getQueryData(queryKeys.gatewayDetail(3))).toBeUndefined()
  })
})
