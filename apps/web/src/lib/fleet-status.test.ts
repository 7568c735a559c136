import { describe, expect, it } from 'vitest'
import { fleetStatus } from './fleet-status.ts'
import type { StatusCounts } from './gateway-status.ts'

const counts = (some: Partial<StatusCounts>): StatusCounts => ({
  online: 0,
  offline: 0,
  timeout: 0,
  error: 0,
  unknown: 0,
  ...some,
})

describe('fleetStatus', () => {
  it('says nothing without gateways', () => {
    expect(fleetStatus(counts({}))).toBeNull()
  })

  it('counts the gateways up, green when all are', () => {
    expect(fleetStatus(counts({ online: 2 }))).toMatchObject({ tone: 'ok', label: '2 of 2 gateways up' })
    expect(fleetStatus(counts({ online: 1 }))).toMatchObject({ label: '1 of 1 gateway up' })
  })

  it('is amber while some are down and red when none is up', () => {
    expect(fleetStatus(counts({ online: 1, timeout: 1 }))).toMatchObject({
      tone: 'warn',
      label: '1 of 2 gateways up',
      title: '1 failed its latest probe',
    })
    expect(fleetStatus(counts({ offline: 1, error: 1 }))).toMatchObject({
      tone: 'error',
      label: '0 of 2 gateways up',
      title: '2 failed their latest probe',
    })
  })

  it('is grey, not red, while gateways were never probed and none failed', () => {
    expect(fleetStatus(counts({ online: 1, unknown: 1 }))).toMatchObject({
      tone: 'unknown',
      label: '1 of 2 gateways up',
    })
  })
})
