import type { ConnectionStatus } from '@mc/shared'
import type { FormEvent } from 'react'
import type { ConnectionFilters } from '../../api/queries.ts'
import { Button } from '../../components/Button.tsx'
import { FilterChip } from '../../components/FilterChip.tsx'
import { Input } from '../../components/Input.tsx'
import { formText } from '../../lib/form-text.ts'

const STATUSES: Array<{ value: ConnectionStatus | undefined; label: string }> = [
  { value: 'connected', label: 'Connected' },
  { value: 'disconnected', label: 'Disconnected' },
  { value: undefined, label: 'All' },
]

const FIELDS = [
  { name: 'agent', label: 'Agent name', placeholder: 'agent name', width: 'sm:w-40' },
  { name: 'tool', label: 'Tool', placeholder: 'tool, e.g. codex', width: 'sm:w-36' },
] as const

/** Status chips (apply at once) and exact agent and tool names (apply on submit). */
export function ConnectionFiltersBar({
  filters,
  onApply,
}: {
  filters: ConnectionFilters
  onApply: (filters: ConnectionFilters) => void
}) {
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    const data = new FormData(event.currentTarget)
    onApply({ ...filters, agent: formText(data, 'agent'), tool: formText(data, 'tool') })
  }
  return (
    <search aria-label="Filter connections" className="flex flex-wrap items-center gap-2">
      <fieldset className="flex flex-wrap items-center gap-1.5">
        <legend className="sr-only">Status</legend>
        {STATUSES.map((option) => (
          <FilterChip
            key={option.label}
            pressed={filters.status === option.value}
            onClick={() => onApply({ ...filters, status: option.value })}
          >
            {option.label}
          </FilterChip>
        ))}
      </fieldset>
      <form
        key={`${filters.agent ?? ''}\n${filters.tool ?? ''}`}
        onSubmit={submit}
        className="flex flex-wrap items-center gap-2"
      >
        {FIELDS.map((field) => (
          <Input
            key={field.name}
            name={field.name}
            aria-label={field.label}
            placeholder={field.placeholder}
            size="compact"
            className={field.width}
            defaultValue={filters[field.name] ?? ''}
          />
        ))}
        <Button type="submit" className="h-7">
          Filter
        </Button>
        {(filters.agent || filters.tool) && (
          <Button variant="ghost" className="h-7" onClick={() => onApply({ status: filters.status })}>
            Clear
          </Button>
        )}
      </form>
    </search>
  )
}
