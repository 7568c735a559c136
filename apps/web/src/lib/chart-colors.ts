import type { GatewayStatus } from '@mc/shared'
import { TONE_LOOK } from '../components/StatusIcon.tsx'
import { GATEWAY_STATUS_TONE } from './gateway-status.ts'

/** SVG colours for the charts, as CSS values: Tailwind classes do not reach recharts' SVG attributes. */
export const CHART_COLORS = {
  line: 'var(--color-primary)',
  grid: 'var(--color-border)',
  axis: 'var(--color-muted-foreground)',
  failure: 'var(--color-destructive)',
  /** A second line next to `line`, e.g. p50 under p95. */
  secondary: 'oklch(0.78 0.12 160)',
} as const

/** Colours of the groups on a stacked chart, in order; distinct on the dark background. */
export const SERIES_COLORS = [
  'oklch(0.72 0.15 235)',
  'oklch(0.78 0.12 160)',
  'oklch(0.8 0.14 85)',
  'oklch(0.7 0.17 320)',
  'oklch(0.72 0.16 30)',
  'oklch(0.75 0.1 200)',
  'oklch(0.6 0.02 255)',
] as const

export const seriesColor = (index: number) => SERIES_COLORS[index % SERIES_COLORS.length]

/** A gateway status' colour, the same as its mark's everywhere else. */
export const statusColor = (status: GatewayStatus) => TONE_LOOK[GATEWAY_STATUS_TONE[status]].css
