import { mkdir } from 'node:fs/promises'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { paths } from './paths.ts'

/** Saves what the page showed to `apps/web/e2e-artifacts/<name>.png`; returns the file. */
export async function saveScreenshot(page: Page, name: string): Promise<string> {
  await mkdir(paths.artifacts, { recursive: true })
  const file = path.join(paths.artifacts, `${name.replace(/[^a-z0-9-]+/gi, '-').toLowerCase()}.png`)
  await page.screenshot({ path: file, fullPage: true })
  return file
}
