import type { InsightWindow } from '../lib/insight-windows.ts'
import { FilterChip } from './FilterChip.tsx'

interface WindowChipsProps<Key extends string> {
  windows: readonly InsightWindow<Key>[]
  value: Key
  onChange: (key: Key) => void
}

/** A row of chips choosing how far back a page looks: "1 h · 24 h · 7 d". */
export function WindowChips<Key extends string>({ windows, value, onChange }: WindowChipsProps<Key>) {
  return (
    <fieldset className="flex flex-wrap items-center gap-1.5">
      <legend className="sr-only">Time window</legend>
      {windows.map((window) => (
        <FilterChip key={window.key} pressed={window.key === value} onClick={() => onChange(window.key)}>
          {window.label}
        </FilterChip>
      ))}
    </fieldset>
  )
}
