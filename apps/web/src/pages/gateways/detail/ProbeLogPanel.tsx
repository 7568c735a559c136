import { useProbeLog } from '../../../api/gateway-probes.ts'
import { EmptyState } from '../../../components/EmptyState.tsx'
import { LoadMore } from '../../../components/LoadMore.tsx'
import { Panel } from '../../../components/Panel.tsx'
import { QueryView } from '../../../components/QueryView.tsx'
import { Spinner } from '../../../components/Spinner.tsx'
import { ProbeLogTable } from './ProbeLogTable.tsx'

/** Every probe of a gateway, newest first, 50 at a time. */
export function ProbeLogPanel({ gatewayId }: { gatewayId: number }) {
  const log = useProbeLog(gatewayId)
  return (
    <Panel
      id="probes-heading"
      title="Probe history"
      description="Each probe the worker (or someone pressing Probe) ran, newest first"
      actions={log.isFetching && !log.isFetchingNextPage ? <Spinner label="Loading" /> : undefined}
    >
      <QueryView
        query={log}
        errorTitle="Could not load the probe history"
        isEmpty={(data) => data.pages.every((page) => page.probes.length === 0)}
        empty={
          <EmptyState
            title="Not probed yet"
            description="The worker probes every gateway every 30 seconds; its results are listed here."
          />
        }
      >
        {(data) => {
          const probes = data.pages.flatMap((page) => page.probes)
          return (
            <>
              <ProbeLogTable probes={probes} />
              <LoadMore
                query={log}
                count={`${probes.length} ${probes.length === 1 ? 'probe' : 'probes'}`}
                end="all that is kept"
                testId="probe-count"
              />
            </>
          )
        }}
      </QueryView>
    </Panel>
  )
}
