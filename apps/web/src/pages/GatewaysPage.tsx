import { EmptyState } from '../components/EmptyState.tsx'
import { Page } from '../components/Page.tsx'
import { GatewaysIcon } from '../layout/icons.tsx'

export function GatewaysPage() {
  return (
    <Page title="Gateway Manager" description="Manage multiple OpenClaw gateway connections">
      <EmptyState
        icon={<GatewaysIcon />}
        title="No gateways registered"
        description="Gateways appear here once they are registered with Mission Control. Each one is then probed on a schedule for its status, latency, sessions and agents."
      />
    </Page>
  )
}
