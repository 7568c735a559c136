import type { AgentDetailResponse } from '@mc/shared'
import { lazy, Suspense, useState } from 'react'
import { FilterChip } from '../../../components/FilterChip.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { Skeleton } from '../../../components/Skeleton.tsx'
import { TOKEN_PERIODS, type TokenPeriod, tokenRows } from '../../../lib/token-usage.ts'
import { TokenTable } from './TokenTable.tsx'

// recharts loads with the first chart, not with the app (as the gateway's latency chart).
const TokenChart = lazy(() => import('./TokenChart.tsx').then((module) => ({ default: module.TokenChart })))

/** Tokens the agent's tools reported in heartbeats, per model, over 24 h, 7 d or all time. */
export function TokenUsagePanel({ tokens }: { tokens: AgentDetailResponse['tokens'] }) {
  const [period, setPeriod] = useState<TokenPeriod>('24h')
  const rows = tokenRows(tokens[period])
  const label = TOKEN_PERIODS.find((option) => option.key === period)?.label ?? period
  return (
    <Panel
      id="tokens-heading"
      title="Token usage"
      description="Input and output tokens per model, as the agent's tools report them with heartbeats"
      actions={
        <fieldset className="flex items-center gap-1.5">
          <legend className="sr-only">Period</legend>
          {TOKEN_PERIODS.map((option) => (
            <FilterChip
              key={option.key}
              pressed={period === option.key}
              onClick={() => setPeriod(option.key)}
            >
              {option.label}
            </FilterChip>
          ))}
        </fieldset>
      }
    >
      {rows.length === 0 ? (
        <p className="py-8 text-center text-muted-foreground text-xs">
          No tokens reported in {period === 'all' ? 'any heartbeat yet' : `the last ${label}`}. Tools send
          them as <code className="font-mono">tokens: {'{ input, output, model }'}</code> in a heartbeat.
        </p>
      ) : (
        <>
          <Suspense fallback={<Skeleton className="h-56 w-full" />}>
            <TokenChart rows={rows} />
          </Suspense>
          <TokenTable rows={rows} />
        </>
      )}
    </Panel>
  )
}
