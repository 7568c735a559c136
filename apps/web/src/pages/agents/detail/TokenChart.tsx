import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts'
import { CHART_COLORS } from '../../../lib/chart-colors.ts'
import type { TokenRow } from '../../../lib/token-usage.ts'
import { formatTokens, formatTokensShort } from '../../../lib/token-usage.ts'

const SERIES = [
  { key: 'input', name: 'Input', fill: 'var(--chart-input)' },
  { key: 'output', name: 'Output', fill: 'var(--chart-output)' },
] as const
const AXIS_TICK = { fill: CHART_COLORS.axis, fontSize: 10 }
const TOOLTIP_STYLE = {
  contentStyle: {
    background: 'var(--color-popover)',
    border: '1px solid var(--color-border)',
    borderRadius: 6,
    fontSize: 11,
  },
  labelStyle: { color: 'var(--color-foreground)', fontFamily: 'var(--font-mono)' },
  cursor: { fill: 'var(--color-accent)', fillOpacity: 0.4 },
}

/** Input and output tokens per model as grouped bars. */
export function TokenChart({ rows }: { rows: readonly TokenRow[] }) {
  return (
    <div data-testid="token-chart" className="h-56 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <BarChart data={[...rows]} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barGap={2}>
          <CartesianGrid stroke={CHART_COLORS.grid} strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="model" tick={AXIS_TICK} stroke={CHART_COLORS.grid} interval={0} />
          <YAxis tick={AXIS_TICK} stroke={CHART_COLORS.grid} tickFormatter={formatTokensShort} width={48} />
          <Tooltip {...TOOLTIP_STYLE} formatter={(value) => formatTokens(Number(value))} />
          <Legend wrapperStyle={{ fontSize: 11 }} />
          {SERIES.map((series) => (
            <Bar
              key={series.key}
              dataKey={series.key}
              name={series.name}
              fill={series.fill}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  )
}
