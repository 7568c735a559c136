import { type FormEvent, useId } from 'react'
import type { AuditFilters as Filters } from '../../../api/queries.ts'
import { Button } from '../../../components/Button.tsx'
import { TextField } from '../../../components/TextField.tsx'
import { KNOWN_AUDIT_ACTIONS } from '../../../lib/audit-actions.ts'
import { formText } from '../../../lib/form-text.ts'

/** Action (suggesting the known ones, any text allowed) and actor; applied on submit. */
export function AuditFilters({
  filters,
  onApply,
}: {
  filters: Filters
  onApply: (filters: Filters) => void
}) {
  const actionsId = useId()
  const active = filters.action !== undefined || filters.actor !== undefined

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    onApply({ action: formText(data, 'action'), actor: formText(data, 'actor') })
  }

  return (
    <search aria-label="Filter the audit log">
      {/* Remounted when the filters change from outside (Clear, back button) so the fields follow. */}
      <form
        key={`${filters.action ?? ''}\n${filters.actor ?? ''}`}
        onSubmit={submit}
        className="flex flex-wrap items-start gap-3"
      >
        <TextField
          label="Action"
          fieldClassName="w-full sm:w-56"
          hint="Exact, e.g. auth.login_failed"
          name="action"
          list={actionsId}
          placeholder="any action"
          autoComplete="off"
          defaultValue={filters.action ?? ''}
        />
        <datalist id={actionsId}>
          {KNOWN_AUDIT_ACTIONS.map((action) => (
            <option key={action} value={action} />
          ))}
        </datalist>
        <TextField
          label="Actor"
          fieldClassName="w-full sm:w-48"
          hint="Exact, e.g. user:admin"
          name="actor"
          placeholder="anyone"
          autoComplete="off"
          defaultValue={filters.actor ?? ''}
        />
        <Button type="submit" className="sm:mt-5">
          Filter
        </Button>
        {active && (
          <Button variant="ghost" className="sm:mt-5" onClick={() => onApply({})}>
            Clear filters
          </Button>
        )}
      </form>
    </search>
  )
}
