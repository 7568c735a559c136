import { EmptyState } from '../components/EmptyState.tsx'
import { Page } from '../components/Page.tsx'
import { ConnectionsIcon } from '../layout/icons.tsx'

export function ConnectionsPage() {
  return (
    <Page
      title="Direct CLI Connections"
      description="CLI tools such as Claude Code, Codex and scripts, connected over the REST API without a gateway"
    >
      <EmptyState
        icon={<ConnectionsIcon />}
        title="No direct connections"
        description={
          <>
            A tool appears here after it registers with <code className="font-mono">POST /api/connect</code>,
            and stays connected for as long as it keeps sending heartbeats.
          </>
        }
      />
    </Page>
  )
}
