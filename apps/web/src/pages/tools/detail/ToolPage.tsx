import type { ToolResponse } from '@mc/shared'
import { lazy, Suspense } from 'react'
import { useParams } from 'react-router'
import { useTool } from '../../../api/tools.ts'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { Page } from '../../../components/Page.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { PendingPage } from '../../../components/PendingPage.tsx'
import { Skeleton } from '../../../components/Skeleton.tsx'
import { Stat } from '../../../components/Stat.tsx'
import { WindowChips } from '../../../components/WindowChips.tsx'
import { TOOL_WINDOWS } from '../../../lib/insight-windows.ts'
import { failureRate, formatFailureRate, formatMs, toolFiltersSearch } from '../../../lib/tool-list.ts'
import { GatewaySelect } from '../../gateways/GatewaySelect.tsx'
import { DegradingBadge } from '../DegradingBadge.tsx'
import { useToolFilters } from '../use-tool-filters.ts'
import { ToolFailuresTable } from './ToolFailuresTable.tsx'

// recharts loads with the first chart, not with the app.
const ToolTrendChart = lazy(() =>
  import('./ToolTrendChart.tsx').then((module) => ({ default: module.ToolTrendChart })),
)

/** Calls, failures and the worst hour's p95 over the window, next to the 7-day baseline. */
function ToolStats({ tool }: { tool: ToolResponse }) {
  const calls = tool.series.reduce((sum, hour) => sum + hour.calls, 0)
  const failures = tool.series.reduce((sum, hour) => sum + hour.failures, 0)
  const worstP95 = tool.series.reduce<number | null>(
    (max, hour) => Math.max(max ?? 0, hour.p95_ms ?? 0),
    null,
  )
  return (
    <div className="grid grid-cols-2 gap-2 lg:grid-cols-4">
      <Stat id="calls" label="Calls" value={calls.toLocaleString('en')} hint="in the window" />
      <Stat
        id="failures"
        label="Failures"
        value={failures.toLocaleString('en')}
        valueClassName={failures > 0 ? 'text-red-400' : undefined}
        hint={formatFailureRate(failureRate({ calls, failures }))}
      />
      <Stat id="worst-p95" label="Worst hour's p95" value={formatMs(worstP95)} hint="in the window" />
      <Stat id="baseline-p95" label="7-day p95" value={formatMs(tool.baseline_p95_ms)} hint="the baseline" />
    </div>
  )
}

/** `/tools/:name?gateway_id=&window=`: one tool's hourly trend and latest failures. */
export function ToolPage() {
  const name = useParams().name ?? ''
  const [filters, update] = useToolFilters()
  const tool = useTool(name, { gateway_id: filters.gateway_id, window: filters.window })
  const list = toolFiltersSearch({ ...filters, sort: 'p95' }).toString()
  const back = { to: list ? `/tools?${list}` : '/tools', label: 'Tools' }
  if (!tool.data)
    return <PendingPage title={name} back={back} query={tool} errorTitle="Could not load this tool" />

  const { data } = tool
  return (
    <Page
      title={name}
      back={back}
      badges={data.degrading && <DegradingBadge />}
      description={filters.gateway_id === undefined ? 'On every gateway' : undefined}
    >
      <search aria-label="Filter tool" className="flex flex-wrap items-center gap-2">
        <GatewaySelect value={filters.gateway_id} onChange={(gateway_id) => update({ gateway_id })} />
        <WindowChips
          windows={TOOL_WINDOWS}
          value={filters.window}
          onChange={(window) => update({ window })}
        />
      </search>
      <ToolStats tool={data} />
      <Panel
        id="tool-trend"
        title="By hour"
        description="p95 and p50 latency against the 7-day p95; calls and failures"
      >
        {data.series.length === 0 ? (
          <EmptyState title="No calls in this window" description="Try a longer window or another gateway." />
        ) : (
          <Suspense fallback={<Skeleton className="h-96 w-full" />}>
            <ToolTrendChart series={data.series} baselineP95={data.baseline_p95_ms} />
          </Suspense>
        )}
      </Panel>
      <Panel id="tool-failures" title="Latest failures" description="Newest first, at most 20">
        {data.failures.length === 0 ? (
          <p className="text-muted-foreground text-xs">No failed call in this window.</p>
        ) : (
          <ToolFailuresTable failures={data.failures} />
        )}
      </Panel>
    </Page>
  )
}
