import type { PublicStatusResponse } from '@mc/shared'
import { expect, it } from 'vitest'
import { PAGE_SCRIPT } from './page-assets.ts'
import { renderStatusMain } from './status-view.ts'

const status: PublicStatusResponse = {
  slug: 'acme',
  title: 'Acme <b>',
  description: 'a & b',
  overall: 'degraded',
  gateways: [
    {
      id: 1,
      name: 'eu "one"',
      status: 'timeout',
      last_probe_at: 1_800_000_000,
      uptime_90d: 99.5,
      days: [
        { date: '2026-11-29', uptime: null },
        { date: '2026-11-30', uptime: 42 },
      ],
      last_error: '<script>alert(1)</script>',
    },
  ],
  incidents: [
    {
      id: 9,
      gateway_id: 1,
      gateway_name: 'eu "one"',
      title: 'Gateway offline',
      severity: 'critical',
      status: 'resolved',
      opened_at: 1_800_000_000,
      resolved_at: 1_800_003_600,
    },
  ],
  generated_at: 1_800_007_200,
  refresh_s: 30,
}

it('escapes everything it shows', () => {
  const html = renderStatusMain(status)
  expect(html).not.toContain('<script>')
  expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;')
  expect(html).toContain('Acme &lt;b&gt;')
  expect(html).toContain('eu &quot;one&quot;')
  expect(html).toContain('<i class="b-none" title="2026-11-29: no data"></i>')
  expect(html).toContain('<i class="b-bad" title="2026-11-30: 42.00 %"></i>')
  expect(html).toContain('2027-01-15 08:00 UTC – 2027-01-15 09:00 UTC')
  expect(html).toContain('99.50 % uptime over the last 2 days')
  expect(html).toContain('Some systems are down')
})

it("renders the same in the page's script as on the server: the renderer is self-contained", () => {
  const copy = new Function(`return (${renderStatusMain.toString()})`)()
  expect(copy(status)).toBe(renderStatusMain(status))
  expect(PAGE_SCRIPT).toContain(renderStatusMain.toString())
})
