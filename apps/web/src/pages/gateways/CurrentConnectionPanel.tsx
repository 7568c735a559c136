import { LIVE_CLOSE } from '@mc/shared'
import { useRole } from '../../auth/use-role.ts'
import { Badge } from '../../components/Badge.tsx'
import { Button } from '../../components/Button.tsx'
import { Panel } from '../../components/Panel.tsx'
import { ConnectionState } from '../../live-connection/ConnectionState.tsx'
import { isActive } from '../../live-connection/live-session.ts'
import { useLiveSnapshot, useLiveStore } from '../../live-connection/use-live-connection.ts'
import { LiveEventFeed } from './LiveEventFeed.tsx'

/**
 * The seed's "Current Connection Info" box: the live gateway connection in full, Disconnect (or
 * Connect again after the API ended it), and the gateway's relayed events. For operators and admins
 * (viewers cannot connect), once there is a gateway to connect to or a session to explain.
 */
export function CurrentConnectionPanel({ hasGateways }: { hasGateways: boolean }) {
  const store = useLiveStore()
  const snapshot = useLiveSnapshot()
  const { can } = useRole()
  const { phase, gateway } = snapshot
  if (!can('operator') || (!hasGateways && phase === 'idle')) return null
  const active = isActive(phase)
  const name = gateway ? (gateway.name ?? `gateway #${gateway.id}`) : null
  // After the API ended the session, trying again makes sense unless the gateway is gone.
  const retryable = phase === 'ended' && snapshot.closeCode !== LIVE_CLOSE.gatewayDeleted

  return (
    <Panel
      id="current-connection-heading"
      title="Current connection"
      badge={snapshot.state.isConnected ? <Badge variant="success">Live</Badge> : undefined}
      description={
        name ? (
          <>
            {active ? 'Live relay of ' : 'The live connection to '}
            <strong data-field="connection-gateway" className="text-foreground">
              {name}
            </strong>
            {active ? ' through Mission Control' : ' ended'}
          </>
        ) : (
          'Connect to a gateway below to follow its state and events live'
        )
      }
      actions={
        active ? (
          <Button onClick={() => store.disconnect()}>Disconnect</Button>
        ) : retryable && gateway ? (
          <Button onClick={() => store.connect(gateway.id, gateway.name)}>Connect again</Button>
        ) : undefined
      }
    >
      <ConnectionState snapshot={snapshot} />
      <LiveEventFeed events={snapshot.events} received={snapshot.received} active={active} />
    </Panel>
  )
}
