import { Link } from 'react-router'
import { useIncidentList } from '../../api/incidents.ts'
import { Panel } from '../../components/Panel.tsx'
import { QueryView } from '../../components/QueryView.tsx'
import { formatAge } from '../../lib/time.ts'
import { useNowSeconds } from '../../lib/use-now.ts'
import { IncidentStatusBadge, SeverityIcon } from '../incidents/IncidentMarks.tsx'

/** How many incidents the overview lists; the rest are a click away. */
const SHOWN = 5

/** The overview's open and acknowledged incidents: how many, and the newest open ones first. */
export function OpenIncidentsPanel() {
  const open = useIncidentList('open')
  const acknowledged = useIncidentList('acknowledged')
  const now = useNowSeconds(15_000)
  const loaded =
    open.data && acknowledged.data ? { open: open.data, acknowledged: acknowledged.data } : undefined
  const failed = open.isError ? open : acknowledged
  return (
    <Panel
      id="overview-incidents"
      title="Open incidents"
      actions={
        <Link to="/incidents" className="text-primary text-xs hover:underline">
          All incidents →
        </Link>
      }
    >
      <QueryView
        query={{ ...failed, data: loaded }}
        errorTitle="Could not load the incidents"
        isEmpty={() => false}
        empty={null}
      >
        {(data) => {
          const incidents = [...data.open.pages, ...data.acknowledged.pages].flatMap((page) => page.incidents)
          const more =
            data.open.pages.at(-1)?.next_before != null || data.acknowledged.pages.at(-1)?.next_before != null
          return (
            <div className="space-y-2">
              <p className="text-sm" data-testid="open-incidents-count">
                {incidents.length === 0
                  ? 'No open incidents.'
                  : `${incidents.length}${more ? '+' : ''} ${incidents.length === 1 ? 'incident needs' : 'incidents need'} attention`}
              </p>
              {incidents.length > 0 && (
                <ul className="divide-y text-sm">
                  {incidents.slice(0, SHOWN).map((incident) => (
                    <li
                      key={incident.id}
                      data-incident={incident.id}
                      className="flex items-center gap-2 py-1.5"
                    >
                      <SeverityIcon severity={incident.severity} />
                      <Link
                        to={`/incidents/${incident.id}`}
                        className="min-w-0 truncate font-medium hover:text-primary hover:underline"
                      >
                        {incident.rule_name}: {incident.subject_name}
                      </Link>
                      <IncidentStatusBadge status={incident.status} />
                      <span className="ml-auto shrink-0 text-muted-foreground text-xs">
                        {formatAge(now - incident.opened_at)}
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )
        }}
      </QueryView>
    </Panel>
  )
}
