import { CheckboxField } from '../../components/CheckboxField.tsx'
import { NameField } from '../../components/NameField.tsx'
import { TextField } from '../../components/TextField.tsx'
import { isSecureUrlHost } from '../../lib/gateway-address.ts'
import type { GATEWAY_FORM_FIELDS, GatewayFormValues } from '../../lib/gateway-form.ts'

type FieldErrors = Partial<Record<(typeof GATEWAY_FORM_FIELDS)[number], string>>

interface GatewayFieldsProps {
  values: GatewayFormValues
  onChange: (values: GatewayFormValues) => void
  errors: FieldErrors
  /** What an empty token field means: none (add) or keep the current one (edit). */
  tokenHint: string
  disabled?: boolean
  /** The token field alone is off (the edit dialog's "Clear the token" is ticked). */
  tokenDisabled?: boolean
}

/**
 * Name, host, port, token, standby priority, session thresholds and the rotation schedule, shared by the add form and the edit dialog; "allow a self-signed
 * certificate" appears once the host is a wss:// URL. The API's complaints show under each field.
 */
export function GatewayFields({
  values,
  onChange,
  errors,
  tokenHint,
  disabled = false,
  tokenDisabled = false,
}: GatewayFieldsProps) {
  const set = (change: Partial<GatewayFormValues>) => onChange({ ...values, ...change })
  return (
    <div className="grid gap-3 sm:grid-cols-[1fr_1fr]">
      <NameField
        value={values.name}
        onChange={(name) => set({ name })}
        hint='Descriptive: "Production", "Staging", "Dev"'
        error={errors.name}
        disabled={disabled}
      />
      <TextField
        label="Host"
        name="host"
        autoComplete="off"
        spellCheck={false}
        required
        disabled={disabled}
        placeholder="10.0.1.50"
        hint="IP address, hostname, or a ws:// or wss:// URL"
        error={errors.host}
        value={values.host}
        onChange={(event) => set({ host: event.target.value })}
      />
      <TextField
        label="Port"
        name="port"
        inputMode="numeric"
        autoComplete="off"
        disabled={disabled}
        hint="WebSocket port, 18789 by default"
        error={errors.port}
        value={values.port}
        onChange={(event) => set({ port: event.target.value })}
      />
      <TextField
        label="Token"
        name="token"
        type="password"
        autoComplete="new-password"
        disabled={disabled || tokenDisabled}
        hint={tokenHint}
        error={errors.token}
        value={values.token}
        onChange={(event) => set({ token: event.target.value })}
      />
      <NumberField
        label="Standby priority"
        name="failover_priority"
        disabled={disabled}
        placeholder="Not a standby"
        hint="1–1000: takes over when the primary fails, lower first. Empty: not a standby"
        error={errors.failover_priority}
        value={values.failoverPriority}
        onChange={(value) => set({ failoverPriority: value })}
      />
      <fieldset className="grid gap-3 sm:col-span-2 sm:grid-cols-[1fr_1fr]">
        <legend className="mb-2 font-medium text-muted-foreground text-xs">Session thresholds</legend>
        <NumberField
          label="Idle after (s)"
          name="session_idle_s"
          disabled={disabled}
          placeholder="Default"
          hint="From 5 s: without activity this long a session is idle. Empty: the worker's default"
          error={errors.session_idle_s}
          value={values.sessionIdleS}
          onChange={(value) => set({ sessionIdleS: value })}
        />
        <NumberField
          label="Stuck after (s)"
          name="session_stuck_s"
          disabled={disabled}
          placeholder="Default"
          hint="From 5 s: a run without an update this long is stuck. Empty: the worker's default"
          error={errors.session_stuck_s}
          value={values.sessionStuckS}
          onChange={(value) => set({ sessionStuckS: value })}
        />
      </fieldset>
      <NumberField
        label="Rotate automatically every (days)"
        name="rotate_every_days"
        disabled={disabled}
        placeholder="Off"
        hint="A new token this often; works when Mission Control reaches the gateway over loopback. Empty: off"
        error={errors.rotate_every_days}
        value={values.rotateEveryDays}
        onChange={(value) => set({ rotateEveryDays: value })}
      />
      {isSecureUrlHost(values.host) && (
        <CheckboxField
          fieldClassName="sm:col-span-2"
          label="Allow a self-signed certificate"
          hint="Only for a gateway you trust whose wss:// certificate no authority signed."
          name="tls_insecure"
          disabled={disabled}
          error={errors.tls_insecure}
          checked={values.tlsInsecure}
          onChange={(tlsInsecure) => set({ tlsInsecure })}
        />
      )}
    </div>
  )
}

/** A whole number typed as text, empty for "none": the API's message shows under it. */
function NumberField({
  onChange,
  ...props
}: {
  label: string
  name: string
  disabled: boolean
  placeholder: string
  hint: string
  error: string | undefined
  value: string
  onChange: (value: string) => void
}) {
  return (
    <TextField
      {...props}
      inputMode="numeric"
      autoComplete="off"
      onChange={(event) => onChange(event.target.value)}
    />
  )
}
