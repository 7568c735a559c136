import { readFile } from 'node:fs/promises'
import { Scrape } from '@mc/testing/prometheus-text'
import { describe, expect, it } from 'vitest'
import { useTestApp } from '../testing/test-app.ts'

const METRICS_TOKEN = 'docs-test-token-0123456789'
const t = useTestApp({ METRICS_TOKEN })
const docs = (file: string) => readFile(new URL(`../../../../docs/${file}`, import.meta.url), 'utf8')
/** `mc_…` series names in `text`, histogram suffixes dropped. */
const seriesNames = (text: string) =>
  new Set([...text.matchAll(/\bmc_[a-z_]+/g)].map(([name]) => name.replace(/_(bucket|sum|count)$/, '')))

describe('docs/metrics.md and the Grafana dashboard', () => {
  it('document every series the api serves, and the dashboard uses documented series only', async () => {
    const res = await t.app.request('/metrics', { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
    const served = new Scrape(await res.text()).families.map((f) => f.name).filter((n) => n.startsWith('mc_'))
    const documented = seriesNames(await docs('metrics.md'))
    expect(served.filter((name) => !documented.has(name))).toEqual([])

    const dashboard = JSON.parse(await docs('grafana-dashboard.json')) as {
      panels: { targets?: { expr: string }[] }[]
    }
    const used = seriesNames(
      dashboard.panels.flatMap((p) => (p.targets ?? []).map((target) => target.expr)).join('\n'),
    )
    expect([...used].filter((name) => !documented.has(name))).toEqual([])
    // Every documented series of the api is on the dashboard.
    expect(served.filter((name) => !used.has(name))).toEqual([])
  })
})
