import { findPublicStatusPageGateway, gatewayUptime } from '@mc/db'
import { badgeQuerySchema } from '@mc/shared'
import type { Context } from 'hono'
import { z } from 'zod'
import type { RouteDeps } from '../../app-deps.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { idFromText, parseQuery } from '../../http/validation.ts'
import { badgeResponse, statusBadge, uptimeBadge } from '../../status-pages/badges.ts'

const badgeParamsSchema = z.object({ slug: z.string(), gateway_id: z.string() })
const svg = (description: string) => ({
  200: { contentType: 'image/svg+xml', description },
  304: {
    contentType: 'image/svg+xml',
    description: 'no body: the badge of `If-None-Match` (its ETag) is current',
  },
})

/** A status changes any moment: caches keep it briefly. Uptime moves slowly. */
const STATUS_MAX_AGE_S = 30
const UPTIME_MAX_AGE_S = 60

const UPTIME_FIELD = { '24h': 'uptime24h', '7d': 'uptime7d', '30d': 'uptime30d' } as const

/**
 * Shields-style badges of the gateways on public status pages, for READMEs and wikis. Anything not
 * on a public page is a 404 (the API's JSON error: an `<img>` shows it broken, revealing nothing).
 */
export function badgeRootRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  const listedGateway = async (c: Context) => {
    const slug = c.req.param('slug') ?? ''
    const gatewayId = idFromText(c.req.param('gateway_id') ?? '', 'gateway_id')
    const gateway = await findPublicStatusPageGateway(db, slug, gatewayId)
    if (!gateway)
      throw new HttpError(404, `gateway ${gatewayId} is not on a public status page "${slug.slice(0, 64)}"`)
    return gateway
  }
  return [
    {
      method: 'GET',
      path: '/badge/:slug/:gateway_id/status.svg',
      access: 'public',
      doc: {
        summary: "A gateway's status badge",
        description: 'For a gateway listed on a public status page: its name and current status.',
        params: badgeParamsSchema,
        responses: svg('online (green), offline or error (red), timeout (orange), unknown (grey)'),
        errors: [404],
      },
      handler: async (c) => {
        const gateway = await listedGateway(c)
        return badgeResponse(c, statusBadge(gateway.name, gateway.status), STATUS_MAX_AGE_S)
      },
    },
    {
      method: 'GET',
      path: '/badge/:slug/:gateway_id/uptime.svg',
      access: 'public',
      doc: {
        summary: "A gateway's uptime badge",
        description:
          'For a gateway listed on a public status page: its share of online probes over `period` ' +
          '(24h, 7d or 30d; default 24h).',
        params: badgeParamsSchema,
        query: badgeQuerySchema,
        responses: svg('green from 99 %, yellow from 95 %, orange from 90 %, red below, grey without probes'),
        errors: [404],
      },
      handler: async (c) => {
        const { period } = parseQuery(c, badgeQuerySchema)
        const gateway = await listedGateway(c)
        const uptime = await gatewayUptime(db, gateway.id)
        return badgeResponse(c, uptimeBadge(period, uptime[UPTIME_FIELD[period]]), UPTIME_MAX_AGE_S)
      },
    },
  ]
}
