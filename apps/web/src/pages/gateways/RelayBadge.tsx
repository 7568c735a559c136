import { RelayStatusLabel } from '../../relay/RelayStatusLabel.tsx'
import { RELAY_STATUS_LOOK, type RelayStatus } from '../../relay/relay-status.ts'

/** On the relayed gateway's card: the relay status, in the header's words and mark. */
export function RelayBadge({ status }: { status: RelayStatus | null }) {
  if (!status) return null
  return (
    <span title={`Live view: ${RELAY_STATUS_LOOK[status].label}`}>
      <RelayStatusLabel
        status={status}
        className="rounded border bg-background/60 px-1.5 py-0.5 font-medium text-2xs text-foreground"
      />
    </span>
  )
}
