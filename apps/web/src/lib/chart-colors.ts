import type { GatewayStatus } from '@mc/shared'
import { TONE_LOOK } from '../components/StatusIcon.tsx'
import { GATEWAY_STATUS_TONE } from './gateway-status.ts'

/** SVG colours for the charts, as CSS values: Tailwind classes do not reach recharts' SVG attributes. */
export const CHART_COLORS = {
  line: 'var(--color-primary)',
  grid: 'var(--color-border)',
  axis: 'var(--color-muted-foreground)',
} as const

/** A gateway status' colour, the same as its mark's everywhere else. */
export const statusColor = (status: GatewayStatus) => TONE_LOOK[GATEWAY_STATUS_TONE[status]].css
