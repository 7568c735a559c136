import type { StatusTone } from '../components/StatusIcon.tsx'
import type { StatusCounts } from './gateway-status.ts'

export interface FleetStatus {
  tone: StatusTone
  /** "2 of 3 gateways up". */
  label: string
  /** What the tone means, for the tooltip. */
  title: string
}

/**
 * The header's verdict on the gateways, from the statuses of their latest probes: green when all
 * are up, amber when some are down, red when none is; grey while some were never probed and none
 * failed. Null without gateways (there is nothing to say).
 */
export function fleetStatus(counts: StatusCounts): FleetStatus | null {
  const total = counts.online + counts.offline + counts.timeout + counts.error + counts.unknown
  if (total === 0) return null
  const up = counts.online
  const failing = counts.offline + counts.timeout + counts.error
  const label = `${up} of ${total} ${total === 1 ? 'gateway' : 'gateways'} up`
  if (failing === 0 && counts.unknown === 0)
    return { tone: 'ok', label, title: 'Every gateway answered its latest probe' }
  if (failing === 0) {
    return { tone: 'unknown', label, title: `${counts.unknown} not probed yet, none failing` }
  }
  const title = `${failing} failed ${failing === 1 ? 'its' : 'their'} latest probe`
  return { tone: up === 0 ? 'error' : 'warn', label, title }
}
