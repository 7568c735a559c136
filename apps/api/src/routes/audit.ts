import { listAudit } from '@mc/db'
import { type AuditResponse, auditQuerySchema } from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import type { RouteDef } from '../http/route.ts'
import { parseQuery } from '../http/validation.ts'
import { presentAuditEntry } from '../presenters/audit.ts'
import { dateFromUnix } from '../presenters/time.ts'

export function auditRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    {
      method: 'GET',
      path: '/audit',
      access: 'admin',
      handler: async (c) => {
        const query = parseQuery(c, auditQuerySchema)
        const page = await listAudit(db, {
          limit: query.limit,
          before: query.before,
          action: query.action,
          actor: query.actor,
          since: dateFromUnix(query.since),
          until: dateFromUnix(query.until),
        })
        const body: AuditResponse = {
          entries: page.rows.map(presentAuditEntry),
          next_before: page.nextBefore,
        }
        return c.json(body)
      },
    },
  ]
}
