import type { Gateway } from '@mc/shared'
import { useGatewayWatcher } from '../../../api/sessions.ts'
import { StatusIcon } from '../../../components/StatusIcon.tsx'
import { useNowSeconds } from '../../../lib/use-now.ts'
import { watcherLine } from '../../../lib/watcher-status.ts'

/** How the gateway's sessions are followed: which worker watches them, or why the list may be behind. */
export function WatcherStatusLine({ gateway }: { gateway: Gateway }) {
  const watcher = useGatewayWatcher(gateway.id)
  const now = useNowSeconds()
  if (!watcher.data) {
    return (
      <span>{watcher.isError ? 'Could not ask how they are watched' : 'Asking how they are watched…'}</span>
    )
  }
  const line = watcherLine(gateway, watcher.data.watcher, now)
  return (
    <span className="inline-flex flex-wrap items-center gap-x-3 gap-y-1" data-testid="watcher-status">
      <span className="inline-flex items-center gap-1.5">
        <StatusIcon tone={line.tone} />
        {line.text}
      </span>
      {line.warning && (
        <span className="inline-flex items-center gap-1.5 text-amber-400">
          <StatusIcon tone="warn" />
          {line.warning}
        </span>
      )}
    </span>
  )
}
