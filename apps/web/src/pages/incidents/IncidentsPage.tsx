import { INCIDENT_STATUSES, type IncidentStatus, incidentStatusSchema } from '@mc/shared'
import { useSearchParams } from 'react-router'
import { FilterChip } from '../../components/FilterChip.tsx'
import { Page } from '../../components/Page.tsx'
import { IncidentSection } from './IncidentSection.tsx'

/**
 * `/incidents`: open incidents first, then acknowledged, then resolved (`?status=` shows one),
 * kept current by the event stream's `incident.*` events.
 */
export function IncidentsPage() {
  const [params, setParams] = useSearchParams()
  const parsed = incidentStatusSchema.safeParse(params.get('status'))
  const status: IncidentStatus | null = parsed.success ? parsed.data : null
  const show = (next: IncidentStatus | null) => setParams(next ? { status: next } : {})
  return (
    <Page
      title="Incidents"
      description="Every condition a rule found, from its opening to its end, updating live"
    >
      <fieldset className="flex flex-wrap items-center gap-1.5">
        <legend className="sr-only">Status</legend>
        <FilterChip pressed={status === null} onClick={() => show(null)}>
          All
        </FilterChip>
        {INCIDENT_STATUSES.map((each) => (
          <FilterChip key={each} pressed={status === each} onClick={() => show(each)}>
            {each[0]?.toUpperCase()}
            {each.slice(1)}
          </FilterChip>
        ))}
      </fieldset>
      {(status ? [status] : INCIDENT_STATUSES).map((each) => (
        <IncidentSection key={each} status={each} />
      ))}
    </Page>
  )
}
