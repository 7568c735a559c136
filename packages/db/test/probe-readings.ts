import type { ProbeReading } from '@mc/openclaw'

/** A probe that reached the gateway: 20 ms, 3 sessions, 2 agents unless told otherwise. */
export const onlineReading = (overrides: Partial<ProbeReading> = {}): ProbeReading => ({
  status: 'online',
  latencyMs: 20,
  version: '2026.9.6',
  sessionsCount: 3,
  agentsCount: 2,
  error: null,
  method: 'websocket',
  ...overrides,
})

/** A probe that failed: nothing known but the status and why. */
export const failedReading = (status: 'offline' | 'timeout' | 'error', error: string): ProbeReading => ({
  status,
  latencyMs: null,
  version: null,
  sessionsCount: null,
  agentsCount: null,
  error,
  method: 'websocket',
})
