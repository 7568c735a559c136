// npm run bench: how soon a healthy standby takes over when the primary gateway dies. A primary and
// a standby (priority 1) fake gateway on loopback and a real worker process probing every 5 s with
// FAILOVER_AFTER = 3 and the default probe timeout. Failure mode: the primary's fake stops (its
// port closes, so probes are refused at once). Measured: from the stop to this process hearing the
// worker's `gateway.failover` event on the Redis channel the api relays to browsers; beside it the
// failed probes of the primary stored before the move (exactly FAILOVER_AFTER, never fewer). Between
// runs the fake starts again on its port and the role goes back by hand (`failoverNow`), so
// FAILOVER_COOLDOWN_S = 0 here (in service it keeps a second automatic failover from following within
// 10 minutes). The stop follows a probe of the primary by moments (the restore waits for one), so
// each run sees about the longest wait: a whole interval before the first failed probe. BENCH_RUNS
// runs, min / median / max.
import type { ChildProcess } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { closeDb, createDb, failoverNow, schema } from '@mc/db'
import { databaseStem, ensureTestServices, redisPrefixStem } from '@mc/local-stack'
import { type FakeGateway, startFakeGateway } from '@mc/openclaw/fake'
import { createRedis, createTokenCipher } from '@mc/runtime'
import { benchScale, formatSpread, machineLoad, measureRuns, spreadOf } from '@mc/testing/bench-runs'
import { createScratchDatabase } from '@mc/testing/scratch-database'
import { and, eq, gte, ne, sql } from 'drizzle-orm'
import { workerConfigSchema } from '../src/config.ts'
import { startBenchWorker } from './support/bench-worker.ts'
import { subscribeToEvents } from './support/event-subscription.ts'

const PROBE_INTERVAL_S = 5
/** Under BENCH_SMOKE one failed probe is enough: the run only shows that the path still works. */
const FAILOVER_AFTER = benchScale(3, 1)
const PROBE_TIMEOUT_MS = workerConfigSchema.shape.PROBE_TIMEOUT_MS.parse(undefined)
const TARGET_S = FAILOVER_AFTER * PROBE_INTERVAL_S + PROBE_TIMEOUT_MS / 1000 + 1
/** Several probe intervals and slack: past this, the switch counts as never. */
const PATIENCE_MS = 60_000
const TOKEN = 'bench-token'

/** Waits until `done()`; throws, naming `what`, when PATIENCE_MS passed first. */
async function until(what: string, done: () => boolean | Promise<boolean>): Promise<void> {
  const giveUpAt = performance.now() + PATIENCE_MS
  while (!(await done())) {
    if (performance.now() > giveUpAt) throw new Error(`${what}: not within ${PATIENCE_MS / 1000} s`)
    await new Promise((r) => setTimeout(r, 25))
  }
}

