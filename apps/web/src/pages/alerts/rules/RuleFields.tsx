import { ALERT_RULE_KINDS, type AlertRuleKind, alertRuleKinds } from '@mc/shared'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { CheckboxList, type CheckboxOption } from '../../../components/CheckboxList.tsx'
import { NameField } from '../../../components/NameField.tsx'
import { SelectField } from '../../../components/SelectField.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { paramFields, type RuleFormValues, scopeList } from '../../../lib/rule-form.ts'

interface RuleFieldsProps {
  values: RuleFormValues
  onChange: (values: RuleFormValues) => void
  /** Messages by request path: `name`, `params.after_failures`, `channel_ids`… */
  errors: Partial<Record<string, string>>
  editing: boolean
  gateways: readonly CheckboxOption[]
  channels: readonly CheckboxOption[]
  disabled: boolean
}

/** Name, kind, the kind's parameters (from `alertRuleKinds`), scope, channels and repeats. */
export function RuleFields({
  values,
  onChange,
  errors,
  editing,
  gateways,
  channels,
  disabled,
}: RuleFieldsProps) {
  const set = (change: Partial<RuleFormValues>) => onChange({ ...values, ...change })
  const setParam = (name: string, text: string) => set({ params: { ...values.params, [name]: text } })
  return (
    <div className="grid gap-3 sm:grid-cols-2">
      <NameField
        value={values.name}
        onChange={(name) => set({ name })}
        error={errors.name}
        disabled={disabled}
      />
      <SelectField
        label="Kind"
        name="kind"
        error={errors.kind}
        hint={editing ? 'A rule’s kind never changes' : undefined}
        disabled={disabled || editing}
        value={values.kind}
        onChange={(event) => set({ kind: event.target.value as AlertRuleKind, params: {} })}
        options={ALERT_RULE_KINDS.map((kind) => ({ value: kind, label: alertRuleKinds[kind].label }))}
      />
      {paramFields(values.kind).map((field) =>
        field.choices ? (
          <SelectField
            key={field.name}
            label={field.name}
            name={field.name}
            error={errors[`params.${field.name}`]}
            disabled={disabled}
            value={values.params[field.name] ?? field.defaultText}
            onChange={(event) => setParam(field.name, event.target.value)}
            options={field.choices.map((value) => ({ value }))}
          />
        ) : (
          <TextField
            key={field.name}
            label={field.name}
            name={field.name}
            inputMode="numeric"
            autoComplete="off"
            required={field.required}
            disabled={disabled}
            placeholder={field.defaultText}
            hint={
              field.required ? 'Required' : field.defaultText ? `Default ${field.defaultText}` : 'Optional'
            }
            error={errors[`params.${field.name}`]}
            value={values.params[field.name] ?? ''}
            onChange={(event) => setParam(field.name, event.target.value)}
          />
        ),
      )}
      <div className="sm:col-span-2">
        {scopeList(values.kind) === 'gateway_ids' ? (
          <CheckboxList
            label="Gateways"
            options={gateways}
            selected={values.gatewayIds}
            onChange={(gatewayIds) => set({ gatewayIds })}
            hint="None ticked: every gateway, including ones added later"
            error={errors['scope.gateway_ids'] ?? errors.scope}
            emptyText="No gateways registered: the rule will watch every gateway once there are some."
            disabled={disabled}
          />
        ) : (
          <TextField
            label="Agents"
            name="agent_names"
            autoComplete="off"
            disabled={disabled}
            hint="Agent names, comma-separated; empty: every agent"
            error={errors['scope.agent_names'] ?? errors.scope}
            value={values.agentNames}
            onChange={(event) => set({ agentNames: event.target.value })}
          />
        )}
      </div>
      <div className="sm:col-span-2">
        <CheckboxList
          label="Channels"
          options={channels}
          selected={values.channelIds}
          onChange={(channelIds) => set({ channelIds })}
          hint="Where its incidents are sent; none: recorded only"
          error={errors.channel_ids}
          emptyText="No channels yet: incidents of this rule will be recorded but sent nowhere."
          disabled={disabled}
        />
      </div>
      <TextField
        label="Repeat every (seconds)"
        name="repeat_every_s"
        inputMode="numeric"
        autoComplete="off"
        disabled={disabled}
        hint="While open and unacknowledged; empty: notify once"
        error={errors.repeat_every_s}
        value={values.repeatEvery}
        onChange={(event) => set({ repeatEvery: event.target.value })}
      />
      <CheckboxField
        fieldClassName="sm:mt-6"
        label="Enabled"
        name="enabled"
        disabled={disabled}
        error={errors.enabled}
        checked={values.enabled}
        onChange={(enabled) => set({ enabled })}
      />
    </div>
  )
}
