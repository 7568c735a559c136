import { Link, useParams } from 'react-router'
import { useAgentDetail } from '../../../api/agents.ts'
import { Badge } from '../../../components/Badge.tsx'
import { Page } from '../../../components/Page.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { isNotFound, PendingPage } from '../../../components/PendingPage.tsx'
import { StatusIcon } from '../../../components/StatusIcon.tsx'
import { AGENT_STATUS_TONE } from '../../../lib/agent-status.ts'
import { formatAge, formatDate } from '../../../lib/time.ts'
import { useNowSeconds } from '../../../lib/use-now.ts'
import { ConnectionList } from '../../connections/ConnectionList.tsx'
import { NotFoundPage } from '../../NotFoundPage.tsx'
import { TokenUsagePanel } from './TokenUsagePanel.tsx'

const BACK = { to: '/agents', label: 'Agents' }

/** `/agents/:id` (an id or a name): the agent, its open connections and its token usage. */
export function AgentPage() {
  const { id = '' } = useParams()
  const detail = useAgentDetail(id)
  const now = useNowSeconds(5000)

  if (isNotFound(detail.error)) {
    return <NotFoundPage title="Agent not found" message={`There is no agent ${id}.`} />
  }
  if (!detail.data) {
    return <PendingPage title="Agent" back={BACK} query={detail} errorTitle="Could not load this agent" />
  }

  const { agent, connections, tokens } = detail.data
  const history = `/connections?status=all&agent=${encodeURIComponent(agent.name)}`
  return (
    <Page
      title={agent.name}
      back={BACK}
      badges={
        <>
          <StatusIcon tone={AGENT_STATUS_TONE[agent.status]} label={`Status: ${agent.status}`} />
          <span className="text-muted-foreground text-xs capitalize" data-field="status">
            {agent.status}
          </span>
          <Badge>{agent.role}</Badge>
        </>
      }
      description={
        <span data-field="facts">
          Source: {agent.source} · Last seen{' '}
          {formatAge(agent.last_seen === null ? null : now - agent.last_seen)} · Known since{' '}
          {formatDate(agent.created_at)}
        </span>
      }
    >
      <Panel
        id="agent-connections-heading"
        title="Live connections"
        description={`${connections.length} open`}
        actions={
          <Link to={history} className="text-primary text-xs hover:underline">
            All of its connections →
          </Link>
        }
      >
        {connections.length === 0 ? (
          <p className="text-muted-foreground text-xs">No open connection right now.</p>
        ) : (
          <ConnectionList connections={connections} />
        )}
      </Panel>
      <TokenUsagePanel tokens={tokens} />
    </Page>
  )
}
