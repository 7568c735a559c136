import type { Incident } from '@mc/shared'
import { Link } from 'react-router'
import { Badge } from '../../components/Badge.tsx'

/** On a gateway's card: it has an open (red) or acknowledged (amber) incident, a link to it. */
export function IncidentLinkBadge({ incident }: { incident: Incident | undefined }) {
  if (!incident) return null
  return (
    <Link
      to={`/incidents/${incident.id}`}
      data-testid="incident-badge"
      data-status={incident.status}
      title={incident.summary}
    >
      <Badge variant={incident.status === 'open' ? 'danger' : 'warning'}>
        {incident.status === 'open' ? 'Incident' : 'Incident acked'}
      </Badge>
    </Link>
  )
}
