import type { Gateway } from '@mc/shared'
import { useRole } from '../../auth/use-role.ts'
import { Button } from '../../components/Button.tsx'
import { ProbeButton } from './ProbeButton.tsx'
import { RelayButton } from './RelayButton.tsx'

export interface GatewayActions {
  onProbe: (gateway: Gateway) => void
  onSetPrimary: (gateway: Gateway) => void
  onEdit: (gateway: Gateway) => void
  onRotateToken: (gateway: Gateway) => void
  onDelete: (gateway: Gateway) => void
}

interface GatewayCardActionsProps extends GatewayActions {
  gateway: Gateway
  probing: boolean
  /** A change to this gateway (e.g. becoming primary) is on its way. */
  busy: boolean
}

/** Connect and Probe for operators; Set Primary, Edit, Rotate token and Delete for admins; nothing at all for viewers. */
export function GatewayCardActions({
  gateway,
  probing,
  busy,
  onProbe,
  onSetPrimary,
  onEdit,
  onRotateToken,
  onDelete,
}: GatewayCardActionsProps) {
  const { can } = useRole()
  if (!can('operator')) return null
  return (
    <div className="flex min-w-0 flex-wrap items-center gap-1.5 sm:justify-end">
      <RelayButton gateway={gateway} />
      <ProbeButton
        label="Probe"
        target={gateway.name}
        probing={probing}
        onClick={() => onProbe(gateway)}
        className="h-7"
      />
      {can('admin') && (
        <>
          {gateway.is_primary === 0 && (
            <Button className="h-7" disabled={busy} onClick={() => onSetPrimary(gateway)}>
              Set Primary
            </Button>
          )}
          <Button className="h-7" variant="ghost" disabled={busy} onClick={() => onEdit(gateway)}>
            Edit
          </Button>
          {gateway.token_set && (
            <Button className="h-7" variant="ghost" disabled={busy} onClick={() => onRotateToken(gateway)}>
              Rotate token
            </Button>
          )}
          <Button
            className="h-7 text-red-400 hover:text-red-300"
            variant="ghost"
            disabled={busy}
            onClick={() => onDelete(gateway)}
          >
            Delete
          </Button>
        </>
      )}
    </div>
  )
}
