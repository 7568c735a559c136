import { Link } from 'react-router'
import { useRole } from '../auth/use-role.ts'
import { StatusDot } from '../components/StatusDot.tsx'
import { connectionLook } from '../live-connection/connection-view.ts'
import { useLiveSnapshot } from '../live-connection/use-live-connection.ts'

const CLASSES =
  'flex min-w-0 items-center gap-2 rounded-md border bg-card px-2.5 py-1 text-muted-foreground text-xs transition-colors hover:text-foreground'

/**
 * The header's compact live connection (operators and admins; viewers cannot connect): the gateway
 * and its latency, or why it is down; a link to the Gateway Manager, where the details are.
 */
export function LiveConnectionIndicator() {
  const snapshot = useLiveSnapshot()
  const { can } = useRole()
  if (!can('operator')) return null
  const { phase, gateway, state } = snapshot
  const idle = phase === 'idle'
  const look = connectionLook(snapshot)
  const detail = state.isConnected && state.latency !== null ? `${state.latency} ms` : null
  return (
    <Link
      to="/gateways"
      data-testid="connection-indicator"
      data-connected={String(state.isConnected)}
      data-phase={phase}
      title={
        idle
          ? 'No live gateway connection: connect one in the Gateway Manager'
          : `${gateway?.name ?? 'Gateway'}: ${look.label}${state.error ? ` (${state.error})` : ''}`
      }
      className={CLASSES}
    >
      {idle ? <StatusDot tone="unknown" /> : <StatusDot tone={look.tone} pulse={look.pulse} />}
      <span aria-live="polite">{idle ? 'Not connected' : look.label}</span>
      {gateway && !idle && (
        <span data-field="connection-gateway" className="hidden max-w-40 truncate text-foreground sm:inline">
          {gateway.name ?? `#${gateway.id}`}
        </span>
      )}
      {detail && <span className="hidden tabular-nums sm:inline">{detail}</span>}
    </Link>
  )
}
