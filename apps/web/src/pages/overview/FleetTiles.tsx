import type { ReactNode } from 'react'
import { Link } from 'react-router'
import { Stat } from '../../components/Stat.tsx'
import type { FleetSummary } from '../../lib/fleet-summary.ts'
import { GATEWAY_STATUS_ORDER, GATEWAY_STATUS_TEXT } from '../../lib/gateway-status.ts'

const STATUS_HINT = {
  online: 'answering probes',
  offline: 'refused or unreachable',
  timeout: 'no answer in time',
  error: 'reachable, but refusing',
  unknown: 'not probed yet',
} as const

interface FleetTilesProps {
  summary: FleetSummary
  /** From the overview endpoint: undefined while it loads or failed. */
  connectedAgents: number | undefined
  /** Failed handshakes on every gateway in the last 24 h; undefined while loading or unknown. */
  authFailures: number | undefined
}

/** One tile per figure; `data-testid="stat-<name>"` for tests. */
function Tile({ name, children }: { name: string; children: ReactNode }) {
  return <div data-testid={`stat-${name}`}>{children}</div>
}

/** Gateways by status, then what runs on them: the figures move live with the gateway list. */
export function FleetTiles({ summary, connectedAgents, authFailures }: FleetTilesProps) {
  const { counts, totals } = summary
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
            value={connectedAgents ?? '—'}
            hint="with a live direct connection"
          />
        </Tile>
        <Tile name="auth-failures">
          <Stat
            id="auth-failures"
            label="Auth failures (24 h)"
            value={
              authFailures === undefined ? (
                '—'
              ) : (
                <Link to="/gateways" className="hover:text-primary hover:underline">
                  {authFailures.toLocaleString('en')}
                </Link>
              )
            }
            valueClassName={authFailures ? 'text-amber-400' : 'text-muted-foreground'}
            hint="refused handshakes"
          />
        </Tile>
      </div>
    </div>
  )
}
