import { LIVE_STATUS_LOOK, type LiveStatus } from '../../live-connection/connection-view.ts'
import { LiveStatusLabel } from '../../live-connection/LiveStatusLabel.tsx'

/** On the card of the live session's gateway: the live status, in the header's words and mark. */
export function LiveBadge({ status }: { status: LiveStatus | null }) {
  if (!status) return null
  return (
    <span title={`Live view: ${LIVE_STATUS_LOOK[status].label}`}>
      <LiveStatusLabel
        status={status}
        className="rounded border bg-background/60 px-1.5 py-0.5 font-medium text-2xs text-foreground"
      />
    </span>
  )
}
