import { findGatewayProbeTargets } from '@mc/db'
import { createProbePacer, type ProbeReading, probeGateway } from '@mc/openclaw'
import { PROBE_BATCH_SIZE, type ProbeGatewayJob, probeGatewayJobSchema, QUEUES } from '@mc/runtime'
import { errorMessage, type ProbeResult } from '@mc/shared'
import { CLIENT_VERSION } from '../client-version.ts'
import { tryPendingToken, withPendingTokenTried } from '../token-rotation/pending-token.ts'
import type { WorkerContext } from '../worker-context.ts'
import { defineJob } from './job-definition.ts'
import { createProbeRecorder } from './probe-recorder.ts'

// At most this many probes start at once, while the event loop keeps up (fewer when it lags more
// than PROBE_BUSY_LAG_MS); a probe still in its handshake after PROBE_SLOT_MS waits on its gateway
// and lets the next one start. A healthy handshake takes ≈15 ms and ≈1 ms of this thread: 32 at once
// start ≈2,000 a second, what a worker's share of a 10,000-gateway sweep needs. The lag bound is
// above the few ms a process waits for a core while others (a second worker, Postgres) run on it:
// lower, the bound collapses on every busy machine and the sweep starts its probes one by one.
const MAX_PROBES_IN_HANDSHAKE = 32
const PROBE_SLOT_MS = 25
const PROBE_BUSY_LAG_MS = 10
type Target = Awaited<ReturnType<typeof findGatewayProbeTargets>>[number]
type Ctx = Pick<
  WorkerContext,
  'db' | 'config' | 'redis' | 'tokenCipher' | 'logger' | 'alertEvaluator' | 'metrics'
>

async function probeOne(ctx: Ctx, target: Target, onHandshakeOver: () => void): Promise<ProbeReading> {
  try {
    // The current token first, unless the last probe failed while a manual rotation's token waits:
    // its owner may have applied it, and every login with the old token now fails (and a gateway
    // delays, then locks out, an address that keeps failing), so the pending one goes first then.
    if (target.pendingToken !== null && target.consecutiveFailures > 0) {
      const promoted = await tryPendingToken(ctx, target, target.pendingToken)
      if (promoted) {
        onHandshakeOver()
        return promoted
      }
    }
    const token = target.token === null ? null : ctx.tokenCipher.decrypt(target.token)
    const reading = await probeGateway(
      { host: target.host, port: target.port, token, tlsInsecure: target.tlsInsecure },
      { timeoutMs: ctx.config.PROBE_TIMEOUT_MS, clientVersion: CLIENT_VERSION, onHandshakeOver },
    )
    return await withPendingTokenTried(ctx, target, reading)
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

/** `probeOne`, counted and timed by its result from when it starts (not from when it was queued). */
async function measuredProbe(ctx: Ctx, target: Target, onHandshakeOver: () => void): Promise<ProbeReading> {
  const started = performance.now()
  const reading = await probeOne(ctx, target, onHandshakeOver)
  ctx.metrics.observeProbe(reading.status, (performance.now() - started) / 1000)
  return reading
}

/**
 * Probes a batch of gateways at once over their real protocol (scheduled and manual probes alike),
 * storing each result and the gateway's new state as soon as it is in (with those that finished
 * meanwhile: see the recorder). Every batch this worker runs shares one pacer and one recorder, so a
 * probe's clock and deadline start when it does, and its slot is free again once it has its reading.
 */
export const probeGatewayJob = (ctx: Ctx) => {
  const pacer = createProbePacer({
    maxSlots: MAX_PROBES_IN_HANDSHAKE,
    releaseAfterMs: PROBE_SLOT_MS,
    busyLagMs: PROBE_BUSY_LAG_MS,
  })
  const recorder = createProbeRecorder(ctx)
  return defineJob<ProbeGatewayJob>({
    queue: QUEUES.probeGateway,
    concurrency: Math.max(1, Math.ceil(ctx.config.PROBE_CONCURRENCY / PROBE_BATCH_SIZE)),
    async process(job): Promise<ProbeResult[]> {
      const { gateway_ids: ids } = probeGatewayJobSchema.parse(job.data)
      const targets = await findGatewayProbeTargets(ctx.db, ids)
      const results = await Promise.all(
        targets.map(async (target) =>
          recorder.record(target.id, await pacer.run((release) => measuredProbe(ctx, target, release))),
        ),
      )
      return results.filter((result) => result !== null)
    },
  })
}
