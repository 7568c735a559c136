import { useState } from 'react'
import { useGatewayEvents } from '../../../api/gateway-insights.ts'
import type { TimelineFilters as Filters } from '../../../api/queries.ts'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { LoadMore } from '../../../components/LoadMore.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { TimelineFilters } from './TimelineFilters.tsx'
import { TimelineTable } from './TimelineTable.tsx'

/** Every event the gateway sent, as its watcher kept it: filterable, newest first, paged back. */
export function TimelinePanel({ gatewayId }: { gatewayId: number }) {
  const [filters, setFilters] = useState<Filters>({})
  const events = useGatewayEvents(gatewayId, filters)
  const types = events.data?.pages[0]?.types ?? []
  const filtered = Object.values(filters).some((value) => value !== undefined)
  return (
    <Panel
      id="timeline-heading"
      title="Timeline"
      description="What the gateway sent: event, session, agent and a short summary, never message content"
    >
      <TimelineFilters
        filters={filters}
        types={types}
        onChange={(change) => setFilters((current) => ({ ...current, ...change }))}
      />
      <QueryView
        query={events}
        errorTitle="Could not load the timeline"
        isEmpty={(data) => data.pages.every((page) => page.events.length === 0)}
        empty={
          <EmptyState
            title={filtered ? 'No events match' : 'No events yet'}
            description={
              filtered
                ? 'Try another type, session or time.'
                : "Events appear here once the gateway's watcher is connected and the gateway sends some."
            }
          />
        }
      >
        {(data) => {
          const rows = data.pages.flatMap((page) => page.events)
          return (
            <>
              <TimelineTable events={rows} />
              <LoadMore
                query={events}
                count={`${rows.length} ${rows.length === 1 ? 'event' : 'events'}`}
                end="all that are kept"
                testId="timeline-count"
                moreLabel="Older events"
              />
            </>
          )
        }}
      </QueryView>
    </Panel>
  )
}
