import { and, desc, eq, isNotNull, ne, sql } from 'drizzle-orm'
import type { Database } from '../client.ts'
import { auditLog } from '../schema/audit-log.ts'
import { gatewayFailovers } from '../schema/gateway-failovers.ts'
import { gateways } from '../schema/gateways.ts'
import type { GatewayRow } from './gateways.ts'

export type GatewayFailoverRow = typeof gatewayFailovers.$inferSelect
type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]

export interface FailoverPolicy {
  /** Failed probes in a row of the primary before it fails over (FAILOVER_AFTER). */
  failoverAfter: number
  /** No automatic move within this long of the last one (FAILOVER_COOLDOWN_S). */
  cooldownS: number
  /** Online probes in a row of the former primary before the role returns to it; 0 = never. */
  failbackAfter: number
  /** A standby's last probe counts when it is this recent: two probe intervals. */
  freshS: number
}

/** What a decision did: the move it recorded (with both gateways after it), or nothing. */
export interface FailoverOutcome {
  failover: GatewayFailoverRow
  from: GatewayRow
  to: GatewayRow | null
}

/** A manual failover the registry cannot honour: 404 for an unknown target, 409 otherwise. */
export class FailoverRefused extends Error {
  override name = 'FailoverRefused'
  constructor(
    message: string,
    readonly status: 404 | 409 = 409,
  ) {
    super(message)
  }
}

const lockPrimary = (tx: Tx) =>
  tx
    .select()
    .from(gateways)
    .where(eq(gateways.isPrimary, true))
    .for('update')
    .then((rows) => rows[0])

/** The best standby to take over: online and freshly probed, by priority, then latency. */
const bestCandidate = (tx: Tx, primaryId: number, freshS: number) =>
  tx
    .select()
    .from(gateways)
    .where(
      and(
        isNotNull(gateways.failoverPriority),
        ne(gateways.id, primaryId),
        eq(gateways.status, 'online'),
        sql`${gateways.lastProbeAt} > now() - make_interval(secs => ${freshS})`,
      ),
    )
    .orderBy(gateways.failoverPriority, sql`${gateways.latency} asc nulls last`, gateways.id)
    .limit(1)
    .for('update')
    .then((rows) => rows[0])

/** Whether an automatic move happened within the cooldown (moves only, not "no candidate"). */
async function coolingDown(tx: Tx, cooldownS: number): Promise<boolean> {
  const [recent] = await tx
    .select({ id: gatewayFailovers.id })
    .from(gatewayFailovers)
    .where(
      and(
        eq(gatewayFailovers.automatic, true),
        isNotNull(gatewayFailovers.toId),
        sql`${gatewayFailovers.at} > now() - make_interval(secs => ${cooldownS})`,
      ),
    )
    .limit(1)
  return recent !== undefined
}

/** Moves the primary flag from `from` to `to` and records why, in the failover log and the audit log. */
async function movePrimary(
  tx: Tx,
  from: GatewayRow,
  to: GatewayRow | null,
  record: { kind: string; reason: string; automatic: boolean; actor: string },
): Promise<FailoverOutcome> {
  let moved = { from, to }
  if (to) {
    // Off first, then on: the partial unique index allows one primary at any moment.
    const [off] = await tx
      .update(gateways)
      .set({ isPrimary: false, updatedAt: sql`now()` })
      .where(eq(gateways.id, from.id))
      .returning()
    const [on] = await tx
      .update(gateways)
      .set({ isPrimary: true, updatedAt: sql`now()` })
      .where(eq(gateways.id, to.id))
      .returning()
    moved = { from: off ?? from, to: on ?? to }
  }
  const [failover] = await tx
    .insert(gatewayFailovers)
    .values({
      fromId: from.id,
      fromName: from.name,
      toId: to?.id ?? null,
      toName: to?.name ?? null,
      ...record,
    })
    .returning()
  if (!failover) throw new Error('failover insert returned nothing')
  if (to)
    await tx.insert(auditLog).values({
      actor: record.actor,
      action: `gateway.${record.kind === 'manual' ? 'failover' : record.kind}`,
      target: `gateway:${to.name}#${to.id}`,
      detail: {
        reason: record.reason,
        from: { id: from.id, name: from.name },
        to: { id: to.id, name: to.name },
      },
    })
  return { failover, ...moved }
}

/**
 * After a probe write of the primary: fails over when it has failed `failoverAfter` probes in a
 * row, outside the cooldown, to the best standby. One transaction that locks the primary row and
 * re-reads what it decides on, so any number of workers deciding at once make one move: the others
 * find that the row they waited for is no longer the primary. Without a candidate it records that
 * (once per cooldown) so the team is told, and moves nothing.
 */
