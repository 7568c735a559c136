import type { Page } from 'playwright-core'

/** What a person can operate: links, buttons, form fields and anything placed in the tab order. */
const CONTROLS =
  'a[href], button, input:not([type="hidden"]), select, textarea, summary, [tabindex]:not([tabindex="-1"])'

export interface KeyboardReport {
  /** How many visible, enabled controls the page has. */
  controls: number
  /** Those that Tab never reached. */
  unreached: string[]
  /** Those that Tab reached without a visible focus indicator (outline or ring). */
  withoutFocusStyle: string[]
}

/**
 * Presses Tab through the whole page, as a keyboard user does, and reports the visible, enabled
 * controls it never reached and those it reached without showing where the focus is.
 */
export async function tabThroughPage(page: Page): Promise<KeyboardReport> {
  const names = await page.evaluate((selector) => {
    const describe = (element: HTMLElement) => {
      const text = element.getAttribute('aria-label') ?? element.textContent ?? ''
      const name = text.trim().replace(/\s+/g, ' ').slice(0, 40)
      const type = element instanceof HTMLInputElement ? `[${element.type}]` : ''
      return `${element.tagName.toLowerCase()}${type} "${name || element.getAttribute('name') || '?'}"`
    }
    const found: string[] = []
    for (const element of document.querySelectorAll<HTMLElement>(selector)) {
      const disabled = (element as HTMLButtonElement).disabled === true || element.closest('[inert]') !== null
      if (disabled || !element.checkVisibility({ visibilityProperty: true })) continue
      element.dataset.kb = String(found.length)
      found.push(describe(element))
    }
    return found
  }, CONTROLS)

  const reached = new Set<number>()
  const withoutFocusStyle = new Set<string>()
  // Two rounds of the page at most: Tab leaves the page after the last control and comes back.
  for (let press = 0; press < names.length * 2 + 10 && reached.size < names.length; press++) {
    await page.keyboard.press('Tab')
    const focused = await page.evaluate(() => {
      const element = document.activeElement
      if (!(element instanceof HTMLElement || element instanceof SVGElement) || element === document.body) {
        return null
      }
      const style = getComputedStyle(element)
      const outline = style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) > 0
      const ring = style.boxShadow !== 'none'
      return {
        index: element.dataset.kb === undefined ? null : Number(element.dataset.kb),
        shown: element.matches(':focus-visible') && (outline || ring),
      }
    })
    if (focused?.index == null) continue
    reached.add(focused.index)
    if (!focused.shown) withoutFocusStyle.add(names[focused.index] ?? '?')
  }
  return {
    controls: names.length,
    unreached: names.filter((_, index) => !reached.has(index)),
    withoutFocusStyle: [...withoutFocusStyle],
  }
}
