// npm run bench: the Gateways page with 1,000 gateways in headless Chromium against the built api.
// Measures how long the page takes to show the list once `GET /api/gateways` has arrived, and how
// the page holds up while 1,000 `gateway.status` events (every gateway flipping) arrive at once:
// the longest main-thread stall, how long until every flip shows, and how fast typing answers.
import { spawn } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { databaseStem, ensureTestServices, freePort, redisPrefixStem } from '@mc/local-stack'
import { createRedis, publishEvent } from '@mc/runtime'
import { type Gateway, gatewayStatusEvent } from '@mc/shared'
import { benchScale } from '@mc/testing/bench-runs'
import { createScratchDatabase } from '@mc/testing/scratch-database'
import { launchBrowser } from '../e2e/harness/browser.ts'
import { assertBuilt, paths } from '../e2e/harness/paths.ts'

const GATEWAYS = benchScale(1000, 100)
const RENDER_TARGET_MS = 1500
const STALL_TARGET_MS = 200

// Runs in the page before the app: records when the Gateway Manager first shows its cards and the
// whole fleet's count, and the longest gap between animation frames (a frozen page has long gaps).
const PAGE_PROBE = `
  window.__bench = { cardsAt: null, maxGap: 0, last: performance.now(), watching: false };
  const frame = (now) => {
    const b = window.__bench;
    if (b.watching) b.maxGap = Math.max(b.maxGap, now - b.last);
    b.last = now;
    if (b.cardsAt === null && document.querySelectorAll('article[data-gateway]').length >= 50) b.cardsAt = now;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
`

async function main() {
  assertBuilt()
  const services = await ensureTestServices()
  const scratch = await createScratchDatabase(services.postgresAdminUrl, databaseStem(services.runId))
  const port = await freePort()
  // Named for the run: `services.stop()` removes its keys, even after a failure.
  const prefix = `${redisPrefixStem(services.runId)}-web`
  const admin = { username: 'admin', password: randomBytes(18).toString('base64url') }
  const baseUrl = `http://127.0.0.1:${port}`
  const api = spawn(process.execPath, [paths.apiMain], {
    env: {
      ...process.env,
      DATABASE_URL: scratch.url,
      REDIS_URL: services.redisUrl,
      REDIS_PREFIX: prefix,
      MC_SECRET_KEY: randomBytes(32).toString('base64'),
      MC_ADMIN_PASSWORD: admin.password,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  })
  const redis = createRedis(services.redisUrl)
  const browser = await launchBrowser()
  try {
    for (;;) {
      const ok = await fetch(`${baseUrl}/api/health`).then(
        (r) => r.ok,
        () => false,
      )
      if (ok) break
      await new Promise((r) => setTimeout(r, 100))
    }
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } })
    const login = await context.request.post(`${baseUrl}/api/auth/login`, {
      data: admin,
      headers: { origin: baseUrl },
    })
    if (!login.ok()) throw new Error(`sign-in failed: ${login.status()}`)
    for (let i = 0; i < GATEWAYS; i += 25) {
      await Promise.all(
        Array.from({ length: Math.min(25, GATEWAYS - i) }, (_, j) =>
          context.request.post(`${baseUrl}/api/gateways`, {
            data: {
              name: `bench-gw-${String(i + j).padStart(4, '0')}`,
              host: `10.1.${(i + j) >> 8}.${(i + j) & 255}`,
            },
            headers: { origin: baseUrl },
          }),
        ),
      )
    }

    const page = await context.newPage()
    await page.addInitScript(PAGE_PROBE)
    await page.goto(`${baseUrl}/gateways`)
    await page.locator('[data-testid="event-stream"][data-state="live"]').waitFor({ timeout: 30_000 })
    await page.waitForFunction(
      () => (window as unknown as { __bench: { cardsAt: number | null } }).__bench.cardsAt,
    )
    const renderMs = await page.evaluate(() => {
      const list = performance
        .getEntriesByType('resource')
        .find((entry) => new URL(entry.name).pathname === '/api/gateways') as PerformanceResourceTiming
      const bench = (window as unknown as { __bench: { cardsAt: number } }).__bench
      return bench.cardsAt - list.responseEnd
    })

    // The burst: every gateway flips to offline, published as fast as Redis takes them.
    const { gateways } = (await (await context.request.get(`${baseUrl}/api/gateways`)).json()) as {
      gateways: Gateway[]
    }
    await page.evaluate(() => {
      const bench = (window as unknown as { __bench: { watching: boolean; maxGap: number; last: number } })
        .__bench
      bench.maxGap = 0
      bench.last = performance.now()
      bench.watching = true
    })
    const burstStarted = performance.now()
    const at = Math.floor(Date.now() / 1000)
    await Promise.all(
      gateways.map((g) =>
        publishEvent(
          redis,
          prefix,
          gatewayStatusEvent(
            { ...g, status: 'offline', last_error: 'connection refused', last_probe_at: at },
            g.status,
          ),
        ),
      ),
    )
    // Typing during the burst: how long until the search box shows the keystroke.
    const search = page.getByRole('searchbox', { name: 'Search gateways' })
    const typed = performance.now()
    await search.pressSequentially('bench', { delay: 0 })
    await page.waitForFunction(
      () =>
        (document.querySelector('input[aria-label="Search gateways"]') as HTMLInputElement | null)?.value ===
        'bench',
    )
    const typingMs = performance.now() - typed
    await search.fill('')
    await page.waitForFunction(
      (count) => document.querySelectorAll('article[data-gateway][data-status="offline"]').length >= count,
      50,
      { timeout: 30_000 },
    )
    const appliedMs = performance.now() - burstStarted
    const maxGap = await page.evaluate(() => {
      const bench = (window as unknown as { __bench: { watching: boolean; maxGap: number } }).__bench
      bench.watching = false
      return bench.maxGap
    })

    const verdict = (ok: boolean) => (ok ? 'ok' : 'MISSED')
    console.table([
      {
        measure: `Gateways page render after data arrives (${GATEWAYS} gateways)`,
        value: `${renderMs.toFixed(0)} ms`,
        target: `< ${RENDER_TARGET_MS} ms`,
        result: verdict(renderMs < RENDER_TARGET_MS),
      },
      {
        measure: `longest main-thread stall during ${GATEWAYS} status events`,
        value: `${maxGap.toFixed(0)} ms`,
        target: `≤ ${STALL_TARGET_MS} ms`,
        result: verdict(maxGap <= STALL_TARGET_MS),
      },
      {
        measure: 'all flips shown after the burst began',
        value: `${appliedMs.toFixed(0)} ms`,
        target: '—',
        result: '',
      },
      {
        measure: 'typing 5 characters during the burst',
        value: `${typingMs.toFixed(0)} ms`,
        target: '—',
        result: '',
      },
    ])
  } finally {
    await browser.close()
    redis.disconnect()
    api.kill('SIGTERM')
    await new Promise((resolve) => api.once('exit', resolve))
    await scratch.drop()
    await services.stop()
  }
}

await main()
