import type { Incident } from '@mc/shared'
import { Link } from 'react-router'
import { formatAge, formatDateTime, formatDuration } from '../../lib/time.ts'
import { IncidentActions } from './IncidentActions.tsx'
import { IncidentStatusBadge, MaintenanceBadge, SeverityIcon } from './IncidentMarks.tsx'
import { subjectPath } from './incident-subject.ts'

/** How long it has lasted: "open for 3 min", or "lasted 12 min" once resolved. */
function lasted(incident: Incident, now: number): string {
  if (incident.resolved_at !== null)
    return `lasted ${formatDuration(incident.resolved_at - incident.opened_at)}`
  return `open for ${formatDuration(now - incident.opened_at)}`
}

/** One incident in a list: severity, subject, status, summary, when and how long, and its actions. */
export function IncidentRow({ incident, now }: { incident: Incident; now: number }) {
  return (
    <article
      aria-label={`${incident.rule_name}: ${incident.subject_name}`}
      data-incident={incident.id}
      data-status={incident.status}
      data-subject={incident.subject_name}
      className="rounded-lg border bg-card p-3"
    >
      <div className="flex flex-wrap items-center justify-between gap-2">
        <div className="flex min-w-0 flex-wrap items-center gap-2">
          <SeverityIcon severity={incident.severity} />
          <h3 className="min-w-0 truncate font-semibold text-sm">
            <Link to={`/incidents/${incident.id}`} className="hover:text-primary hover:underline">
              {incident.rule_name}
            </Link>
          </h3>
          <Link to={subjectPath(incident)} className="text-muted-foreground text-xs hover:text-foreground">
            {incident.subject_name}
          </Link>
          <IncidentStatusBadge status={incident.status} />
          {incident.in_maintenance && <MaintenanceBadge />}
        </div>
        <IncidentActions incident={incident} />
      </div>
      <p className="mt-1 truncate text-xs" title={incident.summary}>
        {incident.summary}
      </p>
      <p className="mt-0.5 text-2xs text-muted-foreground">
        <span title={formatDateTime(incident.opened_at)}>Opened {formatAge(now - incident.opened_at)}</span>
        {' · '}
        {lasted(incident, now)}
        {incident.acknowledged_by && ` · acknowledged by ${incident.acknowledged_by}`}
        {incident.resolved_at !== null && ` · resolved by ${incident.resolved_by ?? 'itself'}`}
      </p>
    </article>
  )
}
