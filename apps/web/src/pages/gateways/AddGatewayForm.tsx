import type { Gateway } from '@mc/shared'
import { type FormEvent, useState } from 'react'
import { useCreateGateway } from '../../api/gateways.ts'
import { Alert } from '../../components/Alert.tsx'
import { Button } from '../../components/Button.tsx'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { errorMessage } from '../../lib/error-message.ts'
import { formErrors } from '../../lib/form-errors.ts'
import { createGatewayBody, EMPTY_GATEWAY_FORM, GATEWAY_FORM_FIELDS } from '../../lib/gateway-form.ts'
import { GatewayFields } from './GatewayFields.tsx'

interface AddGatewayFormProps {
  onAdded: (gateway: Gateway) => void
  onCancel: () => void
}

/** The seed's AddGatewayForm: name, host, port, token and primary; 400s under the fields, 409 below. */
export function AddGatewayForm({ onAdded, onCancel }: AddGatewayFormProps) {
  const create = useCreateGateway()
  const [values, setValues] = useState(EMPTY_GATEWAY_FORM)
  const [primary, setPrimary] = useState(false)
  const errors = formErrors(create.error, GATEWAY_FORM_FIELDS, errorMessage)

  const submit = (event: FormEvent) => {
    event.preventDefault()
    create.mutate(createGatewayBody(values, primary), { onSuccess: ({ gateway }) => onAdded(gateway) })
  }

  return (
    <form onSubmit={submit} aria-label="Add gateway" className="space-y-4 rounded-lg border bg-card p-4">
      <div>
        <h2 className="font-semibold text-sm">Add a gateway</h2>
        <p className="mt-0.5 text-muted-foreground text-xs">
          The worker probes every gateway every 30 seconds; use Probe to check a new one now. The token is
          stored encrypted and never shown again.
        </p>
      </div>
      <GatewayFields
        values={values}
        onChange={setValues}
        errors={errors.fields}
        tokenHint="Optional; without one, only the gateway's /health is checked"
        disabled={create.isPending}
      />
      <CheckboxField
        label="Primary gateway"
        hint="The primary connects on page load; the current primary, if any, stops being one."
        name="is_primary"
        disabled={create.isPending}
        error={errors.fields.is_primary}
        checked={primary}
        onChange={setPrimary}
      />
      {errors.form && <Alert>{errors.form}</Alert>}
      <div className="flex justify-end gap-2">
        <Button onClick={onCancel} disabled={create.isPending}>
          Cancel
        </Button>
        <Button type="submit" variant="primary" disabled={create.isPending}>
          {create.isPending ? 'Adding…' : 'Add gateway'}
        </Button>
      </div>
    </form>
  )
}
