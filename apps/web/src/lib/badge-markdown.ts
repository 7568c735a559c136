/** Where a status page lives, absolute: `https://mc.example.com/status/prod`. */
export const statusPageUrl = (origin: string, slug: string) => `${origin}/status/${slug}`

/** Brackets and backslashes would end a Markdown image's alt text early. */
const altText = (text: string) => text.replace(/[\\[\]]/g, (char) => `\\${char}`)

/**
 * Markdown for a README or wiki: the gateway's status badge and its 7-day uptime badge, each linking
 * to the status page. Badges are served for public pages only.
 */
export function badgeMarkdown(origin: string, slug: string, gateway: { id: number; name: string }): string {
  const page = statusPageUrl(origin, slug)
  const badge = `${origin}/badge/${slug}/${gateway.id}`
  const name = altText(gateway.name)
  return [
    `[![${name} status](${badge}/status.svg)](${page})`,
    `[![${name} uptime 7d](${badge}/uptime.svg?period=7d)](${page})`,
  ].join(' ')
}
