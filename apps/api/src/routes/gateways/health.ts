import { findGateways, listGatewayIdsInProbeOrder, listProbes, presentGateway, recentProbes } from '@mc/db'
import { readWorkerFreshness } from '@mc/runtime'
import {
  nowUnixSeconds,
  type ProbeResponse,
  type ProbeResult,
  pendingProbeResultOf,
  probeHistoryQuerySchema,
  probeHistoryResponseSchema,
  probeRequestSchema,
  probeResponseSchema,
  recentProbesQuerySchema,
  recentProbesResponseSchema,
} from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { parseBody, parseQuery } from '../../http/validation.ts'
import { presentProbe } from '../../presenters/probes.ts'
import { dateFromUnix } from '../../presenters/time.ts'

/** Queueing and recording take a little longer than the probe's own deadline. */
const WAIT_MARGIN_MS = 3000

export function gatewayHealthRoutes({
  db,
  redis,
  config,
  probes,
}: Pick<RouteDeps, 'db' | 'redis' | 'config' | 'probes'>): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/gateways/health',
      access: 'operator',
      doc: {
        summary: 'Probe gateways now',
        description:
          "The seed's health check: probes every gateway (no body), or `{ id }`, or `{ ids }`, " +
          'through the worker, and answers each result in the order asked (or by id). A probe still ' +
          'running at the deadline answers the last known state with `pending: true`. 404 for an ' +
          'unknown id; 503 when no worker runs.',
        body: probeRequestSchema,
        responses: { 200: probeResponseSchema },
        errors: [404],
      },
      handler: async (c) => {
        const body = await parseBody(c, probeRequestSchema)
        const registered = await listGatewayIdsInProbeOrder(db)
        const ids = body.ids ?? (body.id === undefined ? registered : [body.id])
        const known = new Set(registered)
        const missing = ids.filter((id) => !known.has(id))
        if (missing.length > 0) throw new HttpError(404, `no gateway with id ${missing.join(', ')}`)
        if ((await readWorkerFreshness(redis, config.REDIS_PREFIX)).alive === 0) {
          throw new HttpError(
            503,
            'no worker is running, so nothing can probe: start the worker (npm start runs one)',
          )
        }
        const finished = await probes.probe(ids, config.PROBE_TIMEOUT_MS + WAIT_MARGIN_MS)
        // null: deleted while being probed. Missing: still queued or running at the deadline (a large
        // fleet), so the last known state is reported and the result arrives with the next read.
        const unfinished = ids.filter((id) => !finished.has(id))
        const lastKnown = new Map((await findGateways(db, unfinished)).map((row) => [row.id, row]))
        const results: ProbeResult[] = []
        // Probed failing-first (see listGatewayIdsInProbeOrder); answered in the order asked, or by id.
        for (const id of body.ids ?? [...ids].sort((a, b) => a - b)) {
          const result = finished.get(id)
          const row = lastKnown.get(id)
          if (result) results.push(result)
          else if (row) results.push(pendingProbeResultOf(presentGateway(row, config.TOKEN_MAX_AGE_DAYS)))
        }
        const response: ProbeResponse = { results, probed_at: nowUnixSeconds() }
        return c.json(response)
      },
    },
    {
      method: 'GET',
      path: '/gateways/health/history',
      access: 'viewer',
      doc: {
        summary: 'List probe history',
        description:
          'Recorded probes, newest first, of one gateway or all, in a time window; pass ' +
          '`next_before` back as `before` for older ones.',
        query: probeHistoryQuerySchema,
        responses: { 200: probeHistoryResponseSchema },
      },
      handler: async (c) => {
        const query = parseQuery(c, probeHistoryQuerySchema)
        const page = await listProbes(db, {
          gatewayId: query.gateway_id,
          since: dateFromUnix(query.since),
          until: dateFromUnix(query.until),
          before: query.before,
          limit: query.limit,
        })
        return c.json({ probes: page.rows.map(presentProbe), next_before: page.nextBefore })
      },
    },
    {
      method: 'GET',
      path: '/gateways/health/recent',
      access: 'viewer',
      doc: {
        summary: 'Get recent probes',
        description:
          'The latest probes of each gateway in `ids`, newest first, keyed by gateway id (an ' +
          'unknown id gets an empty list): the tick strips of the gateway cards.',
        query: recentProbesQuerySchema,
        responses: { 200: recentProbesResponseSchema },
      },
      handler: async (c) => {
        const { ids, limit } = parseQuery(c, recentProbesQuerySchema)
        const byGateway: Record<string, ReturnType<typeof presentProbe>[]> = Object.fromEntries(
          ids.map((id) => [String(id), []]),
        )
        for (const row of await recentProbes(db, ids, limit))
          byGateway[String(row.gatewayId)]?.push(presentProbe(row))
        return c.json({ probes: byGateway })
      },
    },
  ]
}
