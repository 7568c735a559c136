import { presentIncident } from '@mc/alerting'
import { type IncidentRow, IncidentTransitionError } from '@mc/db'
import { type Incident, nowUnixSeconds } from '@mc/shared'
import type { Context } from 'hono'
import type { RouteDeps } from '../app-deps.ts'
import { requestAudit } from '../audit/request-audit.ts'
import { actorName } from '../auth/actor.ts'
import type { AppEnv } from '../http/app-env.ts'
import { HttpError } from '../http/http-error.ts'
import { parseId } from '../http/validation.ts'

/** Acknowledging or resolving an incident by hand, as the routes of both do it. */
export interface IncidentChange {
  /** The audit action, e.g. `incident.acknowledge`. */
  action: string
  event: 'incident.updated' | 'incident.resolved'
  /** Makes the change in the database as `actor`; undefined for an unknown id. */
  apply(id: number, actor: string): Promise<IncidentRow | undefined>
}

/**
 * A handler for `change` on the incident of the path's `:id`: 404 for an unknown one, 409 when its
 * status forbids it; otherwise audited, published, and answered with the incident.
 */
export function incidentChangeHandler(
  { db, config, events }: Pick<RouteDeps, 'db' | 'config' | 'events'>,
  change: IncidentChange,
  /** What follows the change, e.g. the resolved notice. */
  after: (row: IncidentRow) => Promise<void> = async () => {},
) {
  const audit = requestAudit(db, config)
  return async (c: Context<AppEnv>) => {
    const id = parseId(c)
    let row: IncidentRow | undefined
    try {
      row = await change.apply(id, actorName(c.var.principal))
    } catch (error) {
      if (error instanceof IncidentTransitionError) throw new HttpError(409, error.message)
      throw error
    }
    if (!row) throw new HttpError(404, `no incident with id ${id}`)
    await audit(c, change.action, `incident:${row.subjectName}#${row.id}`, {
      rule: row.ruleName,
      kind: row.kind,
    })
    const incident: Incident = presentIncident(row)
    events.publish({ type: change.event, incident, at: nowUnixSeconds() })
    await after(row)
    return c.json({ incident })
  }
}
