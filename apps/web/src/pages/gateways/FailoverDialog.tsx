import type { Gateway } from '@mc/shared'
import { useState } from 'react'
import { useFailoverNow } from '../../api/failovers.ts'
import { useGateways } from '../../api/gateways.ts'
import { FormDialog } from '../../components/FormDialog.tsx'
import { FormField } from '../../components/FormField.tsx'
import { Select } from '../../components/Input.tsx'
import { errorMessage } from '../../lib/error-message.ts'
import { failoverTargetLabel, failoverTargets } from '../../lib/failovers.ts'

const BEST_STANDBY = ''

interface FailoverDialogProps {
  primary: Gateway
  onCancel: () => void
  onDone: (gateway: Gateway) => void
}

/**
 * "Fail over now" (admins, planned maintenance): asks before the primary role moves, to the chosen
 * gateway or the best standby; a refusal (409: the target is not online, no standby is) stays in
 * the dialog with the API's reason.
 */
export function FailoverDialog({ primary, onCancel, onDone }: FailoverDialogProps) {
  const failover = useFailoverNow()
  // Every gateway, only while the dialog is open: any of them may be chosen.
  const gateways = useGateways()
  const [target, setTarget] = useState(BEST_STANDBY)
  return (
    <FormDialog
      title={`Fail over from ${primary.name}?`}
      description={
        <>
          The primary role moves now from <strong className="text-foreground">{primary.name}</strong>; live
          views on it follow. The target must be online.
        </>
      }
      submitLabel="Fail over now"
      pendingLabel="Failing over…"
      pending={failover.isPending}
      error={failover.error ? errorMessage(failover.error) : null}
      onCancel={onCancel}
      onSubmit={() =>
        failover.mutate(target === BEST_STANDBY ? null : Number(target), {
          onSuccess: (response) => onDone(response.gateway),
        })
      }
    >
      <FormField label="Take over with">
        {(control) => (
          <Select
            {...control}
            name="to_id"
            className="w-full"
            disabled={failover.isPending}
            value={target}
            onChange={(event) => setTarget(event.target.value)}
          >
            <option value={BEST_STANDBY}>The best standby (by priority, then latency)</option>
            {failoverTargets(gateways.data?.gateways ?? []).map((gateway) => (
              <option key={gateway.id} value={gateway.id}>
                {failoverTargetLabel(gateway)}
              </option>
            ))}
          </Select>
        )}
      </FormField>
    </FormDialog>
  )
}
