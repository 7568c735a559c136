import { findPrimaryGateway, presentGateway } from '@mc/db'
import { gatewayUrl, type PrimaryGatewayResponse, primaryGatewayResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'

/** For tools and scripts that must follow the primary through failovers: where it is, never its token. */
export function primaryGatewayRoutes({ db, config }: Pick<RouteDeps, 'db' | 'config'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/gateways/primary',
      access: 'viewer',
      doc: {
        summary: 'Get the primary gateway',
        description:
          'For tools and scripts that must follow the primary through failovers: the gateway and ' +
          'its WebSocket URL, never its token. 404 while no gateway is primary.',
        responses: { 200: primaryGatewayResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const row = await findPrimaryGateway(db)
        if (!row)
          throw new HttpError(
            404,
            'no gateway is primary: make one primary with PUT /api/gateways { "id": …, "is_primary": true }',
          )
        const body: PrimaryGatewayResponse = {
          gateway: presentGateway(row, config.TOKEN_MAX_AGE_DAYS),
          ws_url: gatewayUrl(row.host, row.port),
        }
        return c.json(body)
      },
    },
  ]
}
