import { type StatusPageRead, type StatusPageRow, unixSeconds, unixSecondsOrNull } from '@mc/db'
import type { GatewayStatus, PublicIncident, PublicStatusResponse, StatusPage } from '@mc/shared'

export function presentStatusPage(row: StatusPageRow): StatusPage {
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    description: row.description,
    gateway_ids: row.gatewayIds,
    public: row.public,
    show_errors: row.showErrors,
    created_at: unixSeconds(row.createdAt),
    updated_at: unixSeconds(row.updatedAt),
  }
}

const isDown = (status: GatewayStatus) => status === 'offline' || status === 'timeout' || status === 'error'

/** The headline: an outage when every gateway known is down, degraded when some are, unknown when none is known. */
export function overallStatus(statuses: GatewayStatus[]): PublicStatusResponse['overall'] {
  const known = statuses.filter((status) => status !== 'unknown')
  if (known.length === 0) return 'unknown'
  const down = known.filter(isDown).length
  if (down === 0) return 'operational'
  return down === known.length ? 'outage' : 'degraded'
}

/**
 * What the public sees of a page: names, statuses, uptime and incident titles, never a host, port,
 * token or incident summary; a gateway's last error only when the page opts in.
 */
export function presentPublicStatus(
  page: StatusPageRow,
  read: StatusPageRead,
  refreshS: number,
): PublicStatusResponse {
  return {
    slug: page.slug,
    title: page.title,
    description: page.description,
    overall: overallStatus(read.gateways.map((gateway) => gateway.status)),
    gateways: read.gateways.map((gateway) => ({
      id: gateway.id,
      name: gateway.name,
      status: gateway.status,
      last_probe_at: unixSecondsOrNull(gateway.lastProbeAt),
      uptime_90d: gateway.uptime,
      days: gateway.days.map((uptime, i) => ({ date: read.dates[i] ?? '', uptime })),
      last_error: page.showErrors ? gateway.lastError : null,
    })),
    incidents: read.incidents.map(
      (incident): PublicIncident => ({
        id: incident.id,
        gateway_id: incident.gatewayId,
        gateway_name: incident.gatewayName,
        title: incident.ruleName,
        severity: incident.severity as PublicIncident['severity'],
        status: incident.status,
        opened_at: unixSeconds(incident.openedAt),
        resolved_at: unixSecondsOrNull(incident.resolvedAt),
      }),
    ),
    generated_at: Math.floor(Date.now() / 1000),
    refresh_s: refreshS,
  }
}
