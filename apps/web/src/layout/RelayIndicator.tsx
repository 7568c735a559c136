import { Link } from 'react-router'
import { useRole } from '../auth/use-role.ts'
import { RelayStatusLabel } from '../relay/RelayStatusLabel.tsx'
import { RELAY_STATUS_LOOK, relayStatus } from '../relay/relay-status.ts'
import { useRelaySnapshot } from '../relay/use-relay.ts'
import { HEADER_PILL } from './header-pill.ts'

/**
 * The header's compact view of the relay (operators and admins; viewers cannot connect): its status
 * in the words of the gateway's card and the Current connection box, the gateway and its latency; a
 * link to the Gateway Manager, where the details are.
 */
export function RelayIndicator() {
  const snapshot = useRelaySnapshot()
  const { can } = useRole()
  if (!can('operator')) return null
  const { gateway, state } = snapshot
  const status = relayStatus(snapshot)
  const name = status === 'idle' || !gateway ? null : (gateway.name ?? `#${gateway.id}`)
  const latency = state.isConnected && state.latency !== null ? `${state.latency} ms` : null
  return (
    <Link
      to="/gateways"
      data-testid="relay-indicator"
      data-status={status}
      data-connected={String(state.isConnected)}
      title={
        name
          ? `Live view of ${name}: ${RELAY_STATUS_LOOK[status].label}${state.error ? ` (${state.error})` : ''}`
          : 'No live view: connect a gateway in the Gateway Manager'
      }
      className={`${HEADER_PILL} hover:text-foreground`}
    >
      <span aria-live="polite">
        <RelayStatusLabel status={status} />
      </span>
      {name && (
        <span data-field="relay-gateway" className="min-w-0 max-w-24 truncate text-foreground sm:max-w-40">
          {name}
        </span>
      )}
      {latency && <span className="hidden tabular-nums sm:inline">{latency}</span>}
    </Link>
  )
}
