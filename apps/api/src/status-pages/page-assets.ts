import { createHash } from 'node:crypto'
import { renderStatusMain } from './status-view.ts'

/** Served from the root beside `/status/:slug`; no slug can be these (slugs have no dot). */
export const PAGE_SCRIPT_PATH = '/status/page.js'
export const PAGE_STYLE_PATH = '/status/page.css'

/**
 * Keeps an open page current: every `data-refresh-s` seconds it fetches the page's JSON and
 * re-renders `<main>` with the server's own renderer. A failed fetch keeps what is shown and marks
 * the page stale; a page gone private or deleted (404) says so.
 */
export const PAGE_SCRIPT = `'use strict'
;(() => {
  const render = ${renderStatusMain.toString()}
  const main = document.querySelector('main[data-status-url]')
  if (!main) return
  const url = main.getAttribute('data-status-url')
  const refreshMs = Math.max(2, Number(main.getAttribute('data-refresh-s')) || 30) * 1000
  const refresh = async () => {
    try {
      const res = await fetch(url, { cache: 'no-cache', credentials: 'same-origin' })
      if (res.status === 404) {
        main.classList.add('stale')
        main.setAttribute('data-gone', 'true')
        return
      }
      if (!res.ok) throw new Error(String(res.status))
      main.innerHTML = render(await res.json())
      main.classList.remove('stale')
    } catch {
      main.classList.add('stale')
    } finally {
      setTimeout(refresh, refreshMs)
    }
  }
  setTimeout(refresh, refreshMs)
})()
`

export const PAGE_STYLE = `:root { color-scheme: light dark; --ok: #2da44e; --minor: #9bbb3c; --warn: #e3a008; --bad: #d1242f;
  --none: #8c959f; --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --card: #f6f8fa; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --card: #161b22; } }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 860px; margin: 0 auto; padding: 32px 16px; }
main.stale footer::after { content: " · not updating"; color: var(--warn); }
h1 { margin: 0 0 4px; font-size: 28px; }
h2 { margin: 0; font-size: 17px; }
.description, .empty, footer, .uptime, .incident-when { color: var(--muted); }
.overall { margin: 16px 0 24px; padding: 12px 16px; border-radius: 8px; color: #fff; font-weight: 600; }
.overall-operational { background: var(--ok); } .overall-degraded { background: var(--warn); }
.overall-outage { background: var(--bad); } .overall-unknown { background: var(--none); }
.gateway { background: var(--card); border-radius: 8px; padding: 12px 16px; margin-bottom: 12px; }
.gateway-head { display: flex; justify-content: space-between; align-items: center; gap: 8px; }
.status { padding: 2px 10px; border-radius: 999px; color: #fff; font-size: 13px; font-weight: 600; }
.status-online { background: var(--ok); } .status-offline, .status-error { background: var(--bad); }
.status-timeout { background: var(--warn); } .status-unknown { background: var(--none); }
.bars { display: flex; gap: 2px; height: 28px; margin: 10px 0 4px; }
.bars i { flex: 1; border-radius: 2px; background: var(--none); }
.bars .b-ok { background: var(--ok); } .bars .b-minor { background: var(--minor); } .bars .b-warn { background: var(--warn); }
.bars .b-bad { background: var(--bad); } .bars .b-none { opacity: 0.35; }
.uptime, .error { margin: 0; font-size: 13px; } .error { color: var(--bad); overflow-wrap: anywhere; }
.incidents ul { list-style: none; padding: 0; }
.incident { padding: 8px 0; border-bottom: 1px solid var(--card); }
.incident-status { text-transform: uppercase; font-size: 12px; font-weight: 700; color: var(--bad); }
.incident-acknowledged .incident-status { color: var(--warn); } .incident-resolved .incident-status { color: var(--ok); }
footer { margin-top: 24px; font-size: 13px; }
`

/** The files' URLs as pages link them: a content hash, so a new release is never served an old file from a cache. */
const versioned = (path: string, body: string) =>
  `${path}?v=${createHash('sha256').update(body).digest('hex').slice(0, 12)}`
export const PAGE_SCRIPT_URL = versioned(PAGE_SCRIPT_PATH, PAGE_SCRIPT)
export const PAGE_STYLE_URL = versioned(PAGE_STYLE_PATH, PAGE_STYLE)
