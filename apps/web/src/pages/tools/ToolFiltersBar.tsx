import { Select } from '../../components/Input.tsx'
import { WindowChips } from '../../components/WindowChips.tsx'
import { TOOL_WINDOWS } from '../../lib/insight-windows.ts'
import { TOOL_SORTS, type ToolFilters } from '../../lib/tool-list.ts'
import { GatewaySelect } from '../gateways/GatewaySelect.tsx'

interface ToolFiltersBarProps {
  filters: ToolFilters
  onChange: (change: Partial<ToolFilters>) => void
}

/** Gateway, window and order of the tools table. */
export function ToolFiltersBar({ filters, onChange }: ToolFiltersBarProps) {
  return (
    <search aria-label="Filter tools" className="flex flex-wrap items-center gap-2">
      <GatewaySelect value={filters.gateway_id} onChange={(gateway_id) => onChange({ gateway_id })} />
      <WindowChips
        windows={TOOL_WINDOWS}
        value={filters.window}
        onChange={(window) => onChange({ window })}
      />
      <Select
        aria-label="Sort by"
        size="compact"
        className="w-full sm:ml-auto sm:w-auto"
        value={filters.sort}
        onChange={(event) =>
          onChange({ sort: TOOL_SORTS.find((sort) => sort.key === event.target.value)?.key })
        }
      >
        {TOOL_SORTS.map((sort) => (
          <option key={sort.key} value={sort.key}>
            {sort.label}
          </option>
        ))}
      </Select>
    </search>
  )
}
