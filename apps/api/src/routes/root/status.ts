import type { PublicStatusResponse } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import type { RouteDef } from '../../http/route.ts'
import { PAGE_SCRIPT, PAGE_SCRIPT_PATH, PAGE_STYLE, PAGE_STYLE_PATH } from '../../status-pages/page-assets.ts'
import { renderStatusPage } from '../../status-pages/page-html.ts'
import { publicStatusReader, statusCacheControl } from '../../status-pages/public-status.ts'
import { statusSlugParamsSchema } from '../status.ts'

/** Its own files only: no inline script or style, nothing from elsewhere. */
const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'"

/** Pages link the script and style with their content hash (`?v=`): a new release has new URLs. */
const ASSET_CACHE = 'public, max-age=31536000, immutable'

/** One of the page's own files, from memory. */
function assetRoute(
  path: string,
  contentType: string,
  body: string,
  summary: string,
  description: string,
): RouteDef {
  return {
    method: 'GET',
    path,
    access: 'public',
    doc: { summary, responses: { 200: { contentType, description } } },
    handler: (c) => {
      c.header('cache-control', ASSET_CACHE)
      c.header('content-type', `${contentType}; charset=utf-8`)
      return c.body(body)
    },
  }
}

/** `/status/<slug>`: a status page for people outside the team, rendered on the server. */
export function statusPageRootRoutes(deps: Pick<RouteDeps, 'db' | 'config' | 'authenticate'>): RouteDef[] {
  const read = publicStatusReader(deps)
  // The reader hands out the same figures for a second: rendered once for all who asked.
  const rendered = new WeakMap<PublicStatusResponse, string>()
  const render = (status: PublicStatusResponse) => {
    let html = rendered.get(status)
    if (html === undefined) {
      html = renderStatusPage(status)
      rendered.set(status, html)
    }
    return html
  }
  return [
    {
      method: 'GET',
      path: '/status/:slug',
      access: 'public',
      doc: {
        summary: 'A status page',
        description:
          'HTML, complete without JavaScript; its script re-reads `/api/status/<slug>` every ' +
          '`STATUS_PAGE_REFRESH_S`. A private page is a 404 to anyone not signed in, like an unknown slug.',
        params: statusSlugParamsSchema,
        responses: { 200: { contentType: 'text/html', description: 'the page' } },
        errors: [404],
      },
      handler: async (c) => {
        const { page, status } = await read(c, c.req.param('slug') ?? '')
        c.header('cache-control', statusCacheControl(page, deps.config.STATUS_PAGE_REFRESH_S))
        c.header('content-security-policy', PAGE_CSP)
        return c.html(render(status))
      },
    },
    assetRoute(
      PAGE_SCRIPT_PATH,
      'text/javascript',
      PAGE_SCRIPT,
      "Status pages' script",
      'keeps an open page current',
    ),
    assetRoute(
      PAGE_STYLE_PATH,
      'text/css',
      PAGE_STYLE,
      "Status pages' style sheet",
      'the look of a status page',
    ),
  ]
}
