import type { TimelineFilters as Filters } from '../../../api/queries.ts'
import { Input, Select } from '../../../components/Input.tsx'
import { TIMELINE_WINDOWS } from '../../../lib/timeline.ts'

interface TimelineFiltersProps {
  filters: Filters
  onChange: (change: Partial<Filters>) => void
  /** The event types this gateway has sent, for the type choice. */
  types: readonly string[]
}

/** Type, session key (applied as typed) and how far back. */
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
      <Select
        aria-label="Since"
        size="compact"
        className="w-full sm:w-auto"
        value={filters.window ?? ''}
        onChange={(event) =>
          onChange({ window: event.target.value ? Number(event.target.value) : undefined })
        }
      >
        <option value="">Any time</option>
        {TIMELINE_WINDOWS.map((window) => (
          <option key={window.seconds} value={window.seconds}>
            {window.label}
          </option>
        ))}
      </Select>
    </search>
  )
}
