import { randomBytes } from 'node:crypto'
import { freePort } from '@mc/local-stack'
import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { connectResponseSchema, gatewayResponseSchema } from '@mc/shared'
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

// The CLI connection the pages show must outlive a slow run (the default timeout is 60 s).
const app = setupApp({ env: { HEARTBEAT_TIMEOUT_S: '86400' } })

/** What the pages show: set up once through the API, as someone using the product would have. */
const seeded = { gatewayId: 0, agentId: 0 }
let fake: FakeGateway | undefined

beforeAll(async () => {
  fake = await startFakeGateway({ token: 'every-page-token', agents: 3, sessions: 2 })
  const context = await app.browser.newContext()
  try {
    await signInByApi(context, app.stack.baseUrl, app.stack.admin)
    const call = (method: 'POST' | 'PUT', path: string, data: unknown) =>
      apiCall(context, app.stack.baseUrl, method, path, data)
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
    await call('POST', '/api/users', {
      username: 'val',
      password: randomBytes(12).toString('base64url'),
      role: 'viewer',
    })
    await call('POST', '/api/keys', { name: 'ci-deploy', role: 'operator' })
  } finally {
    await context.close()
  }
}, 60_000)

afterAll(() => fake?.stop())

interface PageCase {
  name: string
  path: () => string
  signedIn: boolean
  /** Resolves once the page shows its data, so the checks see it whole. */
  ready: (page: Page) => Promise<unknown>
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name }).waitFor()

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

/** The signed-in frame is settled too: the event stream live, the primary relayed, the fleet counted. */
function frameReady(page: Page) {
  return Promise.all([
    page.locator('[data-testid="event-stream"][data-state="live"]').waitFor(),
    page.locator('[data-testid="relay-indicator"][data-status="connected"]').waitFor(),
    page.getByTestId('fleet-status').waitFor(),
  ])
}

describe.each(VIEWPORTS)('every page at $width×$height', (viewport) => {
  it.each(PAGES)('$name: fits, works by keyboard, passes axe', async (pageCase) => {
    const { page } = app
    await page.setViewportSize({ width: viewport.width, height: viewport.height })
    if (pageCase.signedIn) await app.signIn()
    await page.goto(app.url(pageCase.path()))
    await Promise.all([pageCase.ready(page), pageCase.signedIn && frameReady(page)])

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
