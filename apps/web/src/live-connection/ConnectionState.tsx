import { StatusDot } from '../components/StatusDot.tsx'
import { formatAge } from '../lib/time.ts'
import { useNow } from '../lib/use-now.ts'
import { connectionLook, connectionUrl, reconnectText } from './connection-view.ts'
import type { LiveSnapshot } from './live-session.ts'

/**
 * The seed's ConnectionState in full: the dot, Connected/Disconnected, the upstream's URL and latency,
 * when it was last pinged, and (while disconnected) why and when the next attempt comes.
 */
export function ConnectionState({ snapshot }: { snapshot: LiveSnapshot }) {
  const now = useNow(1000)
  const { state } = snapshot
  const look = connectionLook(snapshot)
  const retry = state.isConnected ? null : reconnectText(snapshot.reconnectAt, now)
  return (
    <div
      data-testid="connection-state"
      data-connected={String(state.isConnected)}
      data-phase={snapshot.phase}
      data-gateway-id={snapshot.gateway?.id ?? ''}
      data-close-code={snapshot.closeCode ?? ''}
      className="flex items-start gap-3"
    >
      <StatusDot tone={look.tone} pulse={look.pulse} size="md" className="mt-1.5" />
      <div className="min-w-0 space-y-0.5">
        <div data-field="connection-status" className="font-medium text-sm" aria-live="polite">
          {look.label}
        </div>
        <div className="text-muted-foreground text-xs">
          <span data-field="connection-url" className="break-all font-mono">
            {connectionUrl(snapshot)}
          </span>
          {state.isConnected && state.latency !== null && (
            <span data-field="connection-latency"> ({state.latency} ms)</span>
          )}
        </div>
        {state.isConnected && state.lastPing !== null && (
          <div
            data-field="last-ping"
            title={new Date(state.lastPing).toISOString()}
            className="text-muted-foreground text-xs"
          >
            Last ping {formatAge((now - state.lastPing) / 1000)}
          </div>
        )}
        {!state.isConnected && (state.error || retry) && (
          <div className="text-xs">
            {state.error && (
              <span data-field="connection-error" className="text-red-400">
                {state.error}
              </span>
            )}
            {state.error && retry && <span className="text-muted-foreground"> · </span>}
            {retry && (
              <span data-field="connection-retry" className="text-muted-foreground">
                {retry}
              </span>
            )}
          </div>
        )}
      </div>
    </div>
  )
}
