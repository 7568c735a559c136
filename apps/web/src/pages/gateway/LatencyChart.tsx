import { useMemo } from 'react'
import {
  Area,
  CartesianGrid,
  ComposedChart,
  ReferenceArea,
  ResponsiveContainer,
  Scatter,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import type { ProbeWindow } from '../../api/gateway-probes.ts'
import { failureSpans, type LatencyPoint, latencyPoints } from '../../lib/latency-series.ts'
import { formatClock } from '../../lib/time.ts'
import { CHART_COLORS, FAILURE_COLORS } from './chart-colors.ts'
import { LatencyTooltip } from './LatencyTooltip.tsx'

const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 10 }

/** Up to the highest latency, but never a flat axis (a gateway that never answered has none). */
const latencyDomain: [number, (dataMax: number) => number] = [
  0,
  (dataMax) => (Number.isFinite(dataMax) ? Math.max(dataMax, 10) : 100),
]

/** A failed probe: a dot on the zero line in its status colour. */
function FailureDot({ cx, cy, payload }: { cx?: number; cy?: number; payload?: LatencyPoint }) {
  if (cx === undefined || cy === undefined || !payload || payload.status === 'online') return null
  return <circle cx={cx} cy={cy} r={2.5} fill={FAILURE_COLORS[payload.status]} />
}

/** Latency of successful probes over the window; failures as bands and dots in their status colour. */
export function LatencyChart({ window }: { window: ProbeWindow }) {
  const points = useMemo(() => latencyPoints(window.probes), [window.probes])
  // One failed probe in a day is ~1/3000 of the axis: widen bands to a readable minimum.
  const spans = useMemo(
    () => failureSpans(points, (window.until - window.since) / 200),
    [points, window.since, window.until],
  )
  const failures = useMemo(
    () => points.filter((point) => point.status !== 'online').map((point) => ({ ...point, zero: 0 })),
    [points],
  )
  return (
    <div data-testid="latency-chart" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis
            dataKey="at"
            type="number"
            domain={[window.since, window.until]}
            tickFormatter={formatClock}
            tick={AXIS_TICK}
            stroke={CHART_COLORS.grid}
            minTickGap={40}
          />
          <YAxis
            tick={AXIS_TICK}
            stroke={CHART_COLORS.grid}
            unit={'\u00a0ms'}
            width={56}
            allowDecimals={false}
            domain={latencyDomain}
          />
          {spans.map((span) => (
            <ReferenceArea
              key={`${span.status}-${span.from}`}
              x1={span.from}
              x2={span.to}
              fill={FAILURE_COLORS[span.status]}
              fillOpacity={0.25}
              strokeOpacity={0}
              ifOverflow="hidden"
            />
          ))}
          <Tooltip
            content={<LatencyTooltip />}
            cursor={{ stroke: CHART_COLORS.axis, strokeDasharray: '3 3' }}
          />
          <Area
            type="monotone"
            dataKey="latency"
            name="Latency"
            stroke={CHART_COLORS.line}
            fill={CHART_COLORS.line}
            fillOpacity={0.12}
            strokeWidth={1.5}
            dot={false}
            connectNulls={false}
            isAnimationActive={false}
          />
          <Scatter data={failures} dataKey="zero" shape={<FailureDot />} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
