import { nowUnixSeconds } from '@mc/shared'
import { useState } from 'react'
import { useGateways } from '../../../api/gateways.ts'
import { useCreateMaintenanceWindow } from '../../../api/maintenance.ts'
import { CheckboxList } from '../../../components/CheckboxList.tsx'
import { FormDialog } from '../../../components/FormDialog.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { errorMessage } from '../../../lib/error-message.ts'
import { formErrors } from '../../../lib/form-errors.ts'
import { localInputValue, unixSecondsOf } from '../../../lib/maintenance-windows.ts'

const FIELDS = ['gateway_ids', 'starts_at', 'ends_at', 'reason'] as const

/** Schedules a window for chosen gateways: from now for an hour unless told otherwise. */
export function MaintenanceDialog({ onCancel, onSaved }: { onCancel: () => void; onSaved: () => void }) {
  const create = useCreateMaintenanceWindow()
  const gateways = useGateways()
  const [gatewayIds, setGatewayIds] = useState<number[]>([])
  const [startsAt, setStartsAt] = useState(() => localInputValue(nowUnixSeconds()))
  const [endsAt, setEndsAt] = useState(() => localInputValue(nowUnixSeconds() + 3600))
  const [reason, setReason] = useState('')
  const errors = formErrors(create.error, FIELDS, errorMessage)

  const submit = () =>
    create.mutate(
      { gateway_ids: gatewayIds, starts_at: unixSecondsOf(startsAt), ends_at: unixSecondsOf(endsAt), reason },
      { onSuccess: onSaved },
    )

  return (
    <FormDialog
      title="Schedule maintenance"
      description="Incidents of these gateways are still recorded during the window, but notify nobody until it ends."
      className="max-w-xl"
      submitLabel="Schedule"
      pendingLabel="Scheduling…"
      pending={create.isPending}
      onSubmit={submit}
      onCancel={onCancel}
      error={errors.form}
    >
      <CheckboxList
        label="Gateways"
        options={(gateways.data?.gateways ?? []).map(({ id, name }) => ({ id, label: name }))}
        selected={gatewayIds}
        onChange={setGatewayIds}
        error={errors.fields.gateway_ids}
        emptyText="No gateways registered."
        disabled={create.isPending}
      />
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Starts"
          name="starts_at"
          type="datetime-local"
          disabled={create.isPending}
          error={errors.fields.starts_at}
          value={startsAt}
          onChange={(event) => setStartsAt(event.target.value)}
        />
        <TextField
          label="Ends"
          name="ends_at"
          type="datetime-local"
          disabled={create.isPending}
          error={errors.fields.ends_at}
          value={endsAt}
          onChange={(event) => setEndsAt(event.target.value)}
        />
      </div>
      <TextField
        label="Reason"
        name="reason"
        autoComplete="off"
        required
        disabled={create.isPending}
        placeholder="Upgrading to 2026.9"
        error={errors.fields.reason}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
    </FormDialog>
  )
}
