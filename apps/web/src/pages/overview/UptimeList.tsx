import type { FleetOverviewResponse } from '@mc/shared'
import { useMemo } from 'react'
import { Link } from 'react-router'
import { TONE_LOOK } from '../../components/StatusIcon.tsx'
import { cx } from '../../lib/class-names.ts'
import { lowestUptimes } from '../../lib/fleet-summary.ts'
import { formatUptime, uptimeClass } from '../../lib/uptime-format.ts'

/** However big the fleet, the panel lists this many: the weakest, which are the ones to look at. */
export const UPTIME_ROWS = 10

/** Green from 99%, amber from 95%, red below, as the uptime figures are coloured. */
function barTone(percent: number) {
  if (percent >= 99) return TONE_LOOK.ok.background
  if (percent >= 95) return TONE_LOOK.warn.background
  return TONE_LOOK.error.background
}

/** The lowest 24 h uptimes as bars with their percentage, and what is left out. */
export function UptimeList({ rows }: { rows: FleetOverviewResponse['uptime_24h'] }) {
  const view = useMemo(() => lowestUptimes(rows, UPTIME_ROWS), [rows])
  if (view.lowest.length === 0) {
    return <p className="text-muted-foreground text-xs">No probes in the last 24 hours yet.</p>
  }
  return (
    <div className="space-y-2">
      <ol data-testid="uptime-list" className="space-y-1.5">
        {view.lowest.map((row) => {
          const percent = row.uptime_pct ?? 0
          return (
            <li key={row.gateway_id} data-gateway={row.gateway_id} className="text-sm">
              <div className="flex items-center justify-between gap-3">
                <Link
                  to={`/gateways/${row.gateway_id}`}
                  className="truncate hover:text-primary hover:underline"
                >
                  {row.name}
                </Link>
                <span className={cx('shrink-0 font-mono text-xs tabular-nums', uptimeClass(row.uptime_pct))}>
                  {formatUptime(row.uptime_pct)}
                </span>
              </div>
              <div className="mt-1 h-1.5 w-full overflow-hidden rounded-full bg-muted" aria-hidden="true">
                <div
                  className={cx('h-full rounded-full', barTone(percent))}
                  style={{ width: `${percent}%` }}
                />
              </div>
            </li>
          )
        })}
      </ol>
      {(view.more > 0 || view.unprobed > 0) && (
        <p className="text-muted-foreground text-xs">
          {view.more > 0 && `${view.more} more with higher uptime. `}
          {view.unprobed > 0 && `${view.unprobed} without probes in 24 h. `}
          <Link to="/gateways" className="text-primary hover:underline">
            All gateways
          </Link>
        </p>
      )}
    </div>
  )
}
