import type { Gateway } from '@mc/shared'
import { Alert } from '../../../components/Alert.tsx'
import { CheckboxField } from '../../../components/CheckboxField.tsx'
import { CheckboxList } from '../../../components/CheckboxList.tsx'
import { FormField } from '../../../components/FormField.tsx'
import { TextArea } from '../../../components/Input.tsx'
import { OrderList } from '../../../components/OrderList.tsx'
import { TextField } from '../../../components/TextField.tsx'
import type { STATUS_PAGE_FORM_FIELDS, StatusPageFormValues } from '../../../lib/status-page-form.ts'

type FieldErrors = Partial<Record<(typeof STATUS_PAGE_FORM_FIELDS)[number], string>>

interface StatusPageFieldsProps {
  values: StatusPageFormValues
  onChange: (values: StatusPageFormValues) => void
  errors: FieldErrors
  /** Every registered gateway, to choose from. */
  gateways: readonly Pick<Gateway, 'id' | 'name'>[]
  disabled: boolean
}

/** Address, wording, the gateways in the order the page lists them, and who may read it. */
export function StatusPageFields({ values, onChange, errors, gateways, disabled }: StatusPageFieldsProps) {
  const set = (change: Partial<StatusPageFormValues>) => onChange({ ...values, ...change })
  const nameOf = new Map(gateways.map(({ id, name }) => [id, name]))
  const chosen = values.gatewayIds.map((id) => ({ id, label: nameOf.get(id) ?? `#${id}` }))
  return (
    <div className="space-y-3">
      <div className="grid gap-3 sm:grid-cols-2">
        <TextField
          label="Title"
          name="title"
          autoComplete="off"
          required
          disabled={disabled}
          placeholder="Production status"
          error={errors.title}
          value={values.title}
          onChange={(event) => set({ title: event.target.value })}
        />
        <TextField
          label="Slug"
          name="slug"
          autoComplete="off"
          spellCheck={false}
          required
          disabled={disabled}
          placeholder="prod-eu"
          hint={`Its address: /status/${values.slug.trim() || '<slug>'}`}
          error={errors.slug}
          value={values.slug}
          onChange={(event) => set({ slug: event.target.value })}
        />
      </div>
      <FormField label="Description" error={errors.description} hint="Optional, shown under the title">
        {(control) => (
          <TextArea
            {...control}
            name="description"
            rows={2}
            disabled={disabled}
            value={values.description}
            onChange={(event) => set({ description: event.target.value })}
          />
        )}
      </FormField>
      <CheckboxList
        label="Gateways"
        options={gateways.map(({ id, name }) => ({ id, label: name }))}
        selected={values.gatewayIds}
        onChange={(gatewayIds) => set({ gatewayIds })}
        error={errors.gateway_ids}
        hint="The page lists them in the order you tick them."
        emptyText="No gateways registered."
        disabled={disabled}
      />
      {chosen.length > 1 && (
        <OrderList
          label="Order on the page"
          items={chosen}
          onChange={(gatewayIds) => set({ gatewayIds })}
          disabled={disabled}
        />
      )}
      <CheckboxField
        label="Public"
        hint="Anyone with the link can read it without signing in, and its gateways' badges are served."
        name="public"
        disabled={disabled}
        error={errors.public}
        checked={values.public}
        onChange={(checked) => set({ public: checked })}
      />
      <CheckboxField
        label="Show error details"
        hint="Each gateway's last error, as the probe saw it."
        name="show_errors"
        disabled={disabled}
        error={errors.show_errors}
        checked={values.showErrors}
        onChange={(showErrors) => set({ showErrors })}
      />
      {values.showErrors && (
        <Alert tone="warning">
          Error details can reveal your gateways' hosts and ports
          {values.public ? ' to anyone who opens this page.' : ' to whoever can read this page.'}
        </Alert>
      )}
    </div>
  )
}
