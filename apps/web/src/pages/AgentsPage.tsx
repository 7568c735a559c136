import { EmptyState } from '../components/EmptyState.tsx'
import { Page } from '../components/Page.tsx'
import { AgentsIcon } from '../layout/icons.tsx'

export function AgentsPage() {
  return (
    <Page
      title="Agents"
      description="Every agent Mission Control knows about, with its status and token usage"
    >
      <EmptyState
        icon={<AgentsIcon />}
        title="No agents yet"
        description="Agents are added automatically when a CLI tool connects on their behalf."
      />
    </Page>
  )
}
