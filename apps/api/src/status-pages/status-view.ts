import type { PublicStatusResponse } from '@mc/shared'

/**
 * The inside of a status page's `<main>`, from its public JSON. The server renders the page with it
 * and the page's script (`page-script.ts`) carries its source to re-render each refresh, so the two
 * cannot differ: it must stay self-contained — no imports, nothing from outside its own body.
 */
export function renderStatusMain(status: PublicStatusResponse): string {
  const entities: Record<string, string> = {
    '&': '&amp;',
    '<': '&lt;',
    '>': '&gt;',
    '"': '&quot;',
    "'": '&#39;',
  }
  const esc = (value: unknown) => String(value).replace(/[&<>"']/g, (char) => entities[char] ?? char)
  const percent = (value: number | null) => (value === null ? 'no data' : `${value.toFixed(2)} %`)
  const utc = (seconds: number) =>
    `${new Date(seconds * 1000).toISOString().slice(0, 16).replace('T', ' ')} UTC`
  const level = (uptime: number | null) => {
    if (uptime === null) return 'none'
    if (uptime >= 99.9) return 'ok'
    if (uptime >= 99) return 'minor'
    if (uptime >= 95) return 'warn'
    return 'bad'
  }
  const headline = {
    operational: 'All systems operational',
    degraded: 'Some systems are down',
    outage: 'All systems are down',
    unknown: 'Status unknown',
  }[status.overall]

  const gateways = status.gateways.map((gateway) => {
    const bars = gateway.days
      .map(
        (day) =>
          `<i class="b-${level(day.uptime)}" title="${esc(`${day.date}: ${percent(day.uptime)}`)}"></i>`,
      )
      .join('')
    const error = gateway.last_error === null ? '' : `<p class="error">${esc(gateway.last_error)}</p>`
    return `<article class="gateway" data-gateway-id="${gateway.id}">
<div class="gateway-head"><h2>${esc(gateway.name)}</h2><span class="status status-${esc(gateway.status)}" data-role="status">${esc(gateway.status)}</span></div>
<div class="bars" role="img" aria-label="${esc(`Daily uptime of ${gateway.name} over ${gateway.days.length} days`)}">${bars}</div>
<p class="uptime">${gateway.uptime_90d === null ? 'No probes' : `${esc(percent(gateway.uptime_90d))} uptime`} over the last ${gateway.days.length} days</p>${error}
</article>`
  })

  const incidents = status.incidents.map((incident) => {
    const when =
      incident.resolved_at === null
        ? `since ${utc(incident.opened_at)}`
        : `${utc(incident.opened_at)} – ${utc(incident.resolved_at)}`
    return `<li class="incident incident-${esc(incident.status)}" data-incident-id="${incident.id}">
<span class="incident-status">${esc(incident.status)}</span> <strong>${esc(incident.title)}</strong> on ${esc(incident.gateway_name)} <span class="incident-when">${esc(when)}</span></li>`
  })

  return `<header>
<h1>${esc(status.title)}</h1>${status.description ? `<p class="description">${esc(status.description)}</p>` : ''}
<p class="overall overall-${esc(status.overall)}" data-role="overall">${esc(headline)}</p>
</header>
<section class="gateways" aria-label="Gateways">${gateways.join('\n') || '<p class="empty">No gateways listed.</p>'}</section>
<section class="incidents"><h2>Incidents</h2>${
    incidents.length > 0 ? `<ul>${incidents.join('\n')}</ul>` : '<p class="empty">No recent incidents.</p>'
  }</section>
<footer>Updated <time data-role="generated-at" datetime="${new Date(status.generated_at * 1000).toISOString()}">${esc(utc(status.generated_at))}</time> · refreshes every ${status.refresh_s} s</footer>`
}
