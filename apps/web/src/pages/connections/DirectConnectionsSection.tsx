import { Link } from 'react-router'
import { LIVE_SECTION_SIZE, useLiveConnections } from '../../api/connections.ts'
import { Panel } from '../../components/Panel.tsx'
import { QueryView } from '../../components/QueryView.tsx'
import { ConnectionList } from './ConnectionList.tsx'

/** The bottom of the Gateway Manager, as in the seed's MultiGatewayPanel: the newest open connections. */
export function DirectConnectionsSection() {
  const live = useLiveConnections()
  const more = live.data?.next_before != null
  return (
    <Panel
      id="direct-connections-heading"
      title="Direct CLI Connections"
      description={
        more
          ? `The ${LIVE_SECTION_SIZE} newest open connections of CLI tools reporting without a gateway`
          : 'CLI tools (Claude Code, Codex, scripts) reporting without a gateway'
      }
      actions={
        <Link to="/connections" className="text-primary text-xs hover:underline">
          All connections →
        </Link>
      }
    >
      <QueryView
        query={live}
        errorTitle="Could not load connections"
        isEmpty={(data) => data.connections.length === 0}
        empty={
          <p className="text-muted-foreground text-xs">
            No tool is connected. Tools register with <code className="font-mono">POST /api/connect</code> or
            run under <code className="font-mono">mc-agent</code>; see{' '}
            <Link to="/connections" className="text-primary hover:underline">
              Connections
            </Link>{' '}
            for how.
          </p>
        }
      >
        {(data) => <ConnectionList connections={data.connections} />}
      </QueryView>
    </Panel>
  )
}
