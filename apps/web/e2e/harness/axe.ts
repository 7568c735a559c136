import { readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import type { AxeResults } from 'axe-core'
import type { Page } from 'playwright-core'

const require = createRequire(import.meta.url)
let axeSource: Promise<string> | undefined

/** One accessibility problem axe-core found, with the elements it found it on. */
export interface AxeViolation {
  rule: string
  impact: string
  help: string
  elements: string[]
}

/**
 * Runs axe-core (its WCAG 2 A/AA rules and best practices) on what the page shows now and returns
 * the violations of impact serious or critical. The source goes in through the DevTools protocol,
 * so no page policy can stop it.
 */
export async function seriousAxeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFile(require.resolve('axe-core/axe.min.js'), 'utf8')
  await page.evaluate(await axeSource)
  const results = await page.evaluate(() => {
    const axe = (window as unknown as { axe: { run(context: Document): Promise<AxeResults> } }).axe
    return axe.run(document)
  })
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => ({
      rule: violation.id,
      impact: violation.impact ?? '',
      help: violation.help,
      elements: violation.nodes.map((node) => `${node.target.join(' ')}: ${node.failureSummary ?? ''}`),
    }))
}
