import type { Gateway, GatewayStatus } from '@mc/shared'
import { countStatuses, type StatusCounts } from './gateway-status.ts'

export const GATEWAYS_PER_PAGE = 50

export interface GatewayListView {
  /** The gateways matching the search, per status: the filter chips' counts. */
  counts: StatusCounts
  /** How many match the search (all statuses). */
  matching: number
  /** How many match the search and the status filter. */
  total: number
  /** This page's gateways, in the API's order (primary first, then by name). */
  items: Gateway[]
  /** The page shown, clamped to the pages there are (1-based). */
  page: number
  pages: number
}

export interface GatewayListQuery {
  search: string
  status: GatewayStatus | null
  page: number
  perPage?: number
}

/** Case-insensitive match on name or host. */
function matchesSearch(gateway: Gateway, needle: string): boolean {
  return gateway.name.toLowerCase().includes(needle) || gateway.host.toLowerCase().includes(needle)
}

/** Search, status filter and one page of the Gateway Manager's list, all in the browser. */
export function viewGateways(
  gateways: readonly Gateway[],
  { search, status, page, perPage = GATEWAYS_PER_PAGE }: GatewayListQuery,
): GatewayListView {
  const needle = search.trim().toLowerCase()
  const searched = needle ? gateways.filter((gateway) => matchesSearch(gateway, needle)) : gateways
  const filtered = status ? searched.filter((gateway) => gateway.status === status) : searched
  const pages = Math.max(1, Math.ceil(filtered.length / perPage))
  const shown = Math.min(Math.max(1, Math.floor(page) || 1), pages)
  return {
    counts: countStatuses(searched.map((gateway) => gateway.status)),
    matching: searched.length,
    total: filtered.length,
    items: filtered.slice((shown - 1) * perPage, shown * perPage),
    page: shown,
    pages,
  }
}
