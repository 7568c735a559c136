import type { AlertRule } from '@mc/shared'
import { useState } from 'react'
import { useAlertChannels, useCreateAlertRule, useUpdateAlertRule } from '../../../api/alerts.ts'
import { useGateways } from '../../../api/gateways.ts'
import { FormDialog } from '../../../components/FormDialog.tsx'
import { errorMessage } from '../../../lib/error-message.ts'
import { formErrors } from '../../../lib/form-errors.ts'
import {
  createRuleBody,
  EMPTY_RULE_FORM,
  ruleFormFields,
  ruleFormValues,
  updateRuleBody,
} from '../../../lib/rule-form.ts'
import { RuleFields } from './RuleFields.tsx'

interface RuleDialogProps {
  /** The rule to edit; none to add one. */
  rule: AlertRule | null
  onCancel: () => void
  onSaved: (rule: AlertRule) => void
}

/** Adds a rule, or edits one (its kind fixed). */
export function RuleDialog({ rule, onCancel, onSaved }: RuleDialogProps) {
  const create = useCreateAlertRule()
  const update = useUpdateAlertRule()
  const mutation = rule ? update : create
  const gateways = useGateways()
  const channels = useAlertChannels()
  const [values, setValues] = useState(() => (rule ? ruleFormValues(rule) : EMPTY_RULE_FORM))
  const errors = formErrors(mutation.error, ruleFormFields(values.kind), errorMessage)
  const saved = (response: { rule: AlertRule }) => onSaved(response.rule)

  const submit = () => {
    if (rule) update.mutate({ id: rule.id, body: updateRuleBody(values) }, { onSuccess: saved })
    else create.mutate(createRuleBody(values), { onSuccess: saved })
  }

  return (
    <FormDialog
      title={rule ? `Edit ${rule.name}` : 'Add a rule'}
      description="When an incident opens, and whom it notifies."
      className="max-w-xl"
      submitLabel={rule ? 'Save changes' : 'Add rule'}
      pendingLabel="Saving…"
      pending={mutation.isPending}
      onSubmit={submit}
      onCancel={onCancel}
      error={errors.form}
    >
      <RuleFields
        values={values}
        onChange={setValues}
        errors={errors.fields}
        editing={rule !== null}
        gateways={(gateways.data?.gateways ?? []).map(({ id, name }) => ({ id, label: name }))}
        channels={(channels.data?.channels ?? []).map(({ id, name, type }) => ({
          id,
          label: `${name} (${type})`,
        }))}
        disabled={mutation.isPending}
      />
    </FormDialog>
  )
}
