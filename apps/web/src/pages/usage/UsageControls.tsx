import { USAGE_GROUPS } from '@mc/shared'
import { FilterChip } from '../../components/FilterChip.tsx'
import { WindowChips } from '../../components/WindowChips.tsx'
import { USAGE_WINDOWS } from '../../lib/insight-windows.ts'
import type { UsageMeasure, UsageParams } from '../../lib/usage-series.ts'

const MEASURES: { key: UsageMeasure; label: string }[] = [
  { key: 'tokens', label: 'Tokens' },
  { key: 'cost', label: 'Cost' },
]

interface UsageControlsProps {
  params: UsageParams
  onChange: (change: Partial<UsageParams>) => void
}

/** Group by gateway, agent or model; the window; tokens or cost on the chart. */
export function UsageControls({ params, onChange }: UsageControlsProps) {
  return (
    <search aria-label="Usage view" className="flex flex-wrap items-center gap-x-4 gap-y-2">
      <fieldset className="flex flex-wrap items-center gap-1.5">
        <legend className="sr-only">Group by</legend>
        <span className="text-muted-foreground text-xs">By</span>
        {USAGE_GROUPS.map((group) => (
          <FilterChip
            key={group}
            pressed={params.group_by === group}
            onClick={() => onChange({ group_by: group })}
          >
            <span className="capitalize">{group}</span>
          </FilterChip>
        ))}
      </fieldset>
      <WindowChips
        windows={USAGE_WINDOWS}
        value={params.window}
        onChange={(window) => onChange({ window })}
      />
      <fieldset className="flex flex-wrap items-center gap-1.5 sm:ml-auto">
        <legend className="sr-only">Chart</legend>
        {MEASURES.map((measure) => (
          <FilterChip
            key={measure.key}
            pressed={params.measure === measure.key}
            onClick={() => onChange({ measure: measure.key })}
          >
            {measure.label}
          </FilterChip>
        ))}
      </fieldset>
    </search>
  )
}
