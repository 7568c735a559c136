import type { GatewayFailover } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { makeGateway } from '../testing/fixtures.ts'
import { failoverTargetLabel, failoverTargets, lastFailoverText } from './failovers.ts'

const failover: GatewayFailover = {
  id: 1,
  from_id: 1,
  from_name: 'gw-a',
  to_id: 2,
  to_name: 'gw-b',
  kind: 'failover',
  reason: 'gw-a failed 3 probes in a row (offline)',
  automatic: true,
  actor: 'system',
  at: 1_000,
}

describe('lastFailoverText', () => {
  it('says from where to where, how long ago and why', () => {
    expect(lastFailoverText(failover, 1_180)).toBe(
      'gw-a → gw-b 3 min ago: gw-a failed 3 probes in a row (offline)',
    )
  })

  it('says when no standby could take over, and when nothing ever moved', () => {
    const none = {
      ...failover,
      to_id: null,
      to_name: null,
      kind: 'no_candidate' as const,
      reason: 'no standby online',
    }
    expect(lastFailoverText(none, 1_005)).toBe('gw-a → no standby 5 s ago: no standby online')
    expect(lastFailoverText(null, 1_005)).toBe('No failover yet')
  })
})

describe('failoverTargets', () => {
  it('lists every gateway but the primary, standbys first by priority, then by name', () => {
    const targets = failoverTargets([
      makeGateway({ id: 1, name: 'primary', is_primary: 1, failover_priority: 1 }),
      makeGateway({ id: 2, name: 'zeta' }),
      makeGateway({ id: 3, name: 'second', failover_priority: 5 }),
      makeGateway({ id: 4, name: 'alpha' }),
      makeGateway({ id: 5, name: 'first', failover_priority: 1 }),
    ])
    expect(targets.map((gateway) => gateway.name)).toEqual(['first', 'second', 'alpha', 'zeta'])
  })

  it('labels a target with its priority and status', () => {
    expect(
      failoverTargetLabel(makeGateway({ id: 1, name: 'gw-b', failover_priority: 1, status: 'online' })),
    ).toBe('gw-b (standby #1, online)')
    expect(failoverTargetLabel(makeGateway({ id: 2, name: 'gw-c', status: 'offline' }))).toBe(
      'gw-c (offline)',
    )
  })
})
