import type { SessionCounts, SessionState } from '@mc/shared'
import type { SessionFilters } from '../../api/queries.ts'
import { FilterChip } from '../../components/FilterChip.tsx'
import { Input } from '../../components/Input.tsx'
import { liveCount } from '../../lib/session-filters.ts'
import { GatewaySelect } from '../gateways/GatewaySelect.tsx'
import { useSearchBox } from '../gateways/use-search-box.ts'
import { SessionStateMark } from './SessionStateMark.tsx'

/** A chip of one state shows its mark; the others a label. `count`: how many it shows (ended: none). */
type StateChip = { count?: (counts: SessionCounts) => number } & (
  | { value: SessionState }
  | { value: undefined | 'all'; label: string }
)

/** Every session still on its gateway (the default), each live state, the ended ones, then both. */
const STATE_CHIPS: StateChip[] = [
  { value: undefined, label: 'Live', count: liveCount },
  { value: 'active', count: (counts) => counts.active },
  { value: 'ready', count: (counts) => counts.ready },
  { value: 'idle', count: (counts) => counts.idle },
  { value: 'stuck', count: (counts) => counts.stuck },
  { value: 'ended' },
  { value: 'all', label: 'All' },
]

interface SessionFiltersBarProps {
  filters: SessionFilters
  onChange: (change: Partial<SessionFilters>) => void
  /** Over the filters other than the state; undefined while loading. */
  counts: SessionCounts | undefined
}

/** Gateway, agent and search (applied as typed), and state chips with how many sessions each shows. */
export function SessionFiltersBar({ filters, onChange, counts }: SessionFiltersBarProps) {
  const [search, onSearch] = useSearchBox(filters.q ?? '', (q) => onChange({ q }))
  const [agent, onAgent] = useSearchBox(filters.agent ?? '', (value) => onChange({ agent: value }))
  return (
    <search aria-label="Filter sessions" className="flex flex-wrap items-center gap-2">
      <GatewaySelect value={filters.gateway_id} onChange={(gateway_id) => onChange({ gateway_id })} />
      <Input
        aria-label="Agent"
        placeholder="Agent id, e.g. main"
        size="compact"
        className="sm:w-36"
        value={agent}
        onChange={(event) => onAgent(event.target.value)}
      />
      <Input
        type="search"
        aria-label="Search sessions"
        placeholder="Search label, key or model"
        size="compact"
        className="sm:w-56"
        value={search}
        onChange={(event) => onSearch(event.target.value)}
      />
      <fieldset className="flex flex-wrap items-center gap-1.5">
        <legend className="sr-only">Filter by state</legend>
        {STATE_CHIPS.map((chip) => (
          <FilterChip
            key={chip.value ?? 'live'}
            pressed={filters.state === chip.value}
            onClick={() => onChange({ state: chip.value })}
          >
            {'label' in chip ? chip.label : <SessionStateMark state={chip.value} />}
            {chip.count && <span className="tabular-nums">{counts ? chip.count(counts) : '…'}</span>}
          </FilterChip>
        ))}
      </fieldset>
    </search>
  )
}
