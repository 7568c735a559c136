import type { GatewayDetailResponse } from '@mc/shared'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { makeGateway } from '../testing/fixtures.ts'
import { cacheGateways, newerGateway } from './gateway-cache.ts'
import { queryKeys } from './queries.ts'

const seen = makeGateway({ id: 1, status: 'online', latency: 12, last_seen: 100, last_probe_at: 100 })

describe('newerGateway', () => {
  it('takes the gateway as reported, whatever it shows', () => {
    const next = { ...seen, status: 'offline' as const, last_error: 'ECONNREFUSED', last_probe_at: 200 }
    expect(newerGateway(seen, next)).toBe(next)
  })

  it('keeps the cached gateway when it shows a later probe', () => {
    const newer = { ...seen, last_probe_at: 300 }
    const stale = { ...seen, status: 'offline' as const, last_probe_at: 299 }
    expect(newerGateway(newer, stale)).toBe(newer)
    expect(newerGateway(newer, { ...stale, last_probe_at: 300 }).status).toBe('offline')
    expect(newerGateway(newer, { ...stale, last_probe_at: null })).toBe(newer)
    expect(newerGateway(makeGateway({ id: 1 }), stale)).toBe(stale)
  })

  it('keeps the cached gateway when it shows a later edit (a probe that read the row before a rename)', () => {
    const renamed = { ...seen, name: 'renamed', updated_at: seen.updated_at + 5 }
    const probedBefore = { ...seen, last_probe_at: renamed.last_probe_at }
    expect(newerGateway(renamed, probedBefore)).toBe(renamed)
    expect(newerGateway(renamed, { ...probedBefore, updated_at: renamed.updated_at })).not.toBe(renamed)
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
