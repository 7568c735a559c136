import type { Gateway } from '@mc/shared'
import { useDeferredValue, useMemo } from 'react'
import { useProbesInFlight, useRecentProbes } from '../../api/gateway-probes.ts'
import { useGatewayIncidents } from '../../api/incidents.ts'
import { Button } from '../../components/Button.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { Pagination } from '../../components/Pagination.tsx'
import { GATEWAYS_PER_PAGE, viewGateways } from '../../lib/gateway-list.ts'
import { useNowSeconds } from '../../lib/use-now.ts'
import { GatewayCard } from './GatewayCard.tsx'
import type { GatewayActions } from './GatewayCardActions.tsx'
import { GatewayFilters } from './GatewayFilters.tsx'
import { useListParams } from './use-list-params.ts'
import { useSearchBox } from './use-search-box.ts'

interface GatewayListProps extends GatewayActions {
  gateways: readonly Gateway[]
  /** The gateway whose registry change is on its way. */
  busyId: number | null
  /** When a manual probe of each gateway last returned. */
  probedAt: ReadonlyMap<number, number>
}

/**
 * One page of gateway cards (50) with search and status filters, so a fleet of a thousand stays
 * quick: only the cards on screen render, and only their probe strips are fetched.
 */
export function GatewayList({ gateways, busyId, probedAt, ...actions }: GatewayListProps) {
  const [params, setParams] = useListParams()
  const [searchText, onSearch] = useSearchBox(params.search, (search) => setParams({ search }))
  const search = useDeferredValue(searchText)
  const view = useMemo(
    () => viewGateways(gateways, { search, status: params.status, page: params.page }),
    [gateways, search, params.status, params.page],
  )
  const ids = useMemo(() => view.items.map((gateway) => gateway.id), [view.items])
  const recent = useRecentProbes(ids)
  const inFlight = useProbesInFlight()
  const incidents = useGatewayIncidents()
  const now = useNowSeconds(5_000)

  return (
    <section aria-label="Gateways" className="space-y-3">
      <GatewayFilters
        search={searchText}
        onSearch={onSearch}
        status={params.status}
        onStatus={(status) => setParams({ status })}
        counts={view.counts}
        matching={view.matching}
      />
      {view.items.length === 0 ? (
        <EmptyState
          title="No gateways match"
          description="Try another search or status, or clear the filters."
        >
          <Button
            onClick={() => {
              onSearch('')
              setParams({ search: '', status: null })
            }}
          >
            Clear filters
          </Button>
        </EmptyState>
      ) : (
        <div className="space-y-2">
          {view.items.map((gateway) => (
            <GatewayCard
              key={gateway.id}
              gateway={gateway}
              probes={recent.data?.probes[String(gateway.id)]}
              now={now}
              probing={inFlight.all || inFlight.ids.has(gateway.id)}
              busy={busyId === gateway.id}
              probedAt={probedAt.get(gateway.id)}
              incident={incidents.get(gateway.id)}
              {...actions}
            />
          ))}
        </div>
      )}
      <Pagination
        page={view.page}
        pages={view.pages}
        perPage={GATEWAYS_PER_PAGE}
        total={view.total}
        noun={view.total === 1 ? 'gateway' : 'gateways'}
        onPage={(page) => {
          setParams({ page })
          window.scrollTo({ top: 0 })
        }}
      />
    </section>
  )
}
