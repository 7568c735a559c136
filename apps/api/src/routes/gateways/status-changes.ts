import { listStatusChanges } from '@mc/db'
import { type StatusChangesResponse, statusChangesQuerySchema } from '@mc/shared'
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
