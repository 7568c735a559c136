import { createHash } from 'node:crypto'
import type { GatewayStatus } from '@mc/shared'
import { makeBadge } from 'badge-maker'
import type { Context } from 'hono'

const STATUS_COLORS: Record<GatewayStatus, string> = {
  online: 'brightgreen',
  offline: 'red',
  error: 'red',
  timeout: 'orange',
  unknown: 'lightgrey',
}

export function statusBadge(label: string, status: GatewayStatus): string {
  return makeBadge({ label, message: status, color: STATUS_COLORS[status] })
}

const uptimeColor = (uptime: number | null) => {
  if (uptime === null) return 'lightgrey'
  if (uptime >= 99.9) return 'brightgreen'
  if (uptime >= 99) return 'green'
  if (uptime >= 95) return 'yellow'
  if (uptime >= 90) return 'orange'
  return 'red'
}

export function uptimeBadge(period: string, uptime: number | null): string {
  return makeBadge({
    label: `uptime ${period}`,
    message: uptime === null ? 'no data' : `${uptime.toFixed(2)}%`,
    color: uptimeColor(uptime),
  })
}

/**
 * Answers with a badge, cacheable by anyone for `maxAgeS` and embeddable from other sites (a
 * README's `<img>`); 304 when the caller already holds this very badge.
 */
export function badgeResponse(c: Context, svg: string, maxAgeS: number): Response {
  const etag = `"${createHash('sha1').update(svg).digest('base64url')}"`
  c.header('cache-control', `public, max-age=${maxAgeS}`)
  c.header('etag', etag)
  c.header('cross-origin-resource-policy', 'cross-origin')
  c.header('content-type', 'image/svg+xml; charset=utf-8')
  return c.req.header('if-none-match') === etag ? c.body(null, 304) : c.body(svg)
}
