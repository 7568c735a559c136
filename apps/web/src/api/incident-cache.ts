import { INCIDENT_STATUSES, type Incident, type IncidentStatus, type IncidentTimelineEntry } from '@mc/shared'
import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import { queryKeys } from './queries.ts'

/** An incident only moves forward: open → acknowledged → resolved. */
const STAGE: Record<IncidentStatus, number> = { open: 0, acknowledged: 1, resolved: 2 }

/**
 * `next` in place of `cached`, unless `cached` is further along: an event that waited in a batch
 * while a refetch (or the ack's own answer) brought the incident acknowledged or resolved.
 */
export function newerIncident(cached: Incident, next: Incident): Incident {
  return STAGE[next.status] < STAGE[cached.status] ? cached : next
}

/** One page of `GET /api/incidents`. */
export interface IncidentsPage {
  incidents: Incident[]
  next_before: number | null
}

/** A status's list as its infinite query caches it. */
export type IncidentPages = InfiniteData<IncidentsPage>

/**
 * One status's cached pages with `incidents` applied: those of another status leave it, those of
 * this status replace their cached copy or, when new to it, join the first page (newest first).
 */
export function withIncidents(
  data: IncidentPages,
  status: IncidentStatus,
  incidents: ReadonlyMap<number, Incident>,
): IncidentPages {
  const listed = new Set<number>()
  let changed = false
  const pages = data.pages.map((page) => {
    const kept = page.incidents.flatMap((cached) => {
      const next = incidents.get(cached.id)
      if (!next) return [cached]
      listed.add(cached.id)
      const shown = newerIncident(cached, next)
      if (shown === cached) return [cached]
      changed = true
      return shown.status === status ? [shown] : []
    })
    return kept.length === page.incidents.length &&
      kept.every((incident, i) => incident === page.incidents[i])
      ? page
      : { ...page, incidents: kept }
  })
  const joining = [...incidents.values()].filter(
    (incident) => incident.status === status && !listed.has(incident.id),
  )
  const [first, ...rest] = pages
  if (joining.length === 0 || !first) return changed ? { ...data, pages } : data
  const incidentsFirst = [...joining, ...first.incidents].sort((a, b) => b.id - a.id)
  return { ...data, pages: [{ ...first, incidents: incidentsFirst }, ...rest] }
}

/**
 * Writes incidents as an event or the API just reported them into every cached status list (an
 * acknowledged incident leaves "open" and joins "acknowledged") and into its cached page, so all
 * views show it at once. Queries not in the cache stay absent.
 */
export function cacheIncidents(queryClient: QueryClient, incidents: readonly Incident[]): void {
  if (incidents.length === 0) return
  const byId = new Map(incidents.map((incident) => [incident.id, incident]))
  // A late event must not bring back a stage another list already shows: each incident goes in as
  // the furthest copy known anywhere.
  for (const status of INCIDENT_STATUSES) {
    const data = queryClient.getQueryData<IncidentPages>(queryKeys.incidentList(status))
    for (const cached of data?.pages.flatMap((page) => page.incidents) ?? []) {
      const next = byId.get(cached.id)
      if (next) byId.set(cached.id, newerIncident(cached, next))
    }
  }
  for (const status of INCIDENT_STATUSES) {
    queryClient.setQueryData<IncidentPages>(
      queryKeys.incidentList(status),
      (data) => data && withIncidents(data, status, byId),
    )
  }
  for (const incident of incidents) {
    queryClient.setQueryData<{ incident: Incident; timeline: IncidentTimelineEntry[] }>(
      queryKeys.incidentDetail(incident.id),
      (detail) => detail && { ...detail, incident: newerIncident(detail.incident, incident) },
    )
  }
}

/** The gateways that have an open or acknowledged incident, from the cached lists. */
export function gatewaysWithIncidents(
  lists: ReadonlyArray<IncidentPages | undefined>,
): Map<number, Incident> {
  const gateways = new Map<number, Incident>()
  for (const data of lists) {
    for (const page of data?.pages ?? []) {
      for (const incident of page.incidents) {
        if (incident.subject_type !== 'gateway' || incident.status === 'resolved') continue
        const known = gateways.get(incident.subject_id)
        // The gravest one stands for the gateway: an open one over an acknowledged one.
        if (!known || STAGE[incident.status] < STAGE[known.status])
          gateways.set(incident.subject_id, incident)
      }
    }
  }
  return gateways
}
