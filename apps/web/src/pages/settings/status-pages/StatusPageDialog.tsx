import type { StatusPage } from '@mc/shared'
import { useState } from 'react'
import { useGateways } from '../../../api/gateways.ts'
import { useCreateStatusPage, useUpdateStatusPage } from '../../../api/status-pages.ts'
import { FormDialog } from '../../../components/FormDialog.tsx'
import { errorMessage } from '../../../lib/error-message.ts'
import { formErrors } from '../../../lib/form-errors.ts'
import {
  createStatusPageBody,
  EMPTY_STATUS_PAGE_FORM,
  STATUS_PAGE_FORM_FIELDS,
  statusPageFormValues,
  updateStatusPageBody,
} from '../../../lib/status-page-form.ts'
import { StatusPageFields } from './StatusPageFields.tsx'

interface StatusPageDialogProps {
  /** The page to edit; none to add one. */
  page: StatusPage | null
  onCancel: () => void
  onSaved: (page: StatusPage) => void
}

/** Adds a status page, or edits one (only what changed is sent). */
export function StatusPageDialog({ page, onCancel, onSaved }: StatusPageDialogProps) {
  const create = useCreateStatusPage()
  const update = useUpdateStatusPage()
  const gateways = useGateways()
  const mutation = page ? update : create
  const [values, setValues] = useState(() => (page ? statusPageFormValues(page) : EMPTY_STATUS_PAGE_FORM))
  const errors = formErrors(mutation.error, STATUS_PAGE_FORM_FIELDS, errorMessage)
  const saved = (response: { status_page: StatusPage }) => onSaved(response.status_page)

  const submit = () => {
    if (!page) return create.mutate(createStatusPageBody(values), { onSuccess: saved })
    const body = updateStatusPageBody(page, values)
    if (body === null) onCancel()
    else update.mutate({ id: page.id, body }, { onSuccess: saved })
  }

  return (
    <FormDialog
      title={page ? `Edit ${page.title}` : 'Add a status page'}
      description="A page of the chosen gateways' status, 90-day uptime and recent incidents, without hosts, ports or tokens."
      className="max-w-xl"
      submitLabel={page ? 'Save changes' : 'Add status page'}
      pendingLabel="Saving…"
      pending={mutation.isPending}
      onSubmit={submit}
      onCancel={onCancel}
      error={
        errors.form ??
        (gateways.isError ? `Could not load the gateways: ${errorMessage(gateways.error)}` : null)
      }
    >
      <StatusPageFields
        values={values}
        onChange={setValues}
        errors={errors.fields}
        gateways={gateways.data?.gateways ?? []}
        disabled={mutation.isPending}
      />
    </FormDialog>
  )
}
