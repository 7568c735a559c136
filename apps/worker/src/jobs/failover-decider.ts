import {
  decideFailback,
  decideFailover,
  type FailoverOutcome,
  type FailoverPolicy,
  failbackCandidateId,
  failoverEvents,
  type GatewayRow,
} from '@mc/db'
import { failoverFreshS, publishEvents } from '@mc/runtime'
import type { WorkerConfig } from '../config.ts'
import type { WorkerContext } from '../worker-context.ts'

type Ctx = Pick<WorkerContext, 'db' | 'config' | 'redis' | 'logger' | 'alertEvaluator'>

/** The worker's settings as the decision queries take them. */
export const failoverPolicy = (config: WorkerConfig): FailoverPolicy => ({
  failoverAfter: config.FAILOVER_AFTER,
  cooldownS: config.FAILOVER_COOLDOWN_S,
  failbackAfter: config.FAILBACK_AFTER,
  freshS: failoverFreshS(config),
})

export interface FailoverDecider {
  /**
   * After a group of probes is stored, with the gateways as it left them: fails the primary over
   * when it has failed often enough, or back to a recovered former primary, and announces the move.
   * Never throws: a failed decision is logged, and the next probe of the same gateway decides again.
   */
  afterProbes(gateways: GatewayRow[]): Promise<void>
}

export function createFailoverDecider(ctx: Ctx): FailoverDecider {
  const policy = failoverPolicy(ctx.config)

  // The rows only say whether deciding is worth a transaction: the queries lock and re-read what
  // they decide on, so a stale row (another worker moved the role meanwhile) decides nothing.
  async function decide(gateways: GatewayRow[]): Promise<FailoverOutcome | null> {
    const primary = gateways.find((gateway) => gateway.isPrimary)
    if (primary && primary.consecutiveFailures >= policy.failoverAfter) {
      const outcome = await decideFailover(ctx.db, policy)
      if (outcome) return outcome
    }
    if (policy.failbackAfter <= 0) return null
    const recovered = gateways.filter(
      (gateway) =>
        !gateway.isPrimary &&
        gateway.status === 'online' &&
        gateway.consecutiveSuccesses >= policy.failbackAfter,
    )
    if (recovered.length === 0) return null
    // Only the gateway the last failover left can take the role back: one read finds it.
    const formerPrimary = await failbackCandidateId(ctx.db)
    if (formerPrimary === null || !recovered.some((gateway) => gateway.id === formerPrimary)) return null
    return decideFailback(ctx.db, formerPrimary, policy)
  }

  async function announce(outcome: FailoverOutcome): Promise<void> {
    await publishEvents(
      ctx.redis,
      ctx.config.REDIS_PREFIX,
      failoverEvents(outcome, ctx.config.TOKEN_MAX_AGE_DAYS),
    )
    // Not awaited, as after probes: the incident and its notices never hold up the probes.
    void ctx.alertEvaluator.afterFailover(outcome.from.id)
    const { failover, from, to } = outcome
    // Ids, names and the reason only: the rows carry the (encrypted) tokens.
    const logged = {
      failover: { id: failover.id, kind: failover.kind, reason: failover.reason },
      from: { id: from.id, name: from.name },
      to: to && { id: to.id, name: to.name },
    }
    if (to)
      ctx.logger.info(logged, `primary gateway moved from ${from.name} to ${to.name} (${failover.kind})`)
    else ctx.logger.warn(logged, `primary gateway ${from.name} is failing and no standby can take over`)
  }

  return {
    async afterProbes(gateways) {
      try {
        const outcome = await decide(gateways)
        if (outcome) await announce(outcome)
      } catch (err) {
        // A decision that failed is taken again after the gateway's next probe; one that was made
        // but not announced shows in the failover log and on the next page load.
        ctx.logger.error({ err }, 'failover decision or its announcement failed')
      }
    },
  }
}
