import { findGatewayProbeTargets, recordProbeResult } from '@mc/db'
import { type ProbeResult as ProbeOutcome, probeGateway } from '@mc/openclaw'
import { publishEvent } from '@mc/runtime'
import {
  PROBE_BATCH_SIZE,
  type ProbeGatewayJob,
  type ProbeResult,
  probeGatewayJobSchema,
  QUEUES,
} from '@mc/shared'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

const CLIENT_VERSION = 'mission-control'
type Target = Awaited<ReturnType<typeof findGatewayProbeTargets>>[number]
type Ctx = Pick<WorkerContext, 'db' | 'config' | 'redis' | 'tokenCipher' | 'logger'>

async function probeOne(ctx: Ctx, target: Target): Promise<ProbeOutcome> {
  try {
    const token = target.token === null ? null : ctx.tokenCipher.decrypt(target.token)
    return await probeGateway(
      { host: target.host, port: target.port, token, tlsInsecure: target.tlsInsecure },
      { timeoutMs: ctx.config.PROBE_TIMEOUT_MS, clientVersion: CLIENT_VERSION },
    )
  } catch (error) {
    // Only a token that no longer decrypts gets here: the probe itself never throws.
    const message = error instanceof Error ? error.message : String(error)
    return {
      status: 'error',
      latencyMs: null,
      version: null,
      sessionsCount: null,
      agentsCount: null,
      error: message,
      method: 'websocket',
    }
  }
}

/**
 * Stores one result and announces it (browsers show latency and counts live; a flip is
 * old_status !== status); null when the gateway was deleted meanwhile.
 */
async function record(ctx: Ctx, id: number, outcome: ProbeOutcome): Promise<ProbeResult | null> {
  const stored = await recordProbeResult(ctx.db, id, outcome, ctx.config.FAILURE_THRESHOLD)
  if (!stored) return null
  const { gateway, previousStatus } = stored
  await publishEvent(ctx.redis, ctx.config.REDIS_PREFIX, {
    type: 'gateway.status',
    gateway_id: gateway.id,
    name: gateway.name,
    old_status: previousStatus,
    status: gateway.status,
    latency: gateway.latency,
    sessions_count: gateway.sessionsCount,
    agents_count: gateway.agentsCount,
    error: gateway.lastError,
    at: Math.floor(Date.now() / 1000),
  })
  return {
    id: gateway.id,
    name: gateway.name,
    status: gateway.status,
    latency: gateway.latency,
    version: gateway.version,
    sessions_count: gateway.sessionsCount,
    agents_count: gateway.agentsCount,
    ...(gateway.lastError ? { error: gateway.lastError } : {}),
  }
}

/**
 * Probes a batch of gateways at once over their real protocol (scheduled and manual probes alike),
 * storing each result and the gateway's new state in one transaction as soon as it is in.
 */
export const probeGatewayJob = (ctx: Ctx) =>
  defineJob<ProbeGatewayJob>({
    queue: QUEUES.probeGateway,
    concurrency: Math.max(1, Math.ceil(ctx.config.PROBE_CONCURRENCY / PROBE_BATCH_SIZE)),
    async process(job): Promise<ProbeResult[]> {
      const { gateway_ids: ids } = probeGatewayJobSchema.parse(job.data)
      const targets = await findGatewayProbeTargets(ctx.db, ids)
      const results = await Promise.all(
        targets.map(async (target) => record(ctx, target.id, await probeOne(ctx, target))),
      )
      return results.filter((result) => result !== null)
    },
  })
