import type { FleetOverviewResponse } from '@mc/shared'
import { Link } from 'react-router'
import { cx } from '../../lib/class-names.ts'
import { HIGH_LATENCY_MS } from '../../lib/gateway-warnings.ts'
import { formatMs } from '../../lib/uptime-format.ts'

/** The slowest online gateways, slowest first, each linking to its page. */
export function WorstLatencyList({ gateways }: { gateways: FleetOverviewResponse['worst_latency'] }) {
  if (gateways.length === 0) {
    return (
      <p className="text-muted-foreground text-xs">No gateway is online, so there is no latency to rank.</p>
    )
  }
  return (
    <ol data-testid="worst-latency" className="divide-y text-sm">
      {gateways.map((gateway) => (
        <li
          key={gateway.id}
          data-gateway={gateway.id}
          className="flex items-center justify-between gap-3 py-1.5"
        >
          <Link to={`/gateways/${gateway.id}`} className="truncate hover:text-primary hover:underline">
            {gateway.name}
          </Link>
          <span
            className={cx(
              'shrink-0 font-mono text-xs tabular-nums',
              gateway.latency > HIGH_LATENCY_MS ? 'text-amber-400' : 'text-muted-foreground',
            )}
          >
            {formatMs(gateway.latency)}
          </span>
        </li>
      ))}
    </ol>
  )
}
