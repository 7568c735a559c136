import { lazy, Suspense } from 'react'
import { useFleetOverview } from '../../api/fleet.ts'
import { ErrorState } from '../../components/ErrorState.tsx'
import { Page } from '../../components/Page.tsx'
import { Panel } from '../../components/Panel.tsx'
import { Skeleton } from '../../components/Skeleton.tsx'
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

/** Placeholders with the page's shape while the overview loads. */
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
 * `/`: the fleet at a glance, all from `GET /api/fleet/overview` (a fleet of thousands is summed by
 * the API, not downloaded). The event stream moves its status counts and extends its flips
 * (`fleet-cache.ts`), and has it asked again for the figures only the API computes.
 */
export function OverviewPage() {
  const overview = useFleetOverview()
  const data = overview.data

  if (!data) {
    return (
      <Page title={TITLE} description={DESCRIPTION}>
        {overview.isError ? (
          <ErrorState
            title="Could not load the overview"
            error={overview.error}
            onRetry={() => overview.refetch()}
            retrying={overview.isFetching}
          />
        ) : (
          <OverviewSkeleton />
        )}
      </Page>
    )
  }
  if (data.totals.gateways === 0) {
    return (
      <Page title={TITLE} description={DESCRIPTION}>
        <OverviewEmptyState />
      </Page>
    )
  }

  return (
    <Page title={TITLE} description={DESCRIPTION}>
      <FleetTiles
        counts={data.status_counts}
        totals={data.totals}
        connectedAgents={data.connected_agents}
        authFailures={data.auth_failures_24h}
      />
      <OpenIncidentsPanel />
      <SessionCountsPanel />
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel id="overview-status" title="Gateways by status">
          <Suspense fallback={<Skeleton className="h-48 w-full" />}>
            <StatusChart counts={data.status_counts} />
          </Suspense>
        </Panel>
        <Panel id="overview-latency" title="Worst latency" description="Online gateways, slowest first">
          <WorstLatencyList gateways={data.worst_latency} />
        </Panel>
      </div>
      <div className="grid gap-4 lg:grid-cols-2">
        <Panel id="overview-flips" title="Recent status changes" description="The latest 20, newest first">
          <RecentFlipsList flips={data.recent_flips} />
        </Panel>
        <Panel id="overview-uptime" title="Uptime, last 24 h" description="The lowest first">
          <UptimeList rows={data.uptime_24h} />
        </Panel>
      </div>
    </Page>
  )
}
