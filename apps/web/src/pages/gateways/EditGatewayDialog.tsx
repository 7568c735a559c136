import type { Gateway } from '@mc/shared'
import { useState } from 'react'
import { useUpdateGateway } from '../../api/gateways.ts'
import { CheckboxField } from '../../components/CheckboxField.tsx'
import { FormDialog } from '../../components/FormDialog.tsx'
import { errorMessage } from '../../lib/error-message.ts'
import { formErrors } from '../../lib/form-errors.ts'
import { GATEWAY_FORM_FIELDS, gatewayFormValues, updateGatewayBody } from '../../lib/gateway-form.ts'
import { GatewayFields } from './GatewayFields.tsx'

interface EditGatewayDialogProps {
  gateway: Gateway
  onCancel: () => void
  onSaved: (gateway: Gateway) => void
}

/** Name, host, port and token of a gateway; an empty token keeps it, "Clear the token" removes it. */
export function EditGatewayDialog({ gateway, onCancel, onSaved }: EditGatewayDialogProps) {
  const update = useUpdateGateway()
  const [values, setValues] = useState(() => gatewayFormValues(gateway))
  const [clearToken, setClearToken] = useState(false)
  const errors = formErrors(update.error, GATEWAY_FORM_FIELDS, errorMessage)

  const submit = () => {
    const body = updateGatewayBody(gateway, values, clearToken)
    if (body === null) onCancel()
    else update.mutate(body, { onSuccess: (response) => onSaved(response.gateway) })
  }

  return (
    <FormDialog
      title={`Edit ${gateway.name}`}
      description="Changes apply from the next probe."
      className="max-w-xl"
      submitLabel="Save changes"
      pendingLabel="Saving…"
      pending={update.isPending}
      onSubmit={submit}
      onCancel={onCancel}
      error={errors.form}
    >
      <GatewayFields
        values={values}
        onChange={setValues}
        errors={errors.fields}
        tokenHint={
          gateway.token_set ? 'A token is set: leave empty to keep it' : 'No token set: leave empty for none'
        }
        disabled={update.isPending}
        tokenDisabled={clearToken}
      />
      {gateway.token_set && (
        <CheckboxField
          label="Clear the token"
          hint="Remove the stored token; probes then check only the gateway's /health."
          name="clear_token"
          disabled={update.isPending}
          checked={clearToken}
          onChange={setClearToken}
        />
      )}
    </FormDialog>
  )
}
