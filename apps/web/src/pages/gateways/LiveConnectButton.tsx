import type { Gateway } from '@mc/shared'
import { Button } from '../../components/Button.tsx'
import { useCardLiveStatus, useLiveStore } from '../../live-connection/use-live-connection.ts'

/**
 * Connect, or Close live view on the gateway being watched (still trying included). Connecting to
 * another gateway switches: the old live connection closes first. Operators and admins only.
 */
export function LiveConnectButton({ gateway }: { gateway: Gateway }) {
  const store = useLiveStore()
  const live = useCardLiveStatus(gateway.id)
  if (live === 'connecting' || live === 'connected' || live === 'reconnecting') {
    return (
      <Button
        className="h-7"
        data-action="close-live-view"
        title={`Stop watching ${gateway.name} live (the gateway itself is not touched)`}
        onClick={() => store.disconnect()}
      >
        Close live view
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
      {live === 'gave-up' ? 'Try again' : 'Connect'}
    </Button>
  )
}
