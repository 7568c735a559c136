import { idSchema, type TokenRotationFailure } from '@mc/shared'
import { z } from 'zod'

/** BullMQ queue names shared by the api (which enqueues manual probes) and the worker. */
export const QUEUES = {
  probeSweep: 'probe-sweep',
  probeGateway: 'probe-gateway',
  probeRollup: 'probe-rollup',
  probeRetention: 'probe-retention',
  /** Snapshots of the running probe totals, which the fleet's 24 h uptime starts from. */
  probeSnapshot: 'probe-snapshot',
  // The old word for sign-ins stays in the name: installed workers' job schedulers are keyed by it.
  pruneSignIns: 'prune-expired-sessions',
  expireConnections: 'expire-connections',
  /** One job per channel and group wait: it sends every notice queued for the channel meanwhile. */
  alertDelivery: 'alert-delivery',
  alertTick: 'alert-tick',
  sessionSweep: 'session-sweep',
  sessionRetention: 'session-retention',
  toolRollup: 'tool-rollup',
  insightRetention: 'insight-retention',
  /** One automatic token rotation (asked for by the api, or by the schedule below). */
  tokenRotation: 'token-rotation',
  /** Starts the rotations that are due and drops expired pending tokens. */
  tokenRotationSchedule: 'token-rotation-schedule',
} as const

/** BullMQ keys live under `<REDIS_PREFIX>:bull`, so installations sharing a Redis stay apart. */
export const bullPrefix = (redisPrefix: string) => `${redisPrefix}:bull`

/**
 * The queues the worker fills on a schedule (a BullMQ job scheduler each, shared by every worker).
 * `/api/health` is `degraded` while one is missing, e.g. after Redis lost its data.
 */
export const SCHEDULED_QUEUES = [
  QUEUES.probeSweep,
  QUEUES.probeRollup,
  QUEUES.probeRetention,
  QUEUES.probeSnapshot,
  QUEUES.pruneSignIns,
  QUEUES.expireConnections,
  QUEUES.alertTick,
  QUEUES.sessionSweep,
  QUEUES.sessionRetention,
  QUEUES.toolRollup,
  QUEUES.insightRetention,
  QUEUES.tokenRotationSchedule,
] as const

export const jobSchedulerId = (queue: string) => `${queue}:schedule`

/**
 * Gateways probed together in one job: few enough to spread a sweep over several workers, many
 * enough that queue overhead stays small next to the probes.
 */
export const PROBE_BATCH_SIZE = 25

/** Probes of a batch of gateways. Job data sits in Redis in clear text: ids only, never a token. */
export const probeGatewayJobSchema = z.object({
  gateway_ids: z.array(idSchema).min(1).max(PROBE_BATCH_SIZE),
  reason: z.enum(['scheduled', 'manual']),
})
export type ProbeGatewayJob = z.infer<typeof probeGatewayJobSchema>

/** Splits ids into probe batches, in order. */
export function probeBatches(ids: number[]): number[][] {
  const batches: number[][] = []
  for (let i = 0; i < ids.length; i += PROBE_BATCH_SIZE) batches.push(ids.slice(i, i + PROBE_BATCH_SIZE))
  return batches
}

/** A delivery job names its channel only: what it sends is read from the outbox when it runs. */
export const alertDeliveryJobSchema = z.object({ channel_id: idSchema })
export type AlertDeliveryJob = z.infer<typeof alertDeliveryJobSchema>

/**
 * An automatic rotation of one gateway's token. Names the gateway and who asked, never a token: the
 * worker makes the new one and keeps it only encrypted in the database. The caller has already
 * marked the rotation as running (`tryStartRotation`); the job ends it.
 */
export const tokenRotationJobSchema = z.object({
  gateway_id: idSchema,
  /** As the audit log names actors: `user:alice`, `key:name#3`, `schedule`. */
  actor: z.string().min(1).max(200),
})
export type TokenRotationJob = z.infer<typeof tokenRotationJobSchema>

/** What a rotation job returns: done, or why not (the gateway then keeps its old token). */
export type TokenRotationOutcome = { ok: true } | { ok: false; reason: TokenRotationFailure; message: string }
