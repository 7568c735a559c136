import type { Gateway } from '@mc/shared'
import type { ReactNode } from 'react'
import { cx } from '../../lib/class-names.ts'
import { gatewayAddress } from '../../lib/gateway-address.ts'
import { latencyWarning, staleWarning } from '../../lib/gateway-warnings.ts'
import { formatAge, formatDateTime } from '../../lib/time.ts'
import { TokenFact } from './TokenFact.tsx'

const WARNING = 'text-amber-400 underline decoration-dotted underline-offset-2'

function Fact({
  field,
  title,
  className,
  children,
}: {
  field: string
  title?: string
  className?: string
  children: ReactNode
}) {
  return (
    <span data-field={field} title={title} className={className}>
      {children}
    </span>
  )
}

/** "Last: 12 s ago" from the last successful probe, "never online" or "Never probed". */
function LastSeen({ gateway, now }: { gateway: Gateway; now: number }) {
  if (gateway.last_probe_at === null) return <Fact field="last">Never probed</Fact>
  if (gateway.last_seen === null) {
    return (
      <Fact field="last" title={`Last probed ${formatDateTime(gateway.last_probe_at)}`}>
        Last: never online
      </Fact>
    )
  }
  const stale = staleWarning(gateway, now)
  return (
    <Fact
      field="last"
      title={stale ?? `Last successful probe ${formatDateTime(gateway.last_seen)}`}
      className={cx(stale && WARNING)}
    >
      <span data-stale={stale ? true : undefined}>
        Last: {formatAge(now - gateway.last_seen)}
        {stale && ' · stale'}
      </span>
    </Fact>
  )
}

/**
 * The seed's line of facts under a gateway's name: `host:port`, token (its age and state), latency, last seen; plus the
 * version and counts. High latency and a stale last-seen are amber, with the reason on hover.
 */
export function GatewayFacts({ gateway, now }: { gateway: Gateway; now: number }) {
  const slow = latencyWarning(gateway.latency)
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1 text-muted-foreground text-xs">
      <Fact field="address" className="font-mono">
        {gatewayAddress(gateway.host, gateway.port)}
      </Fact>
      <TokenFact gateway={gateway} now={now} />
      {gateway.latency !== null && (
        <Fact field="latency" title={slow ?? undefined} className={cx(slow && WARNING)}>
          Latency: {gateway.latency} ms
        </Fact>
      )}
      {gateway.version && <Fact field="version">Version: {gateway.version}</Fact>}
      <Fact field="sessions">Sessions: {gateway.sessions_count}</Fact>
      <Fact field="agents">Agents: {gateway.agents_count}</Fact>
      <LastSeen gateway={gateway} now={now} />
    </div>
  )
}