export function decideFailover(db: Database, policy: FailoverPolicy): Promise<FailoverOutcome | null> {
  return db.transaction(async (tx) => {
    const primary = await lockPrimary(tx)
    if (!primary || primary.consecutiveFailures < policy.failoverAfter) return null
    if (await coolingDown(tx, policy.cooldownS)) return null
    const candidate = await bestCandidate(tx, primary.id, policy.freshS)
    const reason = `${primary.name} failed ${primary.consecutiveFailures} probes in a row (${primary.status}${primary.lastError ? `: ${primary.lastError}` : ''})`
    if (candidate)
      return movePrimary(tx, primary, candidate, {
        kind: 'failover',
        reason,
        automatic: true,
        actor: 'system',
      })
    // Told once per cooldown, not after every probe of a dead primary.
    const [told] = await tx
      .select({ id: gatewayFailovers.id })
      .from(gatewayFailovers)
      .where(
        and(
          eq(gatewayFailovers.fromId, primary.id),
          eq(gatewayFailovers.kind, 'no_candidate'),
          sql`${gatewayFailovers.at} > now() - make_interval(secs => ${policy.cooldownS})`,
        ),
      )
      .limit(1)
    if (told) return null
    return movePrimary(tx, primary, null, {
      kind: 'no_candidate',
      reason: `${reason}; no standby is online and freshly probed: no failover`,
      automatic: true,
      actor: 'system',
    })
  })
}

/**
 * The gateway the role would fail back to: the one the last move was an automatic failover from
 * (null when the last move was anything else). One cheap read, so that only its probes decide.
 */
export async function failbackCandidateId(db: Database): Promise<number | null> {
  const [last] = await db
    .select({ kind: gatewayFailovers.kind, fromId: gatewayFailovers.fromId })
    .from(gatewayFailovers)
    .where(isNotNull(gatewayFailovers.toId))
    .orderBy(desc(gatewayFailovers.id))
    .limit(1)
  return last?.kind === 'failover' ? last.fromId : null
}

/**
 * After a probe write of a former primary: with `failbackAfter` set, the role returns to the gateway
 * the last automatic failover moved it from once it has been online that many probes in a row.
 */
export function decideFailback(db: Database, gatewayId: number, policy: FailoverPolicy) {
  if (policy.failbackAfter <= 0) return Promise.resolve(null)
  return db.transaction(async (tx): Promise<FailoverOutcome | null> => {
    const primary = await lockPrimary(tx)
    if (!primary || primary.id === gatewayId) return null
    const [last] = await tx
      .select()
      .from(gatewayFailovers)
      .where(isNotNull(gatewayFailovers.toId))
      .orderBy(desc(gatewayFailovers.id))
      .limit(1)
    if (last?.kind !== 'failover' || last.fromId !== gatewayId || last.toId !== primary.id) return null
    const [former] = await tx.select().from(gateways).where(eq(gateways.id, gatewayId)).for('update')
    if (former?.status !== 'online' || former.consecutiveSuccesses < policy.failbackAfter) return null
    return movePrimary(tx, primary, former, {
      kind: 'failback',
      reason: `${former.name} was online ${former.consecutiveSuccesses} probes in a row after failing over to ${primary.name}`,
      automatic: true,
      actor: 'system',
    })
  })
}

/**
 * A failover by hand (planned maintenance): to `toId`, or the best standby. Refused when there is
 * no primary, the target is the primary, unknown, or not online.
 */
export function failoverNow(
  db: Database,
  request: { toId?: number; actor: string; freshS: number },
): Promise<FailoverOutcome> {
  return db.transaction(async (tx) => {
    const primary = await lockPrimary(tx)
    if (!primary) throw new FailoverRefused('there is no primary gateway to fail over from')
    let target: GatewayRow | undefined
    if (request.toId === undefined) {
      target = await bestCandidate(tx, primary.id, request.freshS)
      if (!target) throw new FailoverRefused('no standby is online and freshly probed')
    } else {
      ;[target] = await tx.select().from(gateways).where(eq(gateways.id, request.toId)).for('update')
      if (!target) throw new FailoverRefused(`no gateway with id ${request.toId}`, 404)
      if (target.id === primary.id) throw new FailoverRefused(`${target.name} is already the primary`)
      if (target.status !== 'online')
        throw new FailoverRefused(`${target.name} is ${target.status}, not online`)
    }
    return movePrimary(tx, primary, target, {
      kind: 'manual',
      reason: `failover by hand from ${primary.name} to ${target.name}`,
      automatic: false,
      actor: request.actor,
    })
  })
}

/** The primary role's moves, newest first. */
export function listFailovers(db: Database, limit: number): Promise<GatewayFailoverRow[]> {
  return db.select().from(gatewayFailovers).orderBy(desc(gatewayFailovers.id)).limit(limit)
}
