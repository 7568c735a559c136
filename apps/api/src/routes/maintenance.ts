import {
  createMaintenanceWindow,
  endMaintenanceWindow,
  findGateways,
  listMaintenanceWindows,
  type MaintenanceWindowWithState,
} from '@mc/db'
import {
  createMaintenanceWindowRequestSchema,
  maintenanceWindowResponseSchema,
  maintenanceWindowsResponseSchema,
} from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { requestAudit } from '../audit/request-audit.ts'
import { actorName } from '../auth/actor.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { idParamsSchema, parseBody, parseId } from '../http/validation.ts'
import { presentMaintenanceWindow } from '../presenters/maintenance-windows.ts'

/** Ended windows stay in the list this long, so a team sees what was just done. */
const RECENT_DAYS = 7

const targetOf = (row: MaintenanceWindowWithState) => `maintenance:${row.id}`

/** Maintenance windows: while one is in force, incidents of its gateways notify nobody. */
export function maintenanceRoutes({ db, config }: Pick<RouteDeps, 'db' | 'config'>): RouteDef[] {
  const audit = requestAudit(db, config)
  return [
    {
      method: 'GET',
      path: '/maintenance',
      access: 'viewer',
      doc: {
        summary: 'List maintenance windows',
        description: 'Current and upcoming windows first, then those that ended within the last 7 days.',
        responses: { 200: maintenanceWindowsResponseSchema },
      },
      handler: async (c) =>
        c.json({ windows: (await listMaintenanceWindows(db, RECENT_DAYS)).map(presentMaintenanceWindow) }),
    },
    {
      method: 'POST',
      path: '/maintenance',
      access: 'operator',
      doc: {
        summary: 'Schedule a maintenance window',
        description:
          'While it is in force, incidents of its gateways are recorded but notify nobody. ' +
          '`starts_at` and `ends_at` are unix seconds or ISO 8601 date-times; 400 naming unknown ' +
          'gateway ids. Audited.',
        body: createMaintenanceWindowRequestSchema,
        responses: { 201: maintenanceWindowResponseSchema },
      },
      handler: async (c) => {
        const body = await parseBody(c, createMaintenanceWindowRequestSchema)
        const gatewayIds = [...new Set(body.gateway_ids)]
        const found = new Set((await findGateways(db, gatewayIds)).map((gateway) => gateway.id))
        const missing = gatewayIds.filter((id) => !found.has(id))
        if (missing.length > 0) {
          throw new HttpError(400, `no gateway with id ${missing.join(', ')}`, [
            { path: 'gateway_ids', message: `unknown gateway ids: ${missing.join(', ')}` },
          ])
        }
        const row = await createMaintenanceWindow(db, {
          gatewayIds,
          startsAt: new Date(body.starts_at * 1000),
          endsAt: new Date(body.ends_at * 1000),
          reason: body.reason,
          createdBy: actorName(c.var.principal),
        })
        await audit(c, 'maintenance.create', targetOf(row), {
          gateway_ids: row.gatewayIds,
          starts_at: body.starts_at,
          ends_at: body.ends_at,
          reason: row.reason,
        })
        return c.json({ window: presentMaintenanceWindow(row) }, 201)
      },
    },
    {
      method: 'DELETE',
      path: '/maintenance/:id',
      access: 'operator',
      doc: {
        summary: 'End a maintenance window',
        description: 'Ends the window now (one not yet started is cancelled); it stays listed. Audited.',
        params: idParamsSchema,
        responses: { 200: maintenanceWindowResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const row = await endMaintenanceWindow(db, id)
        if (!row) throw new HttpError(404, `no maintenance window with id ${id}`)
        await audit(c, 'maintenance.end', targetOf(row), { gateway_ids: row.gatewayIds, reason: row.reason })
        return c.json({ window: presentMaintenanceWindow(row) })
      },
    },
  ]
}
