import type { Gateway } from '@mc/shared'
import { Link } from 'react-router'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { sessionsPath } from '../../../lib/session-filters.ts'
import { SessionResults } from '../../sessions/SessionResults.tsx'
import { WatcherStatusLine } from './WatcherStatusLine.tsx'

/** How many of its sessions a gateway's page shows at first; the Sessions page has them all. */
const SHOWN = 10

/** The gateway's live sessions, newest activity first, and how its watcher is doing. */
export function GatewaySessionsPanel({ gateway }: { gateway: Gateway }) {
  return (
    <Panel
      id="sessions-heading"
      title="Sessions"
      description={<WatcherStatusLine gateway={gateway} />}
      actions={
        <Link to={sessionsPath({ gateway_id: gateway.id })} className="text-primary text-xs hover:underline">
          All sessions of this gateway →
        </Link>
      }
    >
      <SessionResults
        filters={{ gateway_id: gateway.id }}
        pageSize={SHOWN}
        showGateway={false}
        empty={
          <EmptyState
            title="No live sessions"
            description="Sessions of this gateway's agents appear here as its watcher sees them."
          />
        }
      />
    </Panel>
  )
}
