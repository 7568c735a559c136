import type { ReactNode } from 'react'
import { cx } from '../lib/class-names.ts'

interface StatProps {
  label: string
  value: ReactNode
  /** A line under the value: what it covers, or why it is missing. */
  hint?: ReactNode
  /** Colours the value, e.g. amber for a figure that needs attention. */
  valueClassName?: string
  /** For tests and styling hooks: `data-stat`. */
  id?: string
}

/** One figure in a row of figures: uptime, a latency percentile… */
export function Stat({ label, value, hint, valueClassName, id }: StatProps) {
  return (
    <div data-stat={id} className="rounded-md border bg-background/40 px-3 py-2.5">
      <div className="text-2xs text-muted-foreground uppercase tracking-wide">{label}</div>
      <div className={cx('mt-1 font-semibold text-lg tabular-nums', valueClassName)}>{value}</div>
      {hint && <div className="mt-0.5 text-2xs text-muted-foreground">{hint}</div>}
    </div>
  )
}
