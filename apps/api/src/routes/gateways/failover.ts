import { FailoverRefused, failoverEvents, failoverNow, presentFailover, presentGateway } from '@mc/db'
import { failoverFreshS } from '@mc/runtime'
import { type FailoverResponse, failoverRequestSchema, failoverResponseSchema } from '@mc/shared'
import type { RouteDeps } from '../../app-deps.ts'
import { actorName } from '../../auth/actor.ts'
import { HttpError } from '../../http/http-error.ts'
import type { RouteDef } from '../../http/route.ts'
import { parseBody } from '../../http/validation.ts'

/**
 * A failover by hand, for planned maintenance: the primary role moves to `to_id` or the best
 * standby. The move is audited by the query itself, in its transaction; browsers and the alert
 * rules hear of it as they do of the worker's automatic ones.
 */
export function gatewayFailoverRoutes({
  db,
  config,
  events,
  alerts,
}: Pick<RouteDeps, 'db' | 'config' | 'events' | 'alerts'>): RouteDef[] {
  return [
    {
      method: 'POST',
      path: '/gateways/failover',
      access: 'admin',
      doc: {
        summary: 'Fail over by hand',
        description:
          'For planned maintenance: moves the primary role to `to_id`, or (left out) to the best ' +
          "standby (online and freshly probed, by priority, then latency); the answer's `gateway` " +
          'is the new primary. 404 for an unknown `to_id`; 409 when there is no primary, the target ' +
          'is already primary or not online, or no standby can take over. Audited, announced as ' +
          '`gateway.failover` and `gateway.updated` events, and opens a `failover` incident.',
        body: failoverRequestSchema,
        responses: { 200: failoverResponseSchema },
        errors: [404, 409],
      },
      handler: async (c) => {
        const { to_id } = await parseBody(c, failoverRequestSchema)
        const outcome = await failoverNow(db, {
          toId: to_id,
          actor: actorName(c.var.principal),
          freshS: failoverFreshS(config),
        }).catch((error: unknown) => {
          if (error instanceof FailoverRefused) throw new HttpError(error.status, error.message)
          throw error
        })
        events.publishAll(failoverEvents(outcome, config.TOKEN_MAX_AGE_DAYS))
        // Never fails: an evaluation error is logged, and the incident is open before the answer.
        await alerts.evaluator.afterFailover(outcome.from.id)
        // failoverNow refuses rather than record a move to nowhere; `to` is null only for automatic ones.
        if (!outcome.to) throw new Error('a manual failover recorded no new primary')
        const body: FailoverResponse = {
          failover: presentFailover(outcome.failover),
          gateway: presentGateway(outcome.to, config.TOKEN_MAX_AGE_DAYS),
        }
        return c.json(body)
      },
    },
  ]
}
