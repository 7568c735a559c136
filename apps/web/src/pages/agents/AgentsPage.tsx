import { AGENT_STATUSES } from '@mc/shared'
import { AGENTS_PAGE_SIZE, useAgents } from '../../api/agents.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { FilterChip } from '../../components/FilterChip.tsx'
import { Input } from '../../components/Input.tsx'
import { Page } from '../../components/Page.tsx'
import { Pagination } from '../../components/Pagination.tsx'
import { QueryView } from '../../components/QueryView.tsx'
import { StatusIcon } from '../../components/StatusIcon.tsx'
import { AgentsIcon } from '../../layout/icons.tsx'
import { AGENT_STATUS_TONE } from '../../lib/agent-status.ts'
import { AgentsTable } from './AgentsTable.tsx'
import { useAgentParams } from './use-agent-params.ts'

/** `/agents`: every agent Mission Control knows, searched and filtered on the API, 50 a page. */
export function AgentsPage() {
  const [params, update] = useAgentParams()
  const agents = useAgents(params)
  const filtered = params.q !== undefined || params.status !== undefined
  return (
    <Page
      title="Agents"
      description="Every agent Mission Control knows about, with its status and connections"
    >
      <div className="flex flex-wrap items-center gap-2">
        <Input
          type="search"
          aria-label="Search agents"
          placeholder="Search by name"
          size="compact"
          className="sm:w-56"
          value={params.q ?? ''}
          onChange={(event) => update({ q: event.target.value || undefined })}
        />
        <fieldset className="flex flex-wrap items-center gap-1.5">
          <legend className="sr-only">Filter by status</legend>
          <FilterChip pressed={params.status === undefined} onClick={() => update({ status: undefined })}>
            All
          </FilterChip>
          {AGENT_STATUSES.map((status) => (
            <FilterChip key={status} pressed={params.status === status} onClick={() => update({ status })}>
              <StatusIcon tone={AGENT_STATUS_TONE[status]} />
              <span className="capitalize">{status}</span>
            </FilterChip>
          ))}
        </fieldset>
      </div>
      <QueryView
        query={agents}
        errorTitle="Could not load agents"
        isEmpty={(data) => data.total === 0}
        empty={
          <EmptyState
            icon={<AgentsIcon />}
            title={filtered ? 'No agents match' : 'No agents yet'}
            description={
              filtered
                ? 'Try another name or status.'
                : 'Agents are added automatically when a CLI tool connects on their behalf (POST /api/connect, or mc-agent).'
            }
          />
        }
      >
        {(data) => (
          <>
            <AgentsTable agents={data.agents} />
            <Pagination
              page={params.page}
              pages={Math.max(1, Math.ceil(data.total / AGENTS_PAGE_SIZE))}
              perPage={AGENTS_PAGE_SIZE}
              total={data.total}
              noun="agents"
              onPage={(page) => update({ page })}
            />
          </>
        )}
      </QueryView>
    </Page>
  )
}
