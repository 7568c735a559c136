import { useQuery } from '@tanstack/react-query'
import { Link } from 'react-router'
import { gatewayCountsQuery } from '../api/gateways.ts'
import { StatusIcon } from '../components/StatusIcon.tsx'
import { fleetStatus } from '../lib/fleet-status.ts'
import { HEADER_PILL } from './header-pill.ts'

/**
 * The header's one-glance status of the fleet: how many gateways answered their latest probe, from the
 * fleet's status counts, which the event stream moves with each flip. Nothing while there is no gateway.
 */
export function FleetStatusIndicator() {
  const counts = useQuery(gatewayCountsQuery('')).data
  const status = counts ? fleetStatus(counts) : null
  if (!status) return null
  return (
    <Link
      to="/gateways"
      data-testid="fleet-status"
      data-tone={status.tone}
      title={`${status.label}: ${status.title}`}
      className={`${HEADER_PILL} hover:text-foreground`}
    >
      <StatusIcon tone={status.tone} />
      <span aria-live="polite">{status.label}</span>
    </Link>
  )
}
