import type { UsageResponse } from '@mc/shared'
import { useMemo } from 'react'
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { CHART_COLORS, seriesColor } from '../../lib/chart-colors.ts'
import { formatTokens, formatTokensShort } from '../../lib/token-usage.ts'
import { chartKeys, formatUsd, type UsageMeasure, usageChartRows } from '../../lib/usage-series.ts'

const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 10 }

interface UsageChartProps {
  usage: UsageResponse
  measure: UsageMeasure
  /** The window's UTC days, each a bar even without usage. */
  days: readonly string[]
}

/** One stacked bar per UTC day, a segment per group (the biggest six, the rest as "Other"). */
export function UsageChart({ usage, measure, days }: UsageChartProps) {
  const keys = useMemo(() => chartKeys(usage.groups, measure), [usage.groups, measure])
  const rows = useMemo(
    () => usageChartRows(usage.series, keys, measure, days),
    [usage.series, keys, measure, days],
  )
  const format = measure === 'cost' ? formatUsd : formatTokens
  return (
    <div
      data-testid="usage-chart"
      data-measure={measure}
      role="img"
      aria-label={`${measure === 'cost' ? 'Estimated cost' : 'Tokens'} per day by ${keys.join(', ')}`}
      className="h-64 w-full"
    >
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={rows} margin={{ top: 8, right: 8, bottom: 0, left: 0 }}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="date" tick={AXIS_TICK} stroke={CHART_COLORS.grid} minTickGap={24} />
          <YAxis
            tick={AXIS_TICK}
            stroke={CHART_COLORS.grid}
            width={56}
            tickFormatter={measure === 'cost' ? formatUsd : formatTokensShort}
          />
          <Tooltip
            formatter={(value) => format(Number(value))}
            cursor={{ fill: CHART_COLORS.grid, fillOpacity: 0.3 }}
            contentStyle={{
              background: 'var(--color-popover)',
              border: '1px solid var(--color-border)',
              fontSize: 11,
            }}
          />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {keys.map((key, index) => (
            <Bar
              key={key}
              dataKey={key}
              stackId="usage"
              fill={seriesColor(index)}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
