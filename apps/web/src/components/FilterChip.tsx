import type { ReactNode } from 'react'
import { cx } from '../lib/class-names.ts'

interface FilterChipProps {
  pressed: boolean
  onClick: () => void
  children: ReactNode
}

/** A toggle in a row of filter chips: "All 12", "● Online 10"… */
export function FilterChip({ pressed, onClick, children }: FilterChipProps) {
  return (
    <button
      type="button"
      aria-pressed={pressed}
      onClick={onClick}
      className={cx(
        'inline-flex h-7 items-center gap-1.5 rounded-full border px-2.5 text-xs transition-colors',
        pressed
          ? 'border-primary/40 bg-primary/15 text-primary'
          : 'text-muted-foreground hover:bg-accent hover:text-accent-foreground',
      )}
    >
      {children}
    </button>
  )
}
