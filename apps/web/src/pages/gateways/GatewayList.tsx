import { type ReactNode, useEffect, useMemo } from 'react'
import { useProbesInFlight, useRecentProbes } from '../../api/gateway-probes.ts'
import { GATEWAYS_PAGE_SIZE, useGatewayCounts, useGatewayPage } from '../../api/gateways.ts'
import { useGatewayIncidents } from '../../api/incidents.ts'
import { Button } from '../../components/Button.tsx'
import { EmptyState } from '../../components/EmptyState.tsx'
import { Pagination } from '../../components/Pagination.tsx'
import { QueryView } from '../../components/QueryView.tsx'
import { cx } from '../../lib/class-names.ts'
import { useNowSeconds } from '../../lib/use-now.ts'
import { GatewayCard } from './GatewayCard.tsx'
import type { GatewayActions } from './GatewayCardActions.tsx'
import { GatewayFilters } from './GatewayFilters.tsx'
import { gatewayPageParams, useListParams } from './use-list-params.ts'
import { useSearchBox } from './use-search-box.ts'

interface GatewayListProps extends GatewayActions {
  /** The gateway whose registry change is on its way. */
  busyId: number | null
  /** When a manual probe of each gateway last returned. */
  probedAt: ReadonlyMap<number, number>
  /** Shown instead of the list while no gateway is registered at all. */
  empty: ReactNode
}

/**
 * One page of gateway cards (50) with search and status filters, searched, filtered and paged by the
 * API, so a fleet of ten thousand costs the browser one page: only its cards render, only their
 * probe strips are fetched, and the event stream patches just the rows on screen.
 */
export function GatewayList({ busyId, probedAt, empty, ...actions }: GatewayListProps) {
  const [params, setParams] = useListParams()
  const [searchText, onSearch] = useSearchBox(params.search, (search) => setParams({ search }))
  const q = params.search.trim()
  const page = useGatewayPage(gatewayPageParams(params))
  const counts = useGatewayCounts(q)
  const ids = useMemo(() => page.data?.gateways.map((gateway) => gateway.id) ?? [], [page.data])
  const recent = useRecentProbes(ids)
  const inFlight = useProbesInFlight()
  const incidents = useGatewayIncidents()
  const now = useNowSeconds(5_000)

  const total = page.data?.total ?? 0
  const pages = Math.max(1, Math.ceil(total / GATEWAYS_PAGE_SIZE))
  // A page past the end (the list shrank, or an old link) moves to the last page there is.
  const pastEnd = page.data !== undefined && !page.isPlaceholderData && params.page > pages
  useEffect(() => {
    if (pastEnd) setParams({ page: pages })
  }, [pastEnd, pages, setParams])

  const filtered = q !== '' || params.status !== null
  if (page.data?.total === 0 && !filtered && !page.isPlaceholderData) return empty

  return (
    <section aria-label="Gateways" className="space-y-3">
      <GatewayFilters
        search={searchText}
        onSearch={onSearch}
        status={params.status}
        onStatus={(status) => setParams({ status })}
        counts={counts.data}
      />
      <QueryView
        query={page}
        errorTitle="Could not load gateways"
        isEmpty={(data) => data.gateways.length === 0}
        empty={
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
        }
      >
        {(data) => (
          <div
            className={cx('space-y-2', page.isPlaceholderData && 'opacity-60')}
            aria-busy={page.isPlaceholderData}
          >
            {data.gateways.map((gateway) => (
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
      </QueryView>
      {page.data && (
        <Pagination
          page={Math.min(params.page, pages)}
          pages={pages}
          perPage={GATEWAYS_PAGE_SIZE}
          total={total}
          noun={total === 1 ? 'gateway' : 'gateways'}
          onPage={(next) => {
            setParams({ page: next })
            window.scrollTo({ top: 0 })
          }}
        />
      )}
    </section>
  )
}
