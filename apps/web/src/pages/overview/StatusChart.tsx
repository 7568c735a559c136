import { useMemo } from 'react'
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  ResponsiveContainer,
  Tooltip,
  type TooltipContentProps,
  XAxis,
  YAxis,
} from 'recharts'
import { CHART_COLORS, statusColor } from '../../lib/chart-colors.ts'
import { type StatusSlice, statusSlices } from '../../lib/fleet-summary.ts'
import type { StatusCounts } from '../../lib/gateway-status.ts'

const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 10 }

function SliceTooltip({ active, payload }: Partial<TooltipContentProps<number, string>>) {
  const slice = payload?.[0]?.payload as StatusSlice | undefined
  if (!active || !slice) return null
  return (
    <div className="rounded-md border bg-popover px-2 py-1 text-popover-foreground text-xs shadow">
      {slice.count} {slice.status}
    </div>
  )
}

/** Gateways by status as bars in their status colours; the statuses that occur only. */
export function StatusChart({ counts }: { counts: StatusCounts }) {
  const data = useMemo(() => statusSlices(counts), [counts])
  return (
    <div
      data-testid="status-chart"
      role="img"
      aria-label={`Gateways by status: ${data.map((s) => `${s.count} ${s.status}`).join(', ')}`}
      className="h-48 w-full"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={data} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="status" tick={AXIS_TICK} stroke={CHART_COLORS.grid} />
          <YAxis tick={AXIS_TICK} stroke={CHART_COLORS.grid} allowDecimals={false} width={40} />
          <Tooltip content={<SliceTooltip />} cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.3 }} />
          <Bar dataKey="count" name="Gateways" isAnimationActive={false} radius={[3, 3, 0, 0]}>
            {data.map((slice) => (
              <Cell key={slice.status} fill={statusColor(slice.status)} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
