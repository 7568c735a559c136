import type { HealthResponse } from '@mc/shared'
import { describe, expect, it } from 'vitest'
import { systemStatus } from './system-status.ts'

function health(status: HealthResponse['status'], { schedulesMissing = false } = {}): HealthResponse {
  const up = { ok: true, latency_ms: 1 }
  return {
    status,
    version: '0.1.0',
    uptime_s: 10,
    checks: {
      db: up,
      redis: up,
      worker: { ok: status === 'ok' || schedulesMissing, alive: 1, last_seen: 1, age_s: 1 },
      schedules: schedulesMissing ? { ok: false, missing: ['probe-sweep'] } : { ok: true, missing: [] },
    },
  }
}

describe('systemStatus', () => {
  it('is green when the API reports ok', () => {
    expect(systemStatus({ data: health('ok'), isError: false })).toEqual({
      tone: 'ok',
      label: 'API, database, Redis, worker: ok',
      short: 'Services ok',
      alarming: false,
    })
  })

  it('is amber when the worker is missing', () => {
    expect(systemStatus({ data: health('degraded'), isError: false })).toMatchObject({
      tone: 'warn',
      label: 'Worker offline',
    })
  })

  it('is amber when the worker runs but a job schedule is missing', () => {
    expect(
      systemStatus({ data: health('degraded', { schedulesMissing: true }), isError: false }),
    ).toMatchObject({
      tone: 'warn',
      label: 'Schedules missing',
    })
  })

  it('is red and pulsing when the API reports down', () => {
    expect(systemStatus({ data: health('down'), isError: false })).toEqual({
      tone: 'error',
      label: 'API unavailable',
      alarming: true,
    })
  })

  it('is red when the last check failed, even if an older one said ok', () => {
    expect(systemStatus({ data: health('ok'), isError: true })).toMatchObject({ tone: 'error' })
    expect(systemStatus({ data: undefined, isError: true })).toMatchObject({ label: 'API unavailable' })
  })

  it('is neutral before the first answer', () => {
    expect(systemStatus({ data: undefined, isError: false })).toMatchObject({ tone: 'unknown' })
  })
})
