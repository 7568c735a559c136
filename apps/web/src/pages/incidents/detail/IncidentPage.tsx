import { Link, useParams } from 'react-router'
import { useIncidentDetail } from '../../../api/incidents.ts'
import { Page } from '../../../components/Page.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { isNotFound, PendingPage } from '../../../components/PendingPage.tsx'
import { formatDateTime, formatDuration } from '../../../lib/time.ts'
import { useNowSeconds } from '../../../lib/use-now.ts'
import { NotFoundPage } from '../../NotFoundPage.tsx'
import { IncidentActions } from '../IncidentActions.tsx'
import { IncidentStatusBadge, MaintenanceBadge, SeverityIcon } from '../IncidentMarks.tsx'
import { subjectPath } from '../incident-subject.ts'
import { IncidentTimeline } from './IncidentTimeline.tsx'

const BACK = { to: '/incidents', label: 'Incidents' }

/** `/incidents/:id`: one incident, its actions and its timeline, kept current by its events. */
export function IncidentPage() {
  const { id = '' } = useParams()
  const numericId = /^\d+$/.test(id) ? Number(id) : null
  const detail = useIncidentDetail(numericId)
  const now = useNowSeconds(15_000)

  if (numericId === null || isNotFound(detail.error)) {
    return <NotFoundPage title="Incident not found" message={`There is no incident ${id}.`} />
  }
  if (!detail.data) {
    return (
      <PendingPage title="Incident" back={BACK} query={detail} errorTitle="Could not load this incident" />
    )
  }

  const { incident, timeline } = detail.data
  const end = incident.resolved_at ?? now
  return (
    <Page
      title={`${incident.rule_name}: ${incident.subject_name}`}
      back={BACK}
      badges={
        <>
          <SeverityIcon severity={incident.severity} />
          <span data-field="status">
            <IncidentStatusBadge status={incident.status} />
          </span>
          {incident.in_maintenance && <MaintenanceBadge />}
        </>
      }
      description={
        <span data-field="facts">
          {incident.severity} · opened {formatDateTime(incident.opened_at)} ·{' '}
          {incident.resolved_at === null ? 'open for' : 'lasted'} {formatDuration(end - incident.opened_at)} ·{' '}
          {/* Underlined: a link inside a sentence must not be told apart by colour alone. */}
          <Link to={subjectPath(incident)} className="text-primary underline underline-offset-2">
            {incident.subject_type} {incident.subject_name}
          </Link>
        </span>
      }
      actions={<IncidentActions incident={incident} />}
    >
      <Panel id="incident-summary" title="What happened">
        <p className="text-sm">{incident.summary}</p>
      </Panel>
      <Panel id="incident-timeline" title="Timeline" description="Oldest first">
        <IncidentTimeline entries={timeline} />
      </Panel>
    </Page>
  )
}
