import { Link } from 'react-router'
import { useRole } from '../auth/use-role.ts'
import { LIVE_STATUS_LOOK, liveStatus } from '../live-connection/connection-view.ts'
import { LiveStatusLabel } from '../live-connection/LiveStatusLabel.tsx'
import { useLiveSnapshot } from '../live-connection/use-live-connection.ts'
import { HEADER_PILL } from './header-pill.ts'

/**
 * The header's compact live connection (operators and admins; viewers cannot connect): its status in
 * the words of the gateway's card and the Current connection box, the gateway and its latency; a
 * link to the Gateway Manager, where the details are.
 */
export function LiveConnectionIndicator() {
  const snapshot = useLiveSnapshot()
  const { can } = useRole()
  if (!can('operator')) return null
  const { gateway, state } = snapshot
  const status = liveStatus(snapshot)
  const name = status === 'idle' || !gateway ? null : (gateway.name ?? `#${gateway.id}`)
  const latency = state.isConnected && state.latency !== null ? `${state.latency} ms` : null
  return (
    <Link
      to="/gateways"
      data-testid="connection-indicator"
      data-status={status}
      data-connected={String(state.isConnected)}
      title={
        name
          ? `Live connection to ${name}: ${LIVE_STATUS_LOOK[status].label}${state.error ? ` (${state.error})` : ''}`
          : 'No live gateway connection: connect one in the Gateway Manager'
      }
      className={`${HEADER_PILL} hover:text-foreground`}
    >
      <span aria-live="polite">
        <LiveStatusLabel status={status} />
      </span>
      {name && (
        <span
          data-field="connection-gateway"
          className="min-w-0 max-w-24 truncate text-foreground sm:max-w-40"
        >
          {name}
        </span>
      )}
      {latency && <span className="hidden tabular-nums sm:inline">{latency}</span>}
    </Link>
  )
}
