import type { Gateway } from '@mc/shared'
import { Button } from '../../components/Button.tsx'
import { useCardRelayStatus, useRelayStore } from '../../relay/use-relay.ts'

/**
 * Connect, or Close live view on the gateway being watched (still trying included). Connecting to
 * another gateway switches: the old relay closes first. Operators and admins only.
 */
export function RelayButton({ gateway }: { gateway: Gateway }) {
  const store = useRelayStore()
  const relay = useCardRelayStatus(gateway.id)
  if (relay === 'connecting' || relay === 'connected' || relay === 'reconnecting') {
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
          ? `Open a live view of ${gateway.name}`
          : 'Set a token (Edit) to connect live: the gateway needs it'
      }
      onClick={() => store.connect(gateway.id, gateway.name)}
    >
      {relay === 'gave-up' ? 'Try again' : 'Connect'}
    </Button>
  )
}
