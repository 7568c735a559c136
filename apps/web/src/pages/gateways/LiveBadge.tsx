import { Badge } from '../../components/Badge.tsx'
import type { CardLiveStatus } from '../../live-connection/connection-view.ts'

/** The seed's CONNECTED tag on the card of the live session's gateway, CONNECTING until it is up. */
export function LiveBadge({ status }: { status: CardLiveStatus }) {
  if (status === 'connected') return <Badge variant="success">Connected</Badge>
  if (status === 'connecting') return <Badge variant="warning">Connecting</Badge>
  return null
}
