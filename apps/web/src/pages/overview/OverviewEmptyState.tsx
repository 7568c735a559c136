import { Link } from 'react-router'
import { EmptyState } from '../../components/EmptyState.tsx'
import { GatewaysIcon } from '../../layout/icons.tsx'

/** No gateway yet: the overview has nothing to sum up, so it points to where gateways are added. */
export function OverviewEmptyState() {
  return (
    <EmptyState
      icon={<GatewaysIcon />}
      title="No gateways yet"
      description="The overview sums up your fleet of OpenClaw gateways: their statuses, latency, uptime and status changes. Register a gateway to see it here."
    >
      <Link to="/gateways" className="text-primary text-sm hover:underline">
        Open the Gateway Manager
      </Link>
    </EmptyState>
  )
}