async function main() {
  const services = await ensureTestServices()
  const scratch = await createScratchDatabase(services.postgresAdminUrl, databaseStem(services.runId))
  const db = createDb(scratch.url, { max: 4 })
  // Named for the run: `services.stop()` removes its keys, even after a failure.
  const prefix = `${redisPrefixStem(services.runId)}-failover`
  const secretKey = randomBytes(32).toString('base64')
  const cipher = createTokenCipher(secretKey)
  const redis = createRedis(services.redisUrl)
  const events = await subscribeToEvents(redis, prefix)
  let primaryFake: FakeGateway | undefined = await startFakeGateway({ token: TOKEN })
  const standbyFake = await startFakeGateway({ token: TOKEN })
  const primaryPort = primaryFake.port
  let worker: ChildProcess | undefined

  try {
    const [primary, standby] = await db
      .insert(schema.gateways)
      .values(
        [
          { name: 'bench-primary', host: '127.0.0.1', port: primaryPort, isPrimary: true },
          { name: 'bench-standby', host: '127.0.0.1', port: standbyFake.port, failoverPriority: 1 },
        ].map((gateway) => ({ ...gateway, token: cipher.encrypt(TOKEN) })),
      )
      .returning()
    if (!primary || !standby) throw new Error('the gateways were not created')
    worker = await startBenchWorker({
      dbUrl: scratch.url,
      redisUrl: services.redisUrl,
      prefix,
      secretKey,
      redis,
      env: {
        PROBE_INTERVAL_S: String(PROBE_INTERVAL_S),
        FAILOVER_AFTER: String(FAILOVER_AFTER),
        FAILOVER_COOLDOWN_S: '0',
      },
    })
    /** Whether the gateway's latest probe, stored after `since` (ms since epoch), found it online. */
    const onlineSince = async (id: number, since: number) => {
      const [row] = await db
        .select({ id: schema.gateways.id })
        .from(schema.gateways)
        .where(
          and(
            eq(schema.gateways.id, id),
            eq(schema.gateways.status, 'online'),
            gte(schema.gateways.lastProbeAt, new Date(since)),
          ),
        )
      return row !== undefined
    }
    const started = Date.now()
    await until(
      'both fakes online',
      async () => (await onlineSince(primary.id, started)) && (await onlineSince(standby.id, started)),
    )
    console.log(
      `failure mode: the primary's fake stops, its port closed (connection refused); probes every ${PROBE_INTERVAL_S} s, FAILOVER_AFTER ${FAILOVER_AFTER}, PROBE_TIMEOUT_MS ${PROBE_TIMEOUT_MS}, FAILOVER_COOLDOWN_S 0 (so that runs can repeat)`,
    )

    const failedProbes: number[] = []
    const errors = new Set<string>()
    const switchesS = await measureRuns(async (run) => {
      const heardBefore = events.heard.length
      const killedWall = Date.now()
      const killed = performance.now()
      await primaryFake?.stop()
      primaryFake = undefined
      const moved = () =>
        events.heard
          .slice(heardBefore)
          .find(
            ({ event }) =>
              event.type === 'gateway.failover' && event.from_id === primary.id && event.to_id === standby.id,
          )
      await until('the failover event', () => moved() !== undefined)
      const seconds = ((moved()?.at ?? Number.NaN) - killed) / 1000

      const [after] = await db.select().from(schema.gateways).where(eq(schema.gateways.id, standby.id))
      if (!after?.isPrimary) throw new Error('the event came but the standby is not the primary')
      const [failed] = await db.execute<{ n: number; error: string | null }>(sql`
        select count(*)::int as n, max(error) as error from gateway_probes
        where gateway_id = ${primary.id} and probed_at >= ${new Date(killedWall).toISOString()}
          and probed_at <= (select at from gateway_failovers order by id desc limit 1)
          and status <> 'online'`)
      failedProbes.push(failed?.n ?? 0)
      if (failed?.error) errors.add(failed.error)
      console.log(`run ${run}: switched after ${seconds.toFixed(2)} s, ${failed?.n} failed probes`)

      // Back as it was: the fake on its port again, probed online, and the role handed back.
      primaryFake = await startFakeGateway({ token: TOKEN, port: primaryPort })
      const restarted = Date.now()
      await until('the primary back online', () => onlineSince(primary.id, restarted))
      await failoverNow(db, { toId: primary.id, actor: 'bench', freshS: 2 * PROBE_INTERVAL_S })
      const [others] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(schema.gateways)
        .where(and(ne(schema.gateways.id, primary.id), eq(schema.gateways.isPrimary, true)))
      if ((others?.n ?? 0) > 0) throw new Error('the role did not go back to the primary')
      return seconds
    })

    const spread = spreadOf(switchesS)
    console.table([
      {
        measure: 'primary stopped (connection refused) → gateway.failover event heard',
        'min / median / max': formatSpread(spread, 's', 2),
        reference: `probes every ${PROBE_INTERVAL_S} s, FAILOVER_AFTER ${FAILOVER_AFTER}, timeout ${PROBE_TIMEOUT_MS / 1000} s`,
        machine: machineLoad(),
        target: `≤ ${TARGET_S} s (FAILOVER_AFTER × interval + timeout + 1 s)`,
        result: spread.max <= TARGET_S ? 'ok' : 'MISSED',
      },
      {
        measure: 'failed probes of the primary stored before the move',
        'min / median / max': failedProbes.join(' / '),
        reference: [...errors].join('; '),
        machine: '',
        target: `${FAILOVER_AFTER}`,
        result: failedProbes.every((n) => n === FAILOVER_AFTER) ? 'ok' : 'MISSED',
      },
    ])
  } finally {
    worker?.kill('SIGTERM')
    events.close()
    await Promise.all([primaryFake?.stop(), standbyFake.stop()])
    redis.disconnect()
    await closeDb(db)
    await scratch.drop()
    await services.stop()
  }
}

await main()
