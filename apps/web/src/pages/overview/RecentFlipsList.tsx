import type { StatusChange } from '@mc/shared'
import { Link } from 'react-router'
import { formatAge, formatDateTime } from '../../lib/time.ts'
import { useNowSeconds } from '../../lib/use-now.ts'
import { GatewayStatusIcon, GatewayStatusLabel } from '../gateways/GatewayStatus.tsx'

/** The latest status flips, newest first: gateway, old → new status, how long ago, and why. */
export function RecentFlipsList({ flips }: { flips: StatusChange[] }) {
  const now = useNowSeconds(15_000)
  if (flips.length === 0) {
    return (
      <p className="text-muted-foreground text-xs">
        No status changes yet. Each time a probe finds a gateway in a new state, it shows up here.
      </p>
    )
  }
  return (
    <ol data-testid="recent-flips" className="divide-y text-sm">
      {flips.map((flip) => (
        <li key={flip.id} data-flip={flip.id} className="py-1.5">
          <div className="flex items-center gap-2">
            <GatewayStatusIcon status={flip.new_status} />
            <Link
              to={`/gateways/${flip.gateway_id}`}
              className="min-w-0 truncate font-medium hover:text-primary hover:underline"
            >
              {flip.gateway_name}
            </Link>
            <span className="flex shrink-0 items-center gap-1">
              <GatewayStatusLabel status={flip.old_status} />
              <span aria-hidden="true" className="text-muted-foreground text-xs">
                →
              </span>
              <span className="sr-only">to</span>
              <GatewayStatusLabel status={flip.new_status} />
            </span>
            <time
              dateTime={new Date(flip.changed_at * 1000).toISOString()}
              title={formatDateTime(flip.changed_at)}
              className="ml-auto shrink-0 text-muted-foreground text-xs"
            >
              {formatAge(now - flip.changed_at)}
            </time>
          </div>
          {flip.error && flip.new_status !== 'online' && (
            <p className="mt-0.5 truncate pl-4 font-mono text-2xs text-muted-foreground" title={flip.error}>
              {flip.error}
            </p>
          )}
        </li>
      ))}
    </ol>
  )
}
