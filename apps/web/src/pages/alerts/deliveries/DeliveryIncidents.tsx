import { Fragment } from 'react'
import { Link } from 'react-router'

/** The incidents a delivery was about, each a link to its page; "—" for a test. */
export function DeliveryIncidents({ incidentIds }: { incidentIds: number[] }) {
  if (incidentIds.length === 0) return '—'
  return incidentIds.map((id, index) => (
    <Fragment key={id}>
      {index > 0 && ', '}
      <Link to={`/incidents/${id}`} className="hover:text-primary hover:underline">
        #{id}
      </Link>
    </Fragment>
  ))
}
