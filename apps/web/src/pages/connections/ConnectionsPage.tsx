import { useConnections } from '../../api/connections.ts'
import { LoadMore } from '../../components/LoadMore.tsx'
import { Page } from '../../components/Page.tsx'
import { QueryView } from '../../components/QueryView.tsx'
import { ConnectionFiltersBar } from './ConnectionFiltersBar.tsx'
import { ConnectionList } from './ConnectionList.tsx'
import { ConnectionsEmptyState } from './ConnectionsEmptyState.tsx'
import { useConnectionFilters } from './use-connection-filters.ts'

/** `/connections`: every direct CLI connection, newest first, open ones by default. */
export function ConnectionsPage() {
  const [filters, setFilters] = useConnectionFilters()
  const connections = useConnections(filters)
  const filtered = filters.status !== 'connected' || filters.agent !== undefined || filters.tool !== undefined
  return (
    <Page
      title="Direct CLI Connections"
      description="CLI tools such as Claude Code, Codex and scripts, connected over the REST API without a gateway"
    >
      <ConnectionFiltersBar filters={filters} onApply={setFilters} />
      <QueryView
        query={connections}
        errorTitle="Could not load connections"
        isEmpty={(data) => data.pages.every((page) => page.connections.length === 0)}
        empty={<ConnectionsEmptyState filtered={filtered} />}
      >
        {(data) => {
          const rows = data.pages.flatMap((page) => page.connections)
          return (
            <>
              <ConnectionList connections={rows} />
              <LoadMore
                query={connections}
                count={`${rows.length} ${rows.length === 1 ? 'connection' : 'connections'}`}
                end="all of them"
                testId="connections-count"
              />
            </>
          )
        }}
      </QueryView>
    </Page>
  )
}
