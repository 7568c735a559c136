import { ALERT_CHANNEL_TYPES, type AlertChannelType, NTFY_PRIORITIES } from '@mc/shared'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { NameField } from '../../../components/NameField.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import type { CHANNEL_FORM_FIELDS, ChannelFormValues } from '../../../lib/channel-form.ts'

type FieldErrors = Partial<Record<(typeof CHANNEL_FORM_FIELDS)[number], string>>

interface ChannelFieldsProps {
  values: ChannelFormValues
  onChange: (values: ChannelFormValues) => void
  errors: FieldErrors
  /** Editing: the type is fixed, and empty secret fields keep what is stored. */
  editing: boolean
  /** Whether a secret is stored (the webhook's secret, or the Slack/Discord URL). */
  secretSet: boolean
  disabled: boolean
}

const URL_HINTS: Record<AlertChannelType, string> = {
  webhook: 'Receives a signed JSON POST per notification',
  slack: 'The Slack incoming-webhook URL',
  discord: 'The Discord webhook URL',
  email: '',
  ntfy: 'The topic URL, e.g. https://ntfy.sh/my-team-alerts',
}

/** Name, type and the fields of the chosen type; secrets are write-only ("set": leave blank to keep). */
export function ChannelFields({
  values,
  onChange,
  errors,
  editing,
  secretSet,
  disabled,
}: ChannelFieldsProps) {
  const set = (change: Partial<ChannelFormValues>) => onChange({ ...values, ...change })
  const secretUrl = values.type === 'slack' || values.type === 'discord'
  const keepHint = (what: string) => (secretSet ? `${what} is set: leave blank to keep it` : `No ${what} set`)
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <NameField
        value={values.name}
        onChange={(name) => set({ name })}
        error={errors.name}
        disabled={disabled}
      />
      <SelectField
        label="Type"
        name="type"
        error={errors.type}
        disabled={disabled || editing}
        value={values.type}
        onChange={(event) => set({ type: event.target.value as AlertChannelType })}
        options={ALERT_CHANNEL_TYPES.map((type) => ({ value: type }))}
      />
      {values.type === 'email' ? (
        <TextField
          fieldClassName="sm:col-span-2"
          label="To"
          name="to"
          autoComplete="off"
          disabled={disabled}
          hint="One address or several, comma-separated"
          error={errors['config.to']}
          value={values.to}
          onChange={(event) => set({ to: event.target.value })}
        />
      ) : (
        <TextField
          fieldClassName="sm:col-span-2"
          label="URL"
          name="url"
          type={secretUrl ? 'password' : 'url'}
          autoComplete="off"
          spellCheck={false}
          disabled={disabled}
          placeholder="https://"
          hint={secretUrl && editing ? keepHint('The URL') : URL_HINTS[values.type]}
          error={errors['config.url']}
          value={values.url}
          onChange={(event) => set({ url: event.target.value })}
        />
      )}
      {values.type === 'webhook' && (
        <TextField
          fieldClassName="sm:col-span-2"
          label="Signing secret"
          name="secret"
          type="password"
          autoComplete="new-password"
          disabled={disabled}
          hint={editing ? keepHint('A secret') : 'At least 16 characters; signs X-MC-Signature. Optional.'}
          error={errors['config.secret']}
          value={values.secret}
          onChange={(event) => set({ secret: event.target.value })}
        />
      )}
      {values.type === 'ntfy' && (
        <SelectField
          label="Priority"
          name="priority"
          error={errors['config.priority']}
          hint="Empty: by the incident's severity"
          disabled={disabled}
          value={values.priority}
          onChange={(event) => set({ priority: event.target.value })}
          options={[{ value: '', label: 'by severity' }, ...NTFY_PRIORITIES.map((value) => ({ value }))]}
        />
      )}
      <CheckboxField
        fieldClassName="sm:col-span-2"
        label="Enabled"
        hint="A disabled channel is sent nothing."
        name="enabled"
        disabled={disabled}
        error={errors.enabled}
        checked={values.enabled}
        onChange={(enabled) => set({ enabled })}
      />
    </div>
  )
}
