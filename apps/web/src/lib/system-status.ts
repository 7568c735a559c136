import type { HealthResponse } from '@mc/shared'
import type { StatusTone } from '../components/StatusIcon.tsx'

export interface SystemStatus {
  tone: StatusTone
  /** Names what was measured: "API, database, Redis, worker: ok", "Worker offline"… */
  label: string
  /** The same verdict where the header is narrow (a phone); the label when it is short already. */
  short?: string
  /** Red and pulsing: something needs attention now. */
  alarming: boolean
}

interface HealthState {
  data: HealthResponse | undefined
  isError: boolean
}

/**
 * The header's one-line verdict on the services (`/api/health`), not the gateways (`fleetStatus`).
 * A failed latest check wins over older data: if the API stopped answering, the last good answer
 * must not keep saying all is well.
 */
export function systemStatus({ data, isError }: HealthState): SystemStatus {
  if (isError || data?.status === 'down') return { tone: 'error', label: 'API unavailable', alarming: true }
  if (!data) return { tone: 'unknown', label: 'Checking status…', alarming: false }
  if (data.status === 'degraded') {
    const label = data.checks.worker.ok ? 'Schedules missing' : 'Worker offline'
    return { tone: 'warn', label, alarming: false }
  }
  return { tone: 'ok', label: 'API, database, Redis, worker: ok', short: 'Services ok', alarming: false }
}
