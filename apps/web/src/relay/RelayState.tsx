import { formatAge } from '../lib/time.ts'
import { useNow } from '../lib/use-now.ts'
import { RelayStatusLabel } from './RelayStatusLabel.tsx'
import type { RelaySnapshot } from './relay-snapshot.ts'
import { relayStatus, retryProgress, upstreamUrl } from './relay-status.ts'

/**
 * The seed's ConnectionState in full: the status (in the header's and the card's words), the
 * upstream's URL and latency, when it was last pinged, and while it is down why and what comes next.
 */
export function RelayState({ snapshot }: { snapshot: RelaySnapshot }) {
  const now = useNow(1000)
  const { state } = snapshot
  const status = relayStatus(snapshot)
  const progress = retryProgress(snapshot, now)
  const error = state.isConnected ? null : state.error
  return (
    <div
      data-testid="relay-state"
      data-status={status}
      data-connected={String(state.isConnected)}
      data-phase={snapshot.phase}
      data-gateway-id={snapshot.gateway?.id ?? ''}
      data-close-code={snapshot.closeCode ?? ''}
      className="min-w-0 space-y-0.5"
    >
      <RelayStatusLabel status={status} size="md" className="font-medium text-sm" />
      <div className="text-muted-foreground text-xs">
        <span data-field="upstream-url" className="break-all font-mono">
          {upstreamUrl(snapshot)}
        </span>
        {state.isConnected && state.latency !== null && (
          <span data-field="upstream-latency"> ({state.latency} ms)</span>
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
      {(error || progress) && (
        <div className="break-words text-xs">
          {error && (
            <span data-field="relay-error" className="text-amber-300">
              {error}
            </span>
          )}
          {error && progress && <span className="text-muted-foreground"> · </span>}
          {progress && (
            <span data-field="relay-retry" className="text-muted-foreground">
              {progress}
            </span>
          )}
        </div>
      )}
    </div>
  )
}
