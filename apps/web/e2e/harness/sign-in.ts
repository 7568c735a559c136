import type { BrowserContext, Page } from 'playwright-core'

export interface Credentials {
  username: string
  password: string
}

/**
 * Signs the browser context in without the login page: `POST /api/auth/login` through the context's
 * own request API, so the sign-in cookie lands in the context as if the page had signed in.
 */
export async function signInByApi(context: BrowserContext, baseUrl: string, who: Credentials): Promise<void> {
  const res = await context.request.post(new URL('/api/auth/login', baseUrl).toString(), {
    data: who,
    headers: { origin: baseUrl },
  })
  if (!res.ok())
    throw new Error(`signing in as ${who.username} failed: HTTP ${res.status()} ${await res.text()}`)
}

/** Signs in as a person does, on the login page the tab is showing (or is sent to). */
export async function signInWithForm(page: Page, who: Credentials): Promise<void> {
  await page.waitForURL((url) => url.pathname === '/login')
  const form = page.getByRole('form', { name: 'Sign in' })
  await form.getByLabel('Username').fill(who.username)
  await form.getByLabel('Password').fill(who.password)
  await form.getByRole('button', { name: 'Sign in' }).click()
  await page.waitForURL((url) => url.pathname !== '/login')
}
