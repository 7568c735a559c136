import type { GatewayDetailResponse } from '@mc/shared'
import { QueryClient } from '@tanstack/react-query'
import { describe, expect, it } from 'vitest'
import { makeGateway } from '../testing/fixtures.ts'
import { cacheGateways, newerGateway, withProbe } from './gateway-cache.ts'
import { queryKeys } from './queries.ts'

const seen = makeGateway({ id: 1, status: 'online', latency: 12, last_seen: 100, last_probe_at: 100 })

describe('withProbe', () => {
  it('takes what the probe measured, whatever it shows', () => {
    const next = { ...seen, status: 'offline' as const, last_error: 'ECONNREFUSED', last_probe_at: 200 }
    expect(withProbe(seen, next)).toEqual(next)
  })

  it('keeps the cached gateway when it shows a later probe', () => {
    const newer = { ...seen, last_probe_at: 300 }
    const stale = { ...seen, status: 'offline' as const, last_probe_at: 299 }
    expect(withProbe(newer, stale)).toBe(newer)
    expect(withProbe(newer, { ...stale, last_probe_at: 300 }).status).toBe('offline')
    expect(withProbe(newer, { ...stale, last_probe_at: null })).toBe(newer)
    expect(withProbe(makeGateway({ id: 1 }), stale).status).toBe('offline')
  })

  it('never undoes an edit: a probe that read the row before it, even within its second, brings only its measures', () => {
    const edited = { ...seen, name: 'renamed', is_primary: 1 as const, failover_priority: null }
    const probedBefore = {
      ...seen,
      is_primary: 0 as const,
      failover_priority: 2,
      status: 'timeout' as const,
      latency: null,
      last_probe_at: 200,
    }
    expect(withProbe(edited, probedBefore)).toEqual({
      ...edited,
      status: 'timeout',
      latency: null,
      last_probe_at: 200,
    })
  })
})

describe('newerGateway', () => {
  it('takes an edit, with its measures unless the cached ones are later', () => {
    const renamed = { ...seen, name: 'renamed', is_primary: 1 as const, updated_at: seen.updated_at + 5 }
    expect(newerGateway(seen, renamed)).toBe(renamed)
    const probedLater = { ...seen, status: 'offline' as const, last_probe_at: 500 }
    expect(newerGateway(probedLater, renamed)).toEqual({ ...renamed, status: 'offline', last_probe_at: 500 })
  })

  it('keeps a later edit, taking only newer measures', () => {
    const renamed = { ...seen, name: 'renamed', updated_at: seen.updated_at + 5 }
    const olderEdit = { ...seen, name: 'old name', status: 'timeout' as const, last_probe_at: 400 }
    expect(newerGateway(renamed, olderEdit)).toEqual({ ...renamed, status: 'timeout', last_probe_at: 400 })
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
    cacheGateways(client, [timedOut, makeGateway({ id: 3, status: 'online', last_probe_at: 300 })], withProbe)

    const list = client.getQueryData<{ gateways: ReturnType<typeof makeGateway>[] }>(queryKeys.gatewayList)
    expect(list?.gateways).toEqual([timedOut, other])
    expect(client.getQueryData<GatewayDetailResponse>(queryKeys.gatewayDetail(1))?.gateway).toEqual(timedOut)
    expect(client.getQueryData(queryKeys.gatewayDetail(3))).toBeUndefined()
  })
})
