import { useQuery } from '@tanstack/react-query'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { gatewayListQuery } from '../api/gateways.ts'
import { StatusIcon } from '../components/StatusIcon.tsx'
import { fleetStatus } from '../lib/fleet-status.ts'
import { countStatuses } from '../lib/gateway-status.ts'
import { HEADER_PILL } from './header-pill.ts'

/**
 * The header's one-glance status of the fleet: how many gateways answered their latest probe, from the
 * gateway list the event stream keeps current. Nothing while there is no gateway.
 */
export function FleetStatusIndicator() {
  const gateways = useQuery(gatewayListQuery).data?.gateways
  const status = useMemo(
    () => (gateways ? fleetStatus(countStatuses(gateways.map((gateway) => gateway.status))) : null),
    [gateways],
  )
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
