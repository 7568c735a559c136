import { findGatewayProbeTargets, presentGateway, recordProbe } from '@mc/db'
import { type ProbeReading, probeGateway } from '@mc/openclaw'
import {
  PROBE_BATCH_SIZE,
  type ProbeGatewayJob,
  probeGatewayJobSchema,
  publishEvent,
  QUEUES,
} from '@mc/runtime'
import { errorMessage, gatewayStatusEvent, type ProbeResult, probeResultOf } from '@mc/shared'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'

const CLIENT_VERSION = 'mission-control'
type Target = Awaited<ReturnType<typeof findGatewayProbeTargets>>[number]
type Ctx = Pick<WorkerContext, 'db' | 'config' | 'redis' | 'tokenCipher' | 'logger'>

async function probeOne(ctx: Ctx, target: Target): Promise<ProbeReading> {
  try {
    const token = target.token === null ? null : ctx.tokenCipher.decrypt(target.token)
    return await probeGateway(
      { host: target.host, port: target.port, token, tlsInsecure: target.tlsInsecure },
      { timeoutMs: ctx.config.PROBE_TIMEOUT_MS, clientVersion: CLIENT_VERSION },
    )
  } catch (error) {
    // Only a token that no longer decrypts gets here: the probe itself never throws.
    const message = errorMessage(error)
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
 * Stores one probe and announces the gateway it left behind (browsers show latency and counts live;
 * a flip is old_status !== status); null when the gateway was deleted meanwhile.
 */
async function record(ctx: Ctx, id: number, reading: ProbeReading): Promise<ProbeResult | null> {
  const recorded = await recordProbe(ctx.db, id, reading, ctx.config.FAILURE_THRESHOLD)
  if (!recorded) return null
  const gateway = presentGateway(recorded.gateway)
  await publishEvent(ctx.redis, ctx.config.REDIS_PREFIX, gatewayStatusEvent(gateway, recorded.previousStatus))
  return probeResultOf(gateway)
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
