import type { Gateway } from '@mc/shared'
import { Button } from '../../components/Button.tsx'
import { cardLiveStatus } from '../../live-connection/connection-view.ts'
import { useLiveSelect, useLiveStore } from '../../live-connection/use-live-connection.ts'

/**
 * Connect (or, on the gateway of the live session, Disconnect). Connecting to another gateway
 * switches: the old live connection closes first. Operators and admins only; the card hides it.
 */
export function LiveConnectButton({ gateway }: { gateway: Gateway }) {
  const store = useLiveStore()
  const live = useLiveSelect((snapshot) => cardLiveStatus(snapshot, gateway.id))
  if (live) {
    return (
      <Button className="h-7" data-action="disconnect" onClick={() => store.disconnect()}>
        Disconnect
      </Button>
    )
  }
  // The API connects with the stored token; without one there is nothing to connect with.
  return (
    <Button
      className="h-7"
      data-action="connect"
      disabled={!gateway.token_set}
      title={
        gateway.token_set
          ? `Open a live connection to ${gateway.name}`
          : 'Set a token (Edit) to connect live: the gateway needs it'
      }
      onClick={() => store.connect(gateway.id, gateway.name)}
    >
      Connect
    </Button>
  )
}
