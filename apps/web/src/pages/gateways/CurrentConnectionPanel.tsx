import { LIVE_CLOSE } from '@mc/shared'
import { useRole } from '../../auth/use-role.ts'
import { Button } from '../../components/Button.tsx'
import { Panel } from '../../components/Panel.tsx'
import { ConnectionState } from '../../live-connection/ConnectionState.tsx'
import { isActive } from '../../live-connection/live-session.ts'
import { useLiveSnapshot, useLiveStore } from '../../live-connection/use-live-connection.ts'
import { LiveEventFeed } from './LiveEventFeed.tsx'

/**
 * The seed's "Current Connection Info" box: the live gateway connection in full, Close live view (or
 * Try again after giving up, Connect again after the API ended it), and the gateway's relayed
 * events. For operators and admins (viewers cannot connect), once there is a gateway to connect to
 * or a session to explain.
 */
export function CurrentConnectionPanel({ hasGateways }: { hasGateways: boolean }) {
  const store = useLiveStore()
  const snapshot = useLiveSnapshot()
  const { can } = useRole()
  const { phase, gateway } = snapshot
  if (!can('operator') || (!hasGateways && phase === 'idle')) return null
  const active = isActive(phase)
  const name = gateway ? (gateway.name ?? `gateway #${gateway.id}`) : null
  // Trying again makes sense after giving up, or after the API ended it unless the gateway is gone.
  const again =
    phase === 'gave-up'
      ? 'Try again'
      : phase === 'ended' && snapshot.closeCode !== LIVE_CLOSE.gatewayDeleted
        ? 'Connect again'
        : null

  return (
    <Panel
      id="current-connection-heading"
      title="Current connection"
      description={
        name ? (
          <>
            {active ? 'Live view of ' : 'The live view of '}
            <strong data-field="connection-gateway" className="text-foreground">
              {name}
            </strong>
            {active ? ' through Mission Control' : ' is closed'}
          </>
        ) : (
          'Connect to a gateway below to follow its state and events live'
        )
      }
      actions={
        active ? (
          <Button data-action="close-live-view" onClick={() => store.disconnect()}>
            Close live view
          </Button>
        ) : again && gateway ? (
          <Button data-action="connect-again" onClick={() => store.connect(gateway.id, gateway.name)}>
            {again}
          </Button>
        ) : undefined
      }
    >
      <ConnectionState snapshot={snapshot} />
      <LiveEventFeed events={snapshot.events} received={snapshot.received} active={active} />
    </Panel>
  )
}
