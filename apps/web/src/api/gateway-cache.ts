import type { Gateway, GatewayDetailResponse, GatewayStatus, ProbeResponse } from '@mc/shared'
import type { QueryClient } from '@tanstack/react-query'
import { isUnfinished } from '../lib/probe-summary.ts'
import { queryKeys } from './queries.ts'

/**
 * A new status of one gateway, as a manual probe returns it and as the live `gateway.status` event
 * will carry it (`gateway_id`, `status`, `latency`, counts, `error`, `at`).
 */
export interface GatewayStatusUpdate {
  id: number
  status: GatewayStatus
  latency: number | null
  sessions_count: number
  agents_count: number
  /** Only probes that reached the gateway know it; null or absent keeps the one known. */
  version?: string | null
  error: string | null
  /** Unix seconds of the probe. */
  at: number
}

/**
 * The gateway after `update`: like the worker, `last_seen` and `latency` move only when online. An
 * update older than the probe the gateway already shows (an event that waited in a batch while a
 * refetch brought a newer probe) changes nothing.
 */
export function applyStatusUpdate(gateway: Gateway, update: GatewayStatusUpdate): Gateway {
  if (gateway.last_probe_at !== null && update.at < gateway.last_probe_at) return gateway
  const online = update.status === 'online'
  return {
    ...gateway,
    status: update.status,
    latency: online ? update.latency : gateway.latency,
    last_seen: online ? update.at : gateway.last_seen,
    sessions_count: update.sessions_count,
    agents_count: update.agents_count,
    version: update.version ?? gateway.version,
    last_error: online ? null : update.error,
    last_probe_at: update.at,
  }
}

/**
 * Writes new statuses into the cached list and gateway pages, so every view shows them at once
 * without waiting for the next poll. Queries not in the cache stay absent.
 */
export function patchGatewayStatuses(
  queryClient: QueryClient,
  updates: readonly GatewayStatusUpdate[],
): void {
  if (updates.length === 0) return
  const byId = new Map(updates.map((update) => [update.id, update]))
  queryClient.setQueryData<{ gateways: Gateway[] }>(queryKeys.gatewayList, (list) => {
    if (!list) return list
    return {
      gateways: list.gateways.map((gateway) => {
        const update = byId.get(gateway.id)
        return update ? applyStatusUpdate(gateway, update) : gateway
      }),
    }
  })
  for (const update of updates) {
    queryClient.setQueryData<GatewayDetailResponse>(queryKeys.gatewayDetail(update.id), (detail) =>
      detail ? { ...detail, gateway: applyStatusUpdate(detail.gateway, update) } : detail,
    )
  }
}

/** `POST /api/gateways/health`'s finished results as status updates. */
export function probeResponseUpdates({ results, probed_at }: ProbeResponse): GatewayStatusUpdate[] {
  return results
    .filter((result) => !isUnfinished(result))
    .map((result) => ({
      id: result.id,
      status: result.status,
      latency: result.latency,
      sessions_count: result.sessions_count,
      agents_count: result.agents_count,
      version: result.version,
      error: result.error ?? null,
      at: probed_at,
    }))
}
