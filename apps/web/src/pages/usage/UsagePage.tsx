import { lazy, Suspense, useMemo } from 'react'
import { useUsage } from '../../api/usage.ts'
import { EmptyState } from '../../components/EmptyState.tsx'
import { Page } from '../../components/Page.tsx'
import { Panel } from '../../components/Panel.tsx'
import { QueryView } from '../../components/QueryView.tsx'
import { Skeleton } from '../../components/Skeleton.tsx'
import { UsageIcon } from '../../layout/icons.tsx'
import { USAGE_WINDOWS } from '../../lib/insight-windows.ts'
import { utcDays } from '../../lib/usage-series.ts'
import { ModelPricesPanel } from './ModelPricesPanel.tsx'
import { UsageControls } from './UsageControls.tsx'
import { UsageGroupsTable } from './UsageGroupsTable.tsx'
import { useUsageParams } from './use-usage-params.ts'

// recharts loads with the first chart, not with the app.
const UsageChart = lazy(() => import('./UsageChart.tsx').then((module) => ({ default: module.UsageChart })))

/**
 * `/usage`: tokens and estimated cost of gateway sessions and CLI agents per day, grouped by
 * gateway, agent or model, and the model prices that cost CLI agents' tokens.
 */
export function UsagePage() {
  const [params, update] = useUsageParams()
  const usage = useUsage({ group_by: params.group_by, window: params.window })
  const windowDays = USAGE_WINDOWS.find((window) => window.key === params.window)?.seconds ?? 0
  // Recomputed with the window (and on reload): a day boundary passing meanwhile only shifts one bar.
  const days = useMemo(() => utcDays(windowDays / 86_400), [windowDays])
  return (
    <Page
      title="Usage"
      description="Tokens and estimated cost per day: gateway sessions as the gateways report them, CLI agents priced below"
    >
      <UsageControls params={params} onChange={update} />
      <QueryView
        query={usage}
        errorTitle="Could not load the usage"
        isEmpty={(data) => data.groups.length === 0}
        empty={
          <EmptyState
            icon={<UsageIcon />}
            title="No usage in this window"
            description="Usage appears once watched gateways report their sessions' tokens or CLI agents send heartbeats with token counts."
          />
        }
      >
        {(data) => (
          <>
            <Panel
              id="usage-daily"
              title="Per day"
              description="UTC days; the six biggest groups, the rest as Other"
            >
              <Suspense fallback={<Skeleton className="h-64 w-full" />}>
                <UsageChart usage={data} measure={params.measure} days={days} />
              </Suspense>
            </Panel>
            <Panel id="usage-groups" title={`By ${params.group_by}`} description="Over the whole window">
              <UsageGroupsTable groups={data.groups} />
            </Panel>
          </>
        )}
      </QueryView>
      <ModelPricesPanel />
    </Page>
  )
}
