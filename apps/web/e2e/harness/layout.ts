import type { Page } from 'playwright-core'

/**
 * What is wrong with the page's layout at its current size: a page wider than the window (sideways
 * scrolling), a header item or navigation link cut off at the edge, a card's control sticking out
 * of its card, or one form mixing type sizes in its fields. Empty when all is well.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const label = (element: Element) =>
      (element.getAttribute('aria-label') ?? element.textContent ?? '')
        .trim()
        .replace(/\s+/g, ' ')
        .slice(0, 40)
    const outside = (inner: DOMRect, outer: { left: number; right: number }) =>
      inner.width > 0 && (inner.left < outer.left - 0.5 || inner.right > outer.right + 0.5)

    const { scrollWidth } = document.documentElement
    if (scrollWidth > window.innerWidth) {
      problems.push(`the page is ${scrollWidth} px wide in a ${window.innerWidth} px window`)
    }
    const screen = { left: 0, right: window.innerWidth }
    for (const element of document.querySelectorAll('header > *, nav[aria-label="Main"] a')) {
      const box = element.parentElement?.getBoundingClientRect()
      const rect = element.getBoundingClientRect()
      if (outside(rect, screen) || (box && outside(rect, box)))
        problems.push(`"${label(element)}" is cut off`)
    }
    for (const card of document.querySelectorAll('article')) {
      const box = card.getBoundingClientRect()
      for (const control of card.querySelectorAll('a, button, input, select')) {
        if (outside(control.getBoundingClientRect(), box)) {
          problems.push(`"${label(control)}" sticks out of the card "${label(card)}"`)
        }
      }
    }
    for (const form of document.querySelectorAll('form, search')) {
      const fields = form.querySelectorAll(
        'input:not([type="checkbox"]):not([type="radio"]), select, textarea',
      )
      const sizes = new Set([...fields].map((field) => getComputedStyle(field).fontSize))
      if (sizes.size > 1) problems.push(`"${label(form)}" mixes field font sizes: ${[...sizes].join(', ')}`)
    }
    return problems
  })
}
