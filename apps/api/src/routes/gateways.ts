import {
  createGateway,
  DuplicateGatewayNameError,
  deleteGateway,
  findGateway,
  type GatewayRow,
  gatewayUptime,
  listGatewayPage,
  listGateways,
  PrimaryGatewayDeleteError,
  presentGateway,
  recentProbes,
  updateGateway,
} from '@mc/db'
import {
  createGatewayRequestSchema,
  DEFAULT_GATEWAYS_PAGE_SIZE,
  deleteGatewayRequestSchema,
  deleteGatewayResponseSchema,
  type GatewayDetailResponse,
  type GatewaysResponse,
  gatewayDetailResponseSchema,
  gatewayResponseSchema,
  gatewaysQuerySchema,
  gatewaysResponseSchema,
  nowUnixSeconds,
  updateGatewayRequestSchema,
} from '@mc/shared'
import type { RouteDeps } from '../app-deps.ts'
import { describeGatewayChange } from '../audit/gateway-change.ts'
import { requestAudit } from '../audit/request-audit.ts'
import { HttpError } from '../http/http-error.ts'
import type { RouteDef } from '../http/route.ts'
import { idParamsSchema, parseBody, parseId, parseQuery } from '../http/validation.ts'
import { presentProbe } from '../presenters/probes.ts'

/** Conflicts the database reports, as the 409s a client can act on. */
async function asConflict<T>(work: Promise<T>): Promise<T> {
  try {
    return await work
  } catch (error) {
    if (error instanceof DuplicateGatewayNameError || error instanceof PrimaryGatewayDeleteError) {
      throw new HttpError(409, error.message)
    }
    throw error
  }
}

