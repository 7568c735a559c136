import { idTextSchema, type SessionCounts, sessionsQuerySchema } from '@mc/shared'
import type { SessionFilters } from '../api/queries.ts'

const stateSchema = sessionsQuerySchema.shape.state
/** Text as typed (the API trims it; a search box fed from the URL must get back what it sent), never blank. */
const textOf = (value: string | null | undefined) => (value?.trim() ? value : undefined)

/**
 * The Sessions page's filters as the URL holds them (`?gateway_id=&agent=&state=&q=`). A value the
 * API would refuse (an unknown state, a gateway id that is no id) is dropped, not sent.
 */
export function sessionFiltersFrom(params: URLSearchParams): SessionFilters {
  const gatewayId = idTextSchema.safeParse(params.get('gateway_id'))
  const state = stateSchema.safeParse(params.get('state') ?? undefined)
  return {
    gateway_id: gatewayId.success ? gatewayId.data : undefined,
    agent: textOf(params.get('agent')),
    state: state.success ? state.data : undefined,
    q: textOf(params.get('q')),
  }
}

/** The URL query of `filters`: only what is set, in a fixed order, so equal filters make equal links. */
export function sessionFiltersSearch(filters: SessionFilters): URLSearchParams {
  const search = new URLSearchParams()
  const agent = textOf(filters.agent)
  const q = textOf(filters.q)
  if (filters.gateway_id !== undefined) search.set('gateway_id', String(filters.gateway_id))
  if (agent) search.set('agent', agent)
  if (filters.state) search.set('state', filters.state)
  if (q) search.set('q', q)
  return search
}

/** A link to the Sessions page showing `filters`. */
export function sessionsPath(filters: SessionFilters): string {
  const search = sessionFiltersSearch(filters).toString()
  return search ? `/sessions?${search}` : '/sessions'
}

/** Whether anything narrows the list beyond its default (every session still on its gateway). */
export const isFiltered = (filters: SessionFilters) =>
  Object.values(filters).some((value) => value !== undefined)

/** Sessions still on their gateways: the sum of the live states' counts. */
export const liveCount = (counts: SessionCounts) => counts.active + counts.ready + counts.idle + counts.stuck
