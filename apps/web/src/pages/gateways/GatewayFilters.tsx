import type { GatewayStatus } from '@mc/shared'
import { FilterChip } from '../../components/FilterChip.tsx'
import { Input } from '../../components/Input.tsx'
import { StatusIcon } from '../../components/StatusIcon.tsx'
import {
  GATEWAY_STATUS_ORDER,
  GATEWAY_STATUS_TONE,
  type StatusCounts,
  totalOf,
} from '../../lib/gateway-status.ts'

interface GatewayFiltersProps {
  search: string
  onSearch: (search: string) => void
  status: GatewayStatus | null
  onStatus: (status: GatewayStatus | null) => void
  /** Per status, among the gateways matching the search; undefined while they load. */
  counts: StatusCounts | undefined
}

/** Search by name or host, and status chips with how many gateways each would show. */
export function GatewayFilters({ search, onSearch, status, onStatus, counts }: GatewayFiltersProps) {
  return (
    <div className="flex flex-wrap items-center gap-2">
      <Input
        type="search"
        aria-label="Search gateways"
        placeholder="Search by name or host"
        size="compact"
        className="sm:w-56"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
      />
      <fieldset className="flex flex-wrap items-center gap-1.5">
        <legend className="sr-only">Filter by status</legend>
        <FilterChip pressed={status === null} onClick={() => onStatus(null)}>
          All <span className="tabular-nums">{counts && totalOf(counts)}</span>
        </FilterChip>
        {GATEWAY_STATUS_ORDER.map((option) => (
          <FilterChip
            key={option}
            pressed={status === option}
            onClick={() => onStatus(status === option ? null : option)}
          >
            <StatusIcon tone={GATEWAY_STATUS_TONE[option]} />
            <span className="capitalize">{option}</span>{' '}
            <span className="tabular-nums">{counts?.[option]}</span>
          </FilterChip>
        ))}
      </fieldset>
    </div>
  )
}