/** The gateway registry, and one gateway with its uptime and latest probes. */
export function gatewayRoutes({
  db,
  config,
  tokenCipher,
  events,
}: Pick<RouteDeps, 'db' | 'config' | 'tokenCipher' | 'events'>): RouteDef[] {
  /** A token of "" or null means none; anything else is stored encrypted. */
  const sealToken = (token: string | null | undefined) =>
    token === undefined ? undefined : token === null || token === '' ? null : tokenCipher.encrypt(token)

  const audit = requestAudit(db, config)
  const present = (row: GatewayRow) => presentGateway(row, config.TOKEN_MAX_AGE_DAYS)

  const announce = (type: 'gateway.created' | 'gateway.updated', row: GatewayRow, tokenChanged: boolean) =>
    events.publish({ type, gateway: present(row), token_changed: tokenChanged, at: nowUnixSeconds() })

  return [
    {
      method: 'GET',
      path: '/gateways',
      access: 'viewer',
      doc: {
        summary: 'List gateways',
        description:
          "The seed's gateway list, the primary first, then by name, with what the latest probes " +
          'found. Never a token: only whether one is set, and its age. Without parameters, every ' +
          'gateway, as the seed answers. With any of them, one page: the gateways whose name or host ' +
          'contains `q` (any case) and whose status is `status` (or one of several, comma-separated), ' +
          `\`limit\` of them (default ${DEFAULT_GATEWAYS_PAGE_SIZE}) from \`offset\` on, with \`total\` ` +
          '(how many match) and `next_offset` (null on the last page).',
        query: gatewaysQuerySchema,
        responses: { 200: gatewaysResponseSchema },
      },
      handler: async (c) => {
        const { q, status, limit, offset } = parseQuery(c, gatewaysQuerySchema)
        if ([q, status, limit, offset].every((value) => value === undefined)) {
          return c.json({ gateways: (await listGateways(db)).map(present) } satisfies GatewaysResponse)
        }
        const page = await listGatewayPage(
          db,
          { q, statuses: status },
          { limit: limit ?? DEFAULT_GATEWAYS_PAGE_SIZE, offset: offset ?? 0 },
        )
        return c.json({
          gateways: page.rows.map(present),
          total: page.total,
          next_offset: page.nextOffset,
        } satisfies GatewaysResponse)
      },
    },
    {
      method: 'GET',
      path: '/gateways/:id',
      access: 'viewer',
      doc: {
        summary: 'Get a gateway',
        description:
          'One gateway with its uptime over 24 hours, 7 and 30 days, latency percentiles and its 30 ' +
          'latest probes.',
        params: idParamsSchema,
        responses: { 200: gatewayDetailResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const id = parseId(c)
        const row = await findGateway(db, id)
        if (!row) throw new HttpError(404, `no gateway with id ${id}`)
        const [uptime, recent] = await Promise.all([gatewayUptime(db, id), recentProbes(db, [id], 30)])
        const body: GatewayDetailResponse = {
          gateway: present(row),
          uptime: { '24h': uptime.uptime24h, '7d': uptime.uptime7d, '30d': uptime.uptime30d },
          latency_ms: { p50: uptime.latencyP50, p95: uptime.latencyP95, p99: uptime.latencyP99 },
          probes_24h: uptime.probes24h,
          recent_probes: recent.map(presentProbe),
        }
        return c.json(body)
      },
    },
    {
      method: 'POST',
      path: '/gateways',
      access: 'admin',
      doc: {
        summary: 'Register a gateway',
        description:
          "The seed's body, plus additive fields; the token is stored encrypted and never answered. " +
          '`is_primary` makes it the primary (unsetting the previous one). 409 when another gateway ' +
          'has the name, in any case. Audited and announced as `gateway.created`.',
        body: createGatewayRequestSchema,
        responses: { 201: gatewayResponseSchema },
        errors: [409],
      },
      handler: async (c) => {
        const body = await parseBody(c, createGatewayRequestSchema)
        const row = await asConflict(
          createGateway(db, {
            name: body.name,
            host: body.host,
            port: body.port,
            token: sealToken(body.token) ?? null,
            isPrimary: body.is_primary,
            tlsInsecure: body.tls_insecure,
            failoverPriority: body.failover_priority,
            sessionIdleS: body.session_idle_s,
            sessionStuckS: body.session_stuck_s,
            rotateEveryDays: body.rotate_every_days,
          }),
        )
        await audit(c, 'gateway.create', `gateway:${row.name}#${row.id}`, {
          host: row.host,
          port: row.port,
          is_primary: row.isPrimary,
          failover_priority: row.failoverPriority,
          session_idle_s: row.sessionIdleS,
          session_stuck_s: row.sessionStuckS,
          rotate_every_days: row.rotateEveryDays,
          token_set: row.token !== null,
        })
        announce('gateway.created', row, false)
        return c.json({ gateway: present(row) }, 201)
      },
    },
    {
      method: 'PUT',
      path: '/gateways',
      access: 'admin',
      doc: {
        summary: 'Update a gateway',
        description:
          "The seed's edit: the gateway named by `id` in the body, with at least one field to " +
          'change. `token: ""` or `null` clears the token, leaving it out keeps it; probe results ' +
          'are not writable; making one primary unsets the previous one. 409 when another gateway ' +
          'has the name. Audited and announced as `gateway.updated`.',
        body: updateGatewayRequestSchema,
        responses: { 200: gatewayResponseSchema },
        errors: [404, 409],
      },
      handler: async (c) => {
        const body = await parseBody(c, updateGatewayRequestSchema)
        const result = await asConflict(
          updateGateway(db, body.id, {
            name: body.name,
            host: body.host,
            port: body.port,
            token: sealToken(body.token),
            isPrimary: body.is_primary,
            tlsInsecure: body.tls_insecure,
            failoverPriority: body.failover_priority,
            sessionIdleS: body.session_idle_s,
            sessionStuckS: body.session_stuck_s,
            rotateEveryDays: body.rotate_every_days,
          }),
        )
        if (!result) throw new HttpError(404, `no gateway with id ${body.id}`)
        const { before, after } = result
        const detail = describeGatewayChange(before, after, body.token !== undefined)
        const target = `gateway:${after.name}#${after.id}`
        if (!before.isPrimary && after.isPrimary) await audit(c, 'gateway.set_primary', target, {})
        if ('token' in detail) await audit(c, 'gateway.token_change', target, { token: detail.token })
        if (Object.keys(detail.changes).length > 0) await audit(c, 'gateway.update', target, detail)
        announce('gateway.updated', after, 'token' in detail)
        return c.json({ gateway: present(after) })
      },
    },
    {
      method: 'DELETE',
      path: '/gateways',
      access: 'admin',
      doc: {
        summary: 'Delete a gateway',
        description:
          "The seed's delete: the gateway named by `id` in the body. 409 for the primary while other " +
          'gateways exist: make another one primary first. Audited and announced as `gateway.deleted`.',
        body: deleteGatewayRequestSchema,
        responses: { 200: deleteGatewayResponseSchema },
        errors: [404, 409],
      },
      handler: async (c) => {
        const { id } = await parseBody(c, deleteGatewayRequestSchema)
        const row = await asConflict(deleteGateway(db, id))
        if (!row) throw new HttpError(404, `no gateway with id ${id}`)
        await audit(c, 'gateway.delete', `gateway:${row.name}#${row.id}`, { host: row.host, port: row.port })
        events.publish({ type: 'gateway.deleted', gateway_id: row.id, name: row.name, at: nowUnixSeconds() })
        return c.json({ deleted: true as const, id })
      },
    },
  ]
}
