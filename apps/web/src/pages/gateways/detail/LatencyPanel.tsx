import type { ProbeStatus } from '@mc/shared'
import { lazy, Suspense, useMemo } from 'react'
import { type ProbeWindow, useProbeChart } from '../../../api/gateway-probes.ts'
import { ErrorState } from '../../../components/ErrorState.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { Skeleton } from '../../../components/Skeleton.tsx'
import { StatusIcon } from '../../../components/StatusIcon.tsx'
import { GATEWAY_STATUS_TONE, summarizeStatuses } from '../../../lib/gateway-status.ts'
import { latencyPoints } from '../../../lib/latency-series.ts'

// recharts is most of the app's weight: load it with the first chart, not with the app.
const LatencyChart = lazy(() =>
  import('./LatencyChart.tsx').then((module) => ({ default: module.LatencyChart })),
)

const LEGEND: readonly ProbeStatus[] = ['offline', 'timeout', 'error']

function Legend() {
  return (
    <div className="flex flex-wrap items-center gap-3 text-2xs text-muted-foreground">
      <span className="inline-flex items-center gap-1.5">
        <span className="h-0.5 w-3 rounded bg-primary" /> latency
      </span>
      {LEGEND.map((status) => (
        <span key={status} className="inline-flex items-center gap-1.5">
          <StatusIcon tone={GATEWAY_STATUS_TONE[status]} />
          {status}
        </span>
      ))}
    </div>
  )
}

/** The chart, or why there is nothing to chart: no probes yet, or none that answered. */
function LatencyWindow({ window }: { window: ProbeWindow }) {
  const points = useMemo(() => latencyPoints(window.probes), [window.probes])
  if (!points.some((point) => point.latency !== null)) {
    return (
      <p data-testid="latency-empty" className="py-10 text-center text-muted-foreground text-xs">
        {points.length === 0
          ? 'No probes in the last 24 hours yet. The worker probes every 30 seconds.'
          : `No probe answered in the last 24 hours (${summarizeStatuses(points.map((point) => point.status))}), so there is no latency to chart: see the probe history below.`}
      </p>
    )
  }
  return (
    <Suspense fallback={<Skeleton className="h-56 w-full" />}>
      <LatencyChart window={window} points={points} />
    </Suspense>
  )
}

/** The last 24 hours of probes as a latency chart with outages marked. */
export function LatencyPanel({ gatewayId }: { gatewayId: number }) {
  const chart = useProbeChart(gatewayId)
  return (
    <Panel
      id="latency-heading"
      title="Latency, last 24 hours"
      description="Round trip of each successful probe; shaded where probes failed"
      actions={<Legend />}
    >
      {chart.data ? (
        <LatencyWindow window={chart.data} />
      ) : chart.isError ? (
        <ErrorState
          title="Could not load the probe history"
          error={chart.error}
          onRetry={() => chart.refetch()}
        />
      ) : (
        <Skeleton className="h-56 w-full" />
      )}
    </Panel>
  )
}
