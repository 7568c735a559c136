import { LIVE_CLOSE } from '@mc/shared'
import { useRole } from '../../auth/use-role.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { Panel } from '../../components/Panel.tsx'
import { RelayState } from '../../relay/RelayState.tsx'
import { isActive, primaryMoveText } from '../../relay/relay-snapshot.ts'
import { useRelaySnapshot, useRelayStore } from '../../relay/use-relay.ts'
import { RelayEventFeed } from './RelayEventFeed.tsx'

/**
 * The seed's "Current Connection Info" box: the relay in full, Close live view (or
 * Try again after giving up, Connect again after the API ended it), why it switched gateways by
 * itself (the primary moved), and the gateway's relayed events. For operators and admins (viewers cannot connect), once there is a gateway to connect to
 * or an ended relay to explain.
 */
export function RelayPanel({ hasGateways }: { hasGateways: boolean }) {
  const store = useRelayStore()
  const snapshot = useRelaySnapshot()
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
      id="relay-heading"
      title="Current connection"
      description={
        name ? (
          <>
            {active ? 'Live view of ' : 'The live view of '}
            <strong data-field="relay-gateway" className="text-foreground">
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
      {snapshot.moved && (
        <Alert tone="warning" className="mb-3">
          <span data-testid="primary-moved">{primaryMoveText(snapshot.moved)}</span>
        </Alert>
      )}
      <RelayState snapshot={snapshot} />
      <RelayEventFeed events={snapshot.events} received={snapshot.received} active={active} />
    </Panel>
  )
}
