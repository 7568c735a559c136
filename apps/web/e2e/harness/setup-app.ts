import { useTestRedis } from '@mc/testing'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { apiCall } from './api-call.ts'
import { launchBrowser } from './browser.ts'
import { saveScreenshot } from './screenshot.ts'
import { type Credentials, signInByApi } from './sign-in.ts'
import { type Stack, startStack } from './stack.ts'

export interface AppContext {
  stack: Stack
  browser: Browser
  /** A fresh browser tab per test. */
  page: Page
  /** Uncaught exceptions in the page during the current test. */
  pageErrors: Error[]
  /** Absolute URL of a path on the running product. */
  url(path: string): string
  /** Signs this test's tab in (as the first admin unless told otherwise) without the login page. */
  signIn(who?: Credentials): Promise<void>
  /** The API, as whoever this test's tab is signed in as: for setting up data (`apiCall`). */
  api(method: Parameters<typeof apiCall>[2], path: string, data?: unknown): Promise<unknown>
}

/**
 * One running product and one Chromium for the calling spec file, a new tab for each test, and a
 * screenshot in `e2e-artifacts/` when a test fails. Read the fields inside tests or hooks.
 */
export function setupApp(options: { env?: Record<string, string> } = {}): AppContext {
  // Registered first so its after-hook (deleting the prefix's keys) runs after the stack stopped.
  // biome-ignore lint/correctness/useHookAtTopLevel: a vitest helper named use*, not a React hook
  const redis = useTestRedis()
  const ctx = { pageErrors: [] as Error[] } as unknown as AppContext
  let browserContext: BrowserContext | undefined

  beforeAll(async () => {
    ctx.stack = await startStack(redis.prefix, options.env)
    ctx.url = (path) => new URL(path, ctx.stack.baseUrl).toString()
    ctx.signIn = (who = ctx.stack.admin) => signInByApi(ctx.page.context(), ctx.stack.baseUrl, who)
    ctx.api = (method, path, data) => apiCall(ctx.page.context(), ctx.stack.baseUrl, method, path, data)
    ctx.browser = await launchBrowser()
  })

  beforeEach(async () => {
    browserContext = await ctx.browser.newContext({ viewport: { width: 1280, height: 800 } })
    ctx.page = await browserContext.newPage()
    ctx.pageErrors = []
    ctx.page.on('pageerror', (error) => ctx.pageErrors.push(error))
  })

  afterEach(async ({ task }) => {
    if (task.result?.state === 'fail' && ctx.page) {
      const file = await saveScreenshot(ctx.page, `${task.file.name.split('/').pop()}-${task.name}`).catch(
        (error: unknown) => `(screenshot failed: ${String(error)})`,
      )
      console.error(`screenshot of the failed test "${task.name}": ${file}`)
    }
    await browserContext?.close()
    if (task.result?.state !== 'fail' && ctx.pageErrors.length > 0) {
      throw new Error(`the page threw: ${ctx.pageErrors.map((e) => e.message).join('; ')}`)
    }
  })

  afterAll(async () => {
    await ctx.browser?.close()
    await ctx.stack?.stop()
  })

  return ctx
}
