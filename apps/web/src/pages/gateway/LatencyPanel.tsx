import { lazy, Suspense } from 'react'
import { useProbeChart } from '../../api/gateway-probes.ts'
import { ErrorState } from '../../components/ErrorState.tsx'
import { Panel } from '../../components/Panel.tsx'
import { Skeleton } from '../../components/Skeleton.tsx'
import { TONE_BACKGROUND } from '../../components/StatusDot.tsx'
import { cx } from '../../lib/class-names.ts'
import { GATEWAY_STATUS_TONE } from '../../lib/gateway-status.ts'

// recharts is most of the app's weight: load it with the first chart, not with the app.
const LatencyChart = lazy(() =>
  import('./LatencyChart.tsx').then((module) => ({ default: module.LatencyChart })),
)

const LEGEND = ['offline', 'timeout', 'error'] as const

function Legend() {
  return (
    <div className="flex flex-wrap items-center gap-3 text-2xs text-muted-foreground">
      <span className="inline-flex items-center gap-1.5">
        <span className="h-0.5 w-3 rounded bg-primary" /> latency
      </span>
      {LEGEND.map((status) => (
        <span key={status} className="inline-flex items-center gap-1.5">
          <span
            className={cx('size-2.5 rounded-sm opacity-60', TONE_BACKGROUND[GATEWAY_STATUS_TONE[status]])}
          />
          {status}
        </span>
      ))}
    </div>
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
        chart.data.probes.length === 0 ? (
          <p className="py-10 text-center text-muted-foreground text-xs">
            No probes in the last 24 hours yet. The worker probes every 30 seconds.
          </p>
        ) : (
          <Suspense fallback={<Skeleton className="h-56 w-full" />}>
            <LatencyChart window={chart.data} />
          </Suspense>
        )
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
