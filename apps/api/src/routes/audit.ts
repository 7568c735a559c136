import { listAudit } from '@mc/db'
import { auditQuerySchema, auditResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { keysetListRoute } from '../http/keyset-list-route.ts'
import type { RouteDef } from '../http/route.ts'
import { presentAuditEntry } from '../presenters/audit.ts'
import { dateFromUnix } from '../presenters/time.ts'

export function auditRoutes({ db }: Pick<RouteDeps, 'db'>): RouteDef[] {
  return [
    keysetListRoute({
      path: '/audit',
      access: 'admin',
      query: auditQuerySchema,
      key: 'entries',
      response: auditResponseSchema,
      doc: {
        summary: 'List the audit log',
        description:
          'Who changed what, and every sign-in, newest first, by action, actor or time; pass ' +
          '`next_before` back as `before` for older entries.',
      },
      list: (query) =>
        listAudit(db, {
          limit: query.limit,
          before: query.before,
          action: query.action,
          actor: query.actor,
          since: dateFromUnix(query.since),
          until: dateFromUnix(query.until),
        }),
      present: presentAuditEntry,
    }),
  ]
}
