import { useSessions } from '../../api/sessions.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { Page } from '../../components/Page.tsx'
import { SessionsIcon } from '../../layout/icons.tsx'
import { isFiltered } from '../../lib/session-filters.ts'
import { SessionFiltersBar } from './SessionFiltersBar.tsx'
import { SessionResults } from './SessionResults.tsx'
import { useSessionFilters } from './use-session-filters.ts'

/**
 * `/sessions`: the agent sessions of every gateway, newest activity first, filtered in the URL and
 * kept current by the event stream's `session.changed` events.
 */
export function SessionsPage() {
  const [filters, update] = useSessionFilters()
  // The same query the results show: its counts label the state chips.
  const counts = useSessions(filters).data?.pages[0]?.counts
  const filtered = isFiltered(filters)
  return (
    <Page
      title="Sessions"
      description="The agent sessions on every gateway, as the workers watching them see them, updating live"
    >
      <SessionFiltersBar filters={filters} onChange={update} counts={counts} />
      <SessionResults
        filters={filters}
        showGateway
        empty={
          <EmptyState
            icon={<SessionsIcon />}
            title={filtered ? 'No sessions match' : 'No sessions yet'}
            description={
              filtered
                ? 'Try another gateway, agent, state or search.'
                : 'Sessions appear here once a worker watches a gateway that has a token, and an agent works on it.'
            }
          />
        }
      />
    </Page>
  )
}
