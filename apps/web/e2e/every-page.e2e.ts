import { randomBytes } from 'node:crypto'
import { freePort } from '@mc/local-stack'
import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import {
  alertChannelResponseSchema,
  alertDeliveriesResponseSchema,
  connectResponseSchema,
  gatewayResponseSchema,
  incidentsResponseSchema,
} from '@mc/shared'
import { eventually } from '@mc/testing'
import { type HttpRecorder, startHttpRecorder } from '@mc/testing/http-recorder'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { apiCall } from './harness/api-call.ts'
import { seriousAxeViolations } from './harness/axe.ts'
import { tabThroughPage } from './harness/keyboard.ts'
import { layoutProblems } from './harness/layout.ts'
import { saveScreenshot } from './harness/screenshot.ts'
import { setupApp } from './harness/setup-app.ts'
import { signInByApi } from './harness/sign-in.ts'
import { VIEWPORTS } from './harness/viewports.ts'

// The CLI connection the pages show must outlive a slow run (the default timeout is 60 s); the
// incident's notification goes out without the grouping wait.
const app = setupApp({ env: { HEARTBEAT_TIMEOUT_S: '86400', ALERT_GROUP_WAIT_S: '0' } })

/** What the pages show: set up once through the API, as someone using the product would have. */
const seeded = { gatewayId: 0, agentId: 0, incidentId: 0, viewer: { username: 'val', password: '' } }
let fake: FakeGateway | undefined
/** The alert channel's receiver, on loopback. */
let receiver: HttpRecorder | undefined

beforeAll(async () => {
  fake = await startFakeGateway({ token: 'every-page-token', agents: 3, sessions: 2 })
  receiver = await startHttpRecorder()
  seeded.viewer.password = randomBytes(12).toString('base64url')
  const context = await app.browser.newContext()
  try {
    await signInByApi(context, app.stack.baseUrl, app.stack.admin)
    const call = (method: 'GET' | 'POST' | 'PUT', path: string, data?: unknown) =>
      apiCall(context, app.stack.baseUrl, method, path, data)
    // Alerting first, so Staging's failed probe below opens an incident and notifies the channel.
    const channel = alertChannelResponseSchema.parse(
      await call('POST', '/api/alerts/channels', {
        name: 'Team webhook',
        type: 'webhook',
        config: { url: receiver.url('/hook') },
      }),
    ).channel
    await call('POST', '/api/alerts/rules', {
      name: 'Gateway down',
      kind: 'gateway_down',
      params: { after_failures: 1 },
      channel_ids: [channel.id],
    })
    const production = gatewayResponseSchema.parse(
      await call('POST', '/api/gateways', {
        name: 'Production',
        host: '127.0.0.1',
        port: fake.port,
        token: 'every-page-token',
        is_primary: true,
      }),
    ).gateway
    seeded.gatewayId = production.id
    // Nothing listens there: offline after its probe.
    await call('POST', '/api/gateways', {
      name: 'Staging',
      host: '127.0.0.1',
      port: await freePort(),
      token: 'staging-token',
    })
    await call('POST', '/api/gateways/health', {})
    const connection = connectResponseSchema.parse(
      await call('POST', '/api/connect', {
        agent_name: 'codex-session-01',
        tool_name: 'codex',
        tool_version: '2.1.0',
        metadata: { workspace: '/home/user/project' },
      }),
    )
    seeded.agentId = connection.agent_id
    await call('POST', `/api/agents/${connection.agent_id}/heartbeat`, {
      connection_id: connection.connection_id,
      tokens: { input: 1200, output: 340, model: 'gpt-5-codex' },
    })
    await call('POST', '/api/users', { ...seeded.viewer, role: 'viewer' })
    await call('POST', '/api/keys', { name: 'ci-deploy', role: 'operator' })
    await call('POST', '/api/status-pages', {
      slug: 'production',
      title: 'Production status',
      gateway_ids: [production.id],
      public: true,
    })
    const inAnHour = Math.floor(Date.now() / 1000) + 3600
    await call('POST', '/api/maintenance', {
      gateway_ids: [production.id],
      starts_at: inAnHour,
      ends_at: inAnHour + 7200,
      reason: 'Gateway upgrade',
    })
    // Staging's first failed probe opens its incident, and the rule sends it to the channel.
    seeded.incidentId = await eventually(
      async () => {
        const { incidents } = incidentsResponseSchema.parse(await call('GET', '/api/incidents?status=open'))
        const staging = incidents.find((incident) => incident.subject_name === 'Staging')
        if (!staging) throw new Error('no open incident for Staging yet')
        return staging.id
      },
      { timeout: 60_000, interval: 500 },
    )
    await eventually(
      async () => {
        const { deliveries } = alertDeliveriesResponseSchema.parse(
          await call('GET', '/api/alerts/deliveries'),
        )
        expect(deliveries.some((delivery) => delivery.incident_ids.includes(seeded.incidentId))).toBe(true)
      },
      { timeout: 60_000, interval: 500 },
    )
  } finally {
    await context.close()
  }
}, 180_000)

