import type { Probe } from '@mc/shared'

/**
 * SVG colours for the latency chart. Tailwind classes do not reach recharts' SVG attributes, so
 * these repeat the theme's status colours (green/amber/red/rose-500) and primary as CSS values.
 */
export const CHART_COLORS = {
  line: 'var(--color-primary)',
  grid: 'var(--color-border)',
  axis: 'var(--color-muted-foreground)',
} as const

export const FAILURE_COLORS: Record<Exclude<Probe['status'], 'online'>, string> = {
  offline: 'var(--color-red-500)',
  timeout: 'var(--color-amber-500)',
  error: 'var(--color-rose-500)',
}
