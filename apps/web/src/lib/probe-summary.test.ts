import { ApiRequestError, type ProbeResult } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { makeGateway } from '../testing/fixtures.ts'
import { describeProbeError, describeProbeResults } from './probe-summary.ts'

const result = (
  name: string,
  status: ProbeResult['status'],
  extra: Partial<ProbeResult> = {},
): ProbeResult => ({
  id: 1,
  name,
  status,
  latency: null,
  version: null,
  sessions_count: 0,
  agents_count: 0,
  gateway: makeGateway({ id: 1, name, status }),
  ...extra,
})

describe('describeProbeResults', () => {
  it('counts the statuses of a probe of all gateways', () => {
    const results = [result('a', 'online'), result('b', 'online'), result('c', 'offline')]
    expect(describeProbeResults({ results, probed_at: 1 }, 'all')).toEqual({
      tone: 'warning',
      text: 'Probed 3 gateways: 2 online · 1 offline',
    })
    expect(describeProbeResults({ results: [result('a', 'online')], probed_at: 1 }, 'all')).toEqual({
      tone: 'success',
      text: 'Probed 1 gateway: 1 online',
    })
  })

  it('tells apart the probes the API could not wait for', () => {
    const late = {
      error: 'probe did not finish in time; its result will appear shortly',
      pending: true as const,
    }
    const results = [result('a', 'online'), result('b', 'unknown', late), result('c', 'offline', late)]
    expect(describeProbeResults({ results, probed_at: 1 }, 'all')).toEqual({
      tone: 'warning',
      text: 'Probed 1 of 3 gateways: 1 online; 2 still running, their results appear shortly',
    })
  })

  it('names the gateway of a single probe, with its latency or its error', () => {
    const online = result('Production', 'online', { latency: 12 })
    expect(describeProbeResults({ results: [online], probed_at: 1 }, 'one').text).toBe(
      'Production is online (12 ms)',
    )
    const offline = result('Staging', 'offline', { error: 'connect ECONNREFUSED 127.0.0.1:9' })
    expect(describeProbeResults({ results: [offline], probed_at: 1 }, 'one')).toEqual({
      tone: 'warning',
      text: 'Staging is offline: connect ECONNREFUSED 127.0.0.1:9',
    })
  })
})

describe('describeProbeError', () => {
  it('explains a 503 as a missing worker', () => {
    expect(describeProbeError(new ApiRequestError(503, 'no worker')).text).toMatch(/No worker is running/)
  })

  it("passes other failures on with the API's message", () => {
    expect(describeProbeError(new ApiRequestError(404, 'no gateway with id 9')).text).toBe(
      'The probe failed: no gateway with id 9',
    )
  })
})
