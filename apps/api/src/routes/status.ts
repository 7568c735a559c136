import { publicStatusResponseSchema } from '@mc/shared'
import { z } from 'zod'
import type { RouteDeps } from '../app-deps.ts'
import type { RouteDef } from '../http/route.ts'
import { publicStatusReader, statusCacheControl } from '../status-pages/public-status.ts'

export const statusSlugParamsSchema = z.object({ slug: z.string() })

/** A status page's figures as JSON: what `/status/:slug` shows, and what keeps it current. */
export function statusRoutes(deps: Pick<RouteDeps, 'db' | 'config' | 'authenticate'>): RouteDef[] {
  const read = publicStatusReader(deps)
  return [
    {
      method: 'GET',
      path: '/status/:slug',
      access: 'public',
      doc: {
        summary: 'A status page as JSON',
        description:
          'Anyone may read a public page; a private one only a signed-in caller (or one with an API ' +
          'key): to anyone else it is a 404, like an unknown slug. Never a host, port or token; the ' +
          "gateways' last errors only when the page has `show_errors`.",
        params: statusSlugParamsSchema,
        responses: { 200: publicStatusResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const { page, status } = await read(c, c.req.param('slug') ?? '')
        c.header('cache-control', statusCacheControl(page, deps.config.STATUS_PAGE_REFRESH_S))
        return c.json(status)
      },
    },
  ]
}