afterAll(async () => {
  await fake?.stop()
  await receiver?.close()
})

interface PageCase {
  name: string
  path: () => string
  signedIn: boolean
  /** Looked at by the seeded viewer rather than the first admin. */
  asViewer?: true
  /** Resolves once the page shows its data, so the checks see it whole. */
  ready: (page: Page) => Promise<unknown>
  /** What this role must (not) be offered, checked once the page is ready. */
  shows?: (page: Page) => Promise<void>
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor()
/** Staging is offline, so the seeded rule has an open incident about it. */
const stagingIncident = (page: Page) => page.locator('article[data-subject="Staging"][data-status="open"]')
/** Acknowledge and Resolve: an operator's, not a viewer's. */
const incidentActions = (page: Page) => page.getByRole('button', { name: /^(Acknowledge|Resolve)$/ })

const PAGES: PageCase[] = [
  {
    name: 'overview',
    path: () => '/',
    signedIn: true,
    ready: (page) =>
      Promise.all([
        page.locator('[data-testid="recent-flips"]').waitFor(),
        page.locator('[data-testid="status-chart"] .recharts-surface').waitFor(),
      ]),
  },
  {
    name: 'gateways',
    path: () => '/gateways',
    signedIn: true,
    ready: (page) => page.locator('article[data-gateway="Production"][data-relay="connected"]').waitFor(),
  },
  {
    name: 'gateway',
    path: () => `/gateways/${seeded.gatewayId}`,
    signedIn: true,
    ready: (page) =>
      Promise.all([
        page.locator('[data-testid="latency-chart"] .recharts-surface').waitFor(),
        page.getByTestId('probe-count').waitFor(),
        // Sections that load on their own: walked by keyboard before they settle, a control could
        // be replaced under the focus.
        page.getByTestId('timeline-count').or(page.getByText('No events yet')).waitFor(),
        page.getByTestId('auth-failures-total').waitFor(),
      ]),
  },
  {
    name: 'connections',
    path: () => '/connections',
    signedIn: true,
    ready: (page) => page.locator('article[data-connection]').waitFor(),
  },
  {
    name: 'agents',
    path: () => '/agents',
    signedIn: true,
    ready: (page) => page.getByRole('link', { name: 'codex-session-01' }).waitFor(),
  },
  {
    name: 'agent',
    path: () => `/agents/${seeded.agentId}`,
    signedIn: true,
    ready: (page) => heading(page, 'codex-session-01'),
  },
  {
    // Listed once the workers watch Production's fake sessions; empty until then.
    name: 'sessions',
    path: () => '/sessions',
    signedIn: true,
    ready: (page) =>
      page
        .getByTestId('sessions-count')
        .or(page.getByRole('heading', { name: 'No sessions yet' }))
        .waitFor(),
  },
  {
    // Tool calls of Production's fake sessions, if its agents ran any yet; empty until then.
    name: 'tools',
    path: () => '/tools',
    signedIn: true,
    ready: (page) =>
      page
        .getByRole('table', { name: 'Tools' })
        .or(page.getByRole('heading', { name: 'No tool calls in this window' }))
        .waitFor(),
  },
  {
    // A viewer reads the prices but is offered no edit.
    name: 'usage-viewer',
    path: () => '/usage',
    signedIn: true,
    asViewer: true,
    ready: (page) => page.locator('tr[data-model="gpt-4o"]').waitFor(),
    shows: async (page) => {
      expect(await page.getByRole('button', { name: /^(Edit|Delete|Add price)$/ }).count()).toBe(0)
    },
  },
  {
    name: 'usage',
    path: () => '/usage',
    signedIn: true,
    ready: (page) => page.locator('tr[data-model="gpt-4o"]').getByRole('button', { name: 'Edit' }).waitFor(),
  },
  {
    name: 'incidents',
    path: () => '/incidents',
    signedIn: true,
    ready: (page) => stagingIncident(page).waitFor(),
    shows: async (page) => {
      expect(await stagingIncident(page).getByRole('button', { name: 'Acknowledge' }).isVisible()).toBe(true)
    },
  },
  {
    name: 'incidents-viewer',
    path: () => '/incidents',
    signedIn: true,
    asViewer: true,
    ready: (page) => stagingIncident(page).waitFor(),
    shows: async (page) => expect(await incidentActions(page).count()).toBe(0),
  },
  {
    name: 'incident',
    path: () => `/incidents/${seeded.incidentId}`,
    signedIn: true,
    ready: (page) =>
      Promise.all([
        heading(page, 'Gateway down: Staging'),
        page.locator('[data-testid="incident-timeline"] li[data-entry="opened"]').waitFor(),
      ]),
    shows: async (page) => {
      expect(await page.getByRole('button', { name: 'Acknowledge' }).isVisible()).toBe(true)
    },
  },
  {
    name: 'incident-viewer',
    path: () => `/incidents/${seeded.incidentId}`,
    signedIn: true,
    asViewer: true,
    ready: (page) =>
      Promise.all([
        heading(page, 'Gateway down: Staging'),
        page.locator('[data-testid="incident-timeline"] li[data-entry="opened"]').waitFor(),
      ]),
    shows: async (page) => expect(await incidentActions(page).count()).toBe(0),
  },
  {
    name: 'alerts-channels',
    path: () => '/alerts/channels',
    signedIn: true,
    ready: (page) => page.locator('tr[data-channel="Team webhook"]').waitFor(),
  },
  {
    name: 'alerts-rules',
    path: () => '/alerts/rules',
    signedIn: true,
    ready: (page) => page.locator('tr[data-rule="Gateway down"]').waitFor(),
  },
  {
    name: 'alerts-maintenance',
    path: () => '/alerts/maintenance',
    signedIn: true,
    ready: (page) => page.locator('tr[data-window][data-phase="upcoming"]').waitFor(),
  },
  {
    name: 'alerts-deliveries',
    path: () => '/alerts/deliveries',
    signedIn: true,
    ready: (page) => page.locator('tr[data-delivery][data-ok="true"]').first().waitFor(),
    shows: async (page) => {
      const link = page
        .locator('tr[data-delivery]')
        .getByRole('link', { name: `#${seeded.incidentId}` })
        .first()
      expect(await link.getAttribute('href')).toBe(`/incidents/${seeded.incidentId}`)
    },
  },
  {
    // A viewer's /alerts is the maintenance list, the one section a viewer may open.
    name: 'alerts-viewer',
    path: () => '/alerts',
    signedIn: true,
    asViewer: true,
    ready: (page) => page.locator('tr[data-window][data-phase="upcoming"]').waitFor(),
    shows: async (page) => {
      expect(new URL(page.url()).pathname).toBe('/alerts/maintenance')
      const tabs = page.getByRole('navigation', { name: 'Alerts' }).getByRole('link')
      expect((await tabs.allTextContents()).map((text) => text.trim())).toEqual(['Maintenance'])
    },
  },
  {
    name: 'settings-system',
    path: () => '/settings/system',
    signedIn: true,
    ready: (page) => page.locator('li[data-check="worker"][data-ok="true"]').waitFor(),
  },
  {
    name: 'settings-users',
    path: () => '/settings/users',
    signedIn: true,
    ready: (page) => page.locator('tr[data-user="val"]').waitFor(),
  },
  {
    name: 'settings-api-keys',
    path: () => '/settings/api-keys',
    signedIn: true,
    ready: (page) => page.getByRole('cell', { name: 'ci-deploy' }).waitFor(),
  },
  {
    name: 'settings-status-pages',
    path: () => '/settings/status-pages',
    signedIn: true,
    ready: (page) => page.locator('tr[data-status-page="production"]').waitFor(),
  },
  {
    name: 'settings-audit',
    path: () => '/settings/audit',
    signedIn: true,
    ready: (page) => page.getByTestId('audit-count').waitFor(),
  },
  {
    name: 'login',
    path: () => '/login',
    signedIn: false,
    ready: (page) => page.locator('[data-testid="system-status"][data-tone="ok"]').waitFor(),
  },
  {
    name: 'not-found',
    path: () => '/no/such/page',
    signedIn: true,
    ready: (page) => heading(page, 'Page not found'),
  },
]

/**
 * The signed-in frame is settled too: the event stream live, the fleet counted, and (for operators
 * and admins: a viewer cannot open relays) the primary relayed.
 */
function frameReady(page: Page, relayed: boolean) {
  return Promise.all([
    page.locator('[data-testid="event-stream"][data-state="live"]').waitFor(),
    relayed && page.locator('[data-testid="relay-indicator"][data-status="connected"]').waitFor(),
    page.getByTestId('fleet-status').waitFor(),
  ])
}

describe.each(VIEWPORTS)('every page at $width×$height', (viewport) => {
  it.each(PAGES)('$name: fits, works by keyboard, passes axe', async (pageCase) => {
    const { page } = app
    await page.setViewportSize({ width: viewport.width, height: viewport.height })
    if (pageCase.signedIn) await app.signIn(pageCase.asViewer ? seeded.viewer : undefined)
    await page.goto(app.url(pageCase.path()))
    await Promise.all([pageCase.ready(page), pageCase.signedIn && frameReady(page, !pageCase.asViewer)])
    await pageCase.shows?.(page)

    // For a person to look at (git-ignored): every page at both sizes.
    await saveScreenshot(page, `page-${pageCase.name}-${viewport.width}`)
    expect(await layoutProblems(page)).toEqual([])

    const keyboard = await tabThroughPage(page)
    expect(keyboard.controls).toBeGreaterThan(0)
    expect(keyboard.unreached).toEqual([])
    expect(keyboard.withoutFocusStyle).toEqual([])

    expect(await seriousAxeViolations(page)).toEqual([])
  })
})
