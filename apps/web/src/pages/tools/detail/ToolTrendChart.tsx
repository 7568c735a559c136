import type { ToolHour } from '@mc/shared'
import {
  Bar,
  CartesianGrid,
  ComposedChart,
  Legend,
  Line,
  ReferenceLine,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts'
import { CHART_COLORS } from '../../../lib/chart-colors.ts'
import { formatClock, formatDateTime } from '../../../lib/time.ts'
import { formatMs } from '../../../lib/tool-list.ts'

const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 10 }
const LEGEND_STYLE = { fontSize: 11 }
const HOUR_AXIS = {
  dataKey: 'hour',
  type: 'number',
  scale: 'time',
  // Half an hour either side, so the first and last hours' bars are drawn whole.
  domain: [(min: number) => min - 1800, (max: number) => max + 1800],
  tickFormatter: formatClock,
  tick: AXIS_TICK,
  stroke: CHART_COLORS.grid,
  minTickGap: 40,
} as const
const TOOLTIP = {
  labelFormatter: (hour: unknown) => formatDateTime(Number(hour)),
  contentStyle: { background: 'var(--color-popover)', border: '1px solid var(--color-border)', fontSize: 11 },
} as const

interface ToolTrendChartProps {
  series: ToolHour[]
  baselineP95: number | null
}

/** Hour by hour: p95 and p50 against the 7-day p95, then calls with their failures. */
export function ToolTrendChart({ series, baselineP95 }: ToolTrendChartProps) {
  const worstP95 = series.reduce((max, hour) => Math.max(max, hour.p95_ms ?? 0), 0)
  return (
    <div className="space-y-4">
      <div
        data-testid="tool-latency-chart"
        role="img"
        aria-label={`Latency by hour: highest p95 ${formatMs(worstP95)}, 7-day p95 ${formatMs(baselineP95)}`}
        className="h-56 w-full"
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis {...HOUR_AXIS} />
            <YAxis tick={AXIS_TICK} stroke={CHART_COLORS.grid} unit={'\u00a0ms'} width={64} />
            <Tooltip {...TOOLTIP} formatter={(value) => formatMs(Number(value))} />
            <Legend wrapperStyle={LEGEND_STYLE} />
            {baselineP95 !== null && (
              <ReferenceLine
                y={baselineP95}
                stroke={CHART_COLORS.axis}
                strokeDasharray="4 4"
                label={{
                  value: '7-day p95',
                  fill: CHART_COLORS.axis,
                  fontSize: 10,
                  position: 'insideTopRight',
                }}
              />
            )}
            <Line
              type="monotone"
              dataKey="p95_ms"
              name="p95"
              stroke={CHART_COLORS.line}
              strokeWidth={1.5}
              dot={series.length < 3}
              isAnimationActive={false}
            />
            <Line
              type="monotone"
              dataKey="p50_ms"
              name="p50"
              stroke={CHART_COLORS.secondary}
              strokeWidth={1.5}
              dot={series.length < 3}
              isAnimationActive={false}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
      <div
        data-testid="tool-calls-chart"
        role="img"
        aria-label={`Calls by hour: ${sum(series, 'calls')} calls, ${sum(series, 'failures')} failed`}
        className="h-40 w-full"
      >
        <ResponsiveContainer width="100%" height="100%">
          <ComposedChart data={series} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
            <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
            <XAxis {...HOUR_AXIS} />
            <YAxis tick={AXIS_TICK} stroke={CHART_COLORS.grid} allowDecimals={false} width={64} />
            <Tooltip {...TOOLTIP} cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.3 }} />
            <Legend wrapperStyle={LEGEND_STYLE} />
            <Bar
              dataKey="calls"
              name="Calls"
              fill={CHART_COLORS.line}
              isAnimationActive={false}
              maxBarSize={16}
            />
            <Bar
              dataKey="failures"
              name="Failures"
              fill={CHART_COLORS.failure}
              isAnimationActive={false}
              maxBarSize={16}
            />
          </ComposedChart>
        </ResponsiveContainer>
      </div>
    </div>
  )
}

const sum = (series: readonly ToolHour[], field: 'calls' | 'failures') =>
  series.reduce((total, hour) => total + hour[field], 0)
