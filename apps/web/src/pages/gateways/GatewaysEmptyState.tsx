import { Button } from '../../components/Button.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { GatewaysIcon } from '../../layout/icons.tsx'

interface GatewaysEmptyStateProps {
  /** Opens the add form; null for whoever may not add gateways (not an admin). */
  onAdd: (() => void) | null
  /** The add form is open already (above this). */
  adding: boolean
}

/** No gateway yet: how to add the first one, by role, and the one-variable way for a single gateway. */
export function GatewaysEmptyState({ onAdd, adding }: GatewaysEmptyStateProps) {
  return (
    <EmptyState
      icon={<GatewaysIcon />}
      title="No gateways registered"
      description={
        <>
          Gateways appear here once they are registered with Mission Control. Each one is then probed on a
          schedule for its status, latency, sessions and agents.{' '}
          {!onAdd
            ? 'Ask an admin to add one.'
            : adding
              ? 'Fill in the form above with the first one’s host, port (18789 by default) and token.'
              : 'Add the first one with its host, port (18789 by default) and token.'}{' '}
          For a single-gateway setup, start the API with{' '}
          <code className="font-mono text-foreground">MC_DEFAULT_GATEWAY_HOST</code> (and{' '}
          <code className="font-mono">MC_DEFAULT_GATEWAY_TOKEN</code>) to register it as the primary on the
          first start.
        </>
      }
    >
      {onAdd && !adding && (
        <Button variant="primary" onClick={onAdd}>
          Add the first gateway
        </Button>
      )}
    </EmptyState>
  )
}
