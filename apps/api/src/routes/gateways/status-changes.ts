import { listStatusChanges } from '@mc/db'
import { type StatusChangesResponse, statusChangesQuerySchema, statusChangesResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import type { RouteDef } from '../../http/route.ts'
import { parseQuery } from '../../http/validation.ts'
import { presentStatusChange } from '../../presenters/status-changes.ts'

/** The log of gateway status flips, newest first. */
export function statusChangeRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/gateways/status-changes',
      access: 'viewer',
      doc: {
        summary: 'List gateway status changes',
        description:
          'Every status flip of every gateway, newest first; pass `next_before` back as `before` ' +
          'for older ones.',
        query: statusChangesQuerySchema,
        responses: { 200: statusChangesResponseSchema },
      },
      handler: async (c) => {
        const query = parseQuery(c, statusChangesQuerySchema)
        const page = await listStatusChanges(db, { before: query.before, limit: query.limit })
        const body: StatusChangesResponse = {
          changes: page.rows.map(presentStatusChange),
          next_before: page.nextBefore,
        }
        return c.json(body)
      },
    },
  ]
}
