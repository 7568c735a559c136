import type { ReactNode } from 'react'
import { cx } from '../lib/class-names.ts'

export type BadgeVariant = 'primary' | 'success' | 'warning' | 'danger' | 'neutral'

const VARIANT_CLASSES: Record<BadgeVariant, string> = {
  primary: 'bg-primary/20 text-primary border-primary/30',
  success: 'bg-green-500/20 text-green-400 border-green-500/30',
  warning: 'bg-amber-500/20 text-amber-400 border-amber-500/30',
  danger: 'bg-red-500/20 text-red-400 border-red-500/30',
  neutral: 'bg-muted text-muted-foreground border-border',
}

/** The seed's small uppercase tags: PRIMARY, CONNECTED, OK… */
export function Badge({ variant = 'neutral', children }: { variant?: BadgeVariant; children: ReactNode }) {
  return (
    <span
      className={cx(
        'inline-flex items-center rounded border px-1.5 py-0.5 font-medium text-2xs uppercase tracking-wide',
        VARIANT_CLASSES[variant],
      )}
    >
      {children}
    </span>
  )
}
