import type { HealthResponse } from '@mc/shared'
import type { StatusTone } from '../components/StatusDot.tsx'

export interface SystemStatus {
  tone: StatusTone
  label: string
  /** Red and pulsing: something needs attention now. */
  alarming: boolean
}

interface HealthState {
  data: HealthResponse | undefined
  isError: boolean
}

/**
 * The header's one-line verdict. A failed latest check wins over older data: if the API stopped
 * answering, the last good answer must not keep saying all is well.
 */
export function systemStatus({ data, isError }: HealthState): SystemStatus {
  if (isError || data?.status === 'down') return { tone: 'error', label: 'API unavailable', alarming: true }
  if (!data) return { tone: 'unknown', label: 'Checking status…', alarming: false }
  if (data.status === 'degraded') return { tone: 'warn', label: 'Worker offline', alarming: false }
  return { tone: 'ok', label: 'All systems operational', alarming: false }
}
