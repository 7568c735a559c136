import { lazy, Suspense, useMemo } from 'react'
import { useFleetOverview } from '../../api/fleet.ts'
import { useGateways } from '../../api/gateways.ts'
import { ErrorState } from '../../components/ErrorState.tsx'
import { Page } from '../../components/Page.tsx'
import { Panel } from '../../components/Panel.tsx'
import { QueryView } from '../../components/QueryView.tsx'
import { Skeleton } from '../../components/Skeleton.tsx'
import { summarizeFleet } from '../../lib/fleet-summary.ts'
import { FleetTiles } from './FleetTiles.tsx'
import { OpenIncidentsPanel } from './OpenIncidentsPanel.tsx'
import { OverviewEmptyState } from './OverviewEmptyState.tsx'
import { RecentFlipsList } from './RecentFlipsList.tsx'
import { SessionCountsPanel } from './SessionCountsPanel.tsx'
import { UptimeList } from './UptimeList.tsx'
import { WorstLatencyList } from './WorstLatencyList.tsx'

// recharts loads with the first chart, not with the app (as on the gateway and agent pages).
const StatusChart = lazy(() =>
  import('./StatusChart.tsx').then((module) => ({ default: module.StatusChart })),
)

const TITLE = 'Overview'
const DESCRIPTION = 'The whole fleet at a glance, updating live.'

/** Placeholders with the page's shape while the gateway list loads. */
function OverviewSkeleton() {
  return (
    <div className="space-y-2" aria-busy="true">
      <div className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-5">
        {[1, 2, 3, 4, 5].map((tile) => (
          <Skeleton key={tile} className="h-20 w-full" />
        ))}
      </div>
      <Skeleton className="h-48 w-full" />
    </div>
  )
}

/**
 * `/`: the fleet at a glance. Counts, totals and the slowest gateways come from the gateway list,
 * which the event stream keeps current; status flips, uptime and connected CLI agents from
 * `GET /api/fleet/overview`, whose flips the event stream extends (`fleet-cache.ts`).
 */
export function OverviewPage() {
  const gateways = useGateways()
  const overview = useFleetOverview()
  const summary = useMemo(() => summarizeFleet(gateways.data?.gateways ?? []), [gateways.data])

  if (!gateways.data) {
    return (
      <Page title={TITLE} description={DESCRIPTION}>
        {gateways.isError ? (
          <ErrorState
            title="Could not load the gateways"
            error={gateways.error}
            onRetry={() => gateways.refetch()}
            retrying={gateways.isFetching}
          />
        ) : (
          <OverviewSkeleton />
        )}
      </Page>
    )
  }
  if (gateways.data.gateways.length === 0) {
    return (
      <Page title={TITLE} description={DESCRIPTION}>
        <OverviewEmptyState />
      </Page>
    )
  }

  return (
    <Page title={TITLE} description={DESCRIPTION}>
      <FleetTiles
        summary={summary}
        connectedAgents={overview.data?.connected_agents}
        authFailures={overview.data?.auth_failures_24h}
      />
      <OpenIncidentsPanel />
      <SessionCountsPanel />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel id="overview-status" title="Gateways by status">
          <Suspense fallback={<Skeleton className="h-48 w-full" />}>
            <StatusChart counts={summary.counts} />
          </Suspense>
        </Panel>
        <Panel id="overview-latency" title="Worst latency" description="Online gateways, slowest first">
          <WorstLatencyList gateways={summary.worstLatency} />
        </Panel>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel id="overview-flips" title="Recent status changes" description="The latest 20, newest first">
          <QueryView
            query={overview}
            errorTitle="Could not load the status changes"
            isEmpty={() => false}
            empty={null}
          >
            {(data) => <RecentFlipsList flips={data.recent_flips} />}
          </QueryView>
        </Panel>
        <Panel id="overview-uptime" title="Uptime, last 24 h" description="The lowest first">
          <QueryView
            query={overview}
            errorTitle="Could not load the uptime"
            isEmpty={() => false}
            empty={null}
          >
            {(data) => <UptimeList rows={data.uptime_24h} />}
          </QueryView>
        </Panel>
      </div>
    </Page>
  )
}
