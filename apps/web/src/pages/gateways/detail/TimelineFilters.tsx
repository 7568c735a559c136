import type { TimelineFilters as Filters } from '../../../api/queries.ts'
import { Input, Select } from '../../../components/Input.tsx'
import { inputFromSince, sinceFromInput } from '../../../lib/timeline.ts'

interface TimelineFiltersProps {
  filters: Filters
  onChange: (change: Partial<Filters>) => void
  /** The event types this gateway has sent, for the type choice. */
  types: readonly string[]
}

/** Type, session key (applied as typed) and a start time. */
export function TimelineFilters({ filters, onChange, types }: TimelineFiltersProps) {
  return (
    <search aria-label="Filter events" className="flex flex-wrap items-center gap-2">
      <Select
        aria-label="Event type"
        size="compact"
        className="w-full sm:w-auto"
        value={filters.type ?? ''}
        onChange={(event) => onChange({ type: event.target.value || undefined })}
      >
        <option value="">All types</option>
        {types.map((type) => (
          <option key={type} value={type}>
            {type}
          </option>
        ))}
      </Select>
      <Input
        type="search"
        aria-label="Session"
        placeholder="Session key"
        size="compact"
        className="sm:w-56"
        value={filters.session ?? ''}
        onChange={(event) =>
          onChange({ session: event.target.value.trim() ? event.target.value : undefined })
        }
      />
      <span className="flex items-center gap-1.5 text-muted-foreground text-xs">
        <span aria-hidden="true">Since</span>
        <Input
          type="datetime-local"
          aria-label="Since"
          size="compact"
          className="w-auto"
          value={inputFromSince(filters.since)}
          onChange={(event) => onChange({ since: sinceFromInput(event.target.value) })}
        />
      </span>
    </search>
  )
}
