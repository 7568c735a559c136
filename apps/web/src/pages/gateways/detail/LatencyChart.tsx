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
import type { ProbeWindow } from '../../../api/gateway-probes.ts'
import { StatusShape } from '../../../components/StatusIcon.tsx'
import { CHART_COLORS, statusColor } from '../../../lib/chart-colors.ts'
import { GATEWAY_STATUS_TONE } from '../../../lib/gateway-status.ts'
import { failureSpans, type LatencyPoint, latencyTicks } from '../../../lib/latency-series.ts'
import { formatClock } from '../../../lib/time.ts'
import { LatencyTooltip } from './LatencyTooltip.tsx'

const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 10 }

/** A failed probe: its status' mark (square, triangle, diamond) on the zero line, in its colour. */
function FailureMark({ cx, cy, payload }: { cx?: number; cy?: number; payload?: LatencyPoint }) {
  if (cx === undefined || cy === undefined || !payload || payload.status === 'online') return null
  return (
    <g
      transform={`translate(${cx - 3.5} ${cy - 3.5}) scale(0.7)`}
      style={{ color: statusColor(payload.status) }}
    >
      <StatusShape tone={GATEWAY_STATUS_TONE[payload.status]} />
    </g>
  )
}

interface LatencyChartProps {
  window: ProbeWindow
  /** The window's probes as points, oldest first; at least one with a latency. */
  points: LatencyPoint[]
}

/** Latency of successful probes over the window; failures as bands and marks in their status colour. */
export function LatencyChart({ window, points }: LatencyChartProps) {
  const ticks = useMemo(
    () => latencyTicks(points.reduce((max, point) => Math.max(max, point.latency ?? 0), 0)),
    [points],
  )
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
            ticks={ticks}
            domain={[0, ticks.at(-1) ?? 1]}
          />
          {spans.map((span) => (
            <ReferenceArea
              key={`${span.status}-${span.from}`}
              x1={span.from}
              x2={span.to}
              fill={statusColor(span.status)}
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
          <Scatter data={failures} dataKey="zero" shape={<FailureMark />} isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  )
}
