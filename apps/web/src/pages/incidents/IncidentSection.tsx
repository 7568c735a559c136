import type { IncidentStatus } from '@mc/shared'
import { useIncidentList } from '../../api/incidents.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { LoadMore } from '../../components/LoadMore.tsx'
import { QueryView } from '../../components/QueryView.tsx'
import { useNowSeconds } from '../../lib/use-now.ts'
import { IncidentRow } from './IncidentRow.tsx'

const TITLES: Record<IncidentStatus, string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  resolved: 'Resolved',
}

const EMPTY: Record<IncidentStatus, string> = {
  open: 'Nothing is wrong right now. When a rule’s condition holds, its incident opens here.',
  acknowledged: 'No one is working on an incident. Acknowledging one stops its repeated notifications.',
  resolved: 'No incident has ended yet.',
}

/** The incidents of one status, newest first, with "Load more" for older ones. */
export function IncidentSection({ status }: { status: IncidentStatus }) {
  const list = useIncidentList(status)
  const now = useNowSeconds(15_000)
  return (
    <section aria-labelledby={`incidents-${status}`} data-section={status} className="space-y-2">
      <h2 id={`incidents-${status}`} className="font-semibold text-sm">
        {TITLES[status]}
      </h2>
      <QueryView
        query={list}
        errorTitle={`Could not load the ${status} incidents`}
        isEmpty={(data) => data.pages.every((page) => page.incidents.length === 0)}
        empty={<EmptyState title={`No ${status} incidents`} description={EMPTY[status]} />}
      >
        {(data) => {
          const incidents = data.pages.flatMap((page) => page.incidents)
          return (
            <>
              <div className="space-y-2">
                {incidents.map((incident) => (
                  <IncidentRow key={incident.id} incident={incident} now={now} />
                ))}
              </div>
              <LoadMore
                query={list}
                count={`${incidents.length} ${incidents.length === 1 ? 'incident' : 'incidents'}`}
                end="all of them"
                testId={`incidents-${status}-count`}
              />
            </>
          )
        }}
      </QueryView>
    </section>
  )
}
