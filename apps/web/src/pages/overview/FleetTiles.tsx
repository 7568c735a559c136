import type { FleetOverviewResponse } from '@mc/shared'
import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Stat } from '../../components/Stat.tsx'
import { GATEWAY_STATUS_ORDER, GATEWAY_STATUS_TEXT, type StatusCounts } from '../../lib/gateway-status.ts'

const STATUS_HINT = {
  online: 'answering probes',
  offline: 'refused or unreachable',
  timeout: 'no answer in time',
  error: 'reachable, but refusing',
  unknown: 'not probed yet',
} as const

interface FleetTilesProps {
  counts: StatusCounts
  totals: FleetOverviewResponse['totals']
  connectedAgents: number
  /** Failed handshakes on every gateway in the last 24 h. */
  authFailures: number
}

/** One tile per figure; `data-testid="stat-<name>"` for tests. */
function Tile({ name, children }: { name: string; children: ReactNode }) {
  return <div data-testid={`stat-${name}`}>{children}</div>
}

/** Gateways by status, then what runs on them: the figures move live with the overview. */
export function FleetTiles({ counts, totals, connectedAgents, authFailures }: FleetTilesProps) {
  return (
    <div className="space-y-2">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        {GATEWAY_STATUS_ORDER.map((status) => (
          <Tile key={status} name={status}>
            <Stat
              id={status}
              label={status}
              value={counts[status]}
              valueClassName={counts[status] > 0 ? GATEWAY_STATUS_TEXT[status] : 'text-muted-foreground'}
              hint={STATUS_HINT[status]}
            />
          </Tile>
        ))}
      </div>
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        <Tile name="gateways">
          <Stat id="gateways" label="Gateways" value={totals.gateways} hint="registered" />
        </Tile>
        <Tile name="sessions">
          <Stat
            id="sessions"
            label="Sessions"
            value={totals.sessions}
            hint="across gateways, last reported"
          />
        </Tile>
        <Tile name="agents">
          <Stat
            id="agents"
            label="Gateway agents"
            value={totals.agents}
            hint="across gateways, last reported"
          />
        </Tile>
        <Tile name="connected-agents">
          <Stat
            id="connected-agents"
            label="CLI agents"
            value={connectedAgents}
            hint="with a live direct connection"
          />
        </Tile>
        <Tile name="auth-failures">
          <Stat
            id="auth-failures"
            label="Auth failures (24 h)"
            value={
              <Link to="/gateways" className="hover:text-primary hover:underline">
                {authFailures.toLocaleString('en')}
              </Link>
            }
            valueClassName={authFailures ? 'text-amber-400' : 'text-muted-foreground'}
            hint="refused handshakes"
          />
        </Tile>
      </div>
    </div>
  )
}
