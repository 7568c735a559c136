import type { AlertChannel } from '@mc/shared'
import { useState } from 'react'
import { useCreateAlertChannel, useUpdateAlertChannel } from '../../../api/alerts.ts'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { FormDialog } from '../../../components/FormDialog.tsx'
import {
  CHANNEL_FORM_FIELDS,
  channelFormValues,
  createChannelBody,
  EMPTY_CHANNEL_FORM,
  updateChannelBody,
} from '../../../lib/channel-form.ts'
import { errorMessage } from '../../../lib/error-message.ts'
import { formErrors } from '../../../lib/form-errors.ts'
import { ChannelFields } from './ChannelFields.tsx'

interface ChannelDialogProps {
  /** The channel to edit; none to add one. */
  channel: AlertChannel | null
  onCancel: () => void
  onSaved: (channel: AlertChannel) => void
}

/** Adds a channel, or edits one (its type fixed; empty secret fields keep the stored ones). */
export function ChannelDialog({ channel, onCancel, onSaved }: ChannelDialogProps) {
  const create = useCreateAlertChannel()
  const update = useUpdateAlertChannel()
  const mutation = channel ? update : create
  const [values, setValues] = useState(() => (channel ? channelFormValues(channel) : EMPTY_CHANNEL_FORM))
  const [clearSecret, setClearSecret] = useState(false)
  const errors = formErrors(mutation.error, CHANNEL_FORM_FIELDS, errorMessage)
  const saved = (response: { channel: AlertChannel }) => onSaved(response.channel)

  const submit = () => {
    if (!channel) return create.mutate(createChannelBody(values), { onSuccess: saved })
    const body = updateChannelBody(channel, values, clearSecret)
    if (body === null) onCancel()
    else update.mutate({ id: channel.id, body }, { onSuccess: saved })
  }

  return (
    <FormDialog
      title={channel ? `Edit ${channel.name}` : 'Add a channel'}
      description="Where incidents are sent. Secrets are stored encrypted and never shown again."
      className="max-w-xl"
      submitLabel={channel ? 'Save changes' : 'Add channel'}
      pendingLabel="Saving…"
      pending={mutation.isPending}
      onSubmit={submit}
      onCancel={onCancel}
      error={errors.form}
    >
      <ChannelFields
        values={values}
        onChange={setValues}
        errors={errors.fields}
        editing={channel !== null}
        secretSet={channel?.secret_set ?? false}
        disabled={mutation.isPending}
      />
      {channel?.type === 'webhook' && channel.secret_set && (
        <CheckboxField
          label="Remove the signing secret"
          hint="Deliveries are then sent unsigned."
          name="clear_secret"
          disabled={mutation.isPending}
          checked={clearSecret}
          onChange={setClearSecret}
        />
      )}
    </FormDialog>
  )
}
