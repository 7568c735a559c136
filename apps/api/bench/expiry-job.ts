// The whole expiry job through a real worker process: 100,000 CLI connections of which 10,000 are
// stale (2,000 agents go offline), timed from the job's enqueueing to its completion, i.e. the
// rows flipped and the events published. The SQL statement alone is timed beside it.
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { closeDb, createDb, expireConnections } from '@mc/db'
import { databaseStem, ensureTestServices, redisPrefixStem } from '@mc/local-stack'
import { bullPrefix, eventLogKey, QUEUES } from '@mc/runtime'
import { benchScale, formatSpread, machineLoad, measureRuns, spreadOf } from '@mc/testing/bench-runs'
import { createScratchDatabase } from '@mc/testing/scratch-database'
import { Queue, QueueEvents } from 'bullmq'
import { sql } from 'drizzle-orm'
import { Redis } from 'ioredis'
import { benchProcessEnv } from './support/bench-api.ts'

const CONNECTIONS = benchScale(100_000, 2000)
const STALE = benchScale(10_000, 200)
const AGENTS = benchScale(20_000, 400)
const TARGET_MS = 500
const WORKER_MAIN = fileURLToPath(new URL('../../worker/dist/main.js', import.meta.url))

const services = await ensureTestServices()
const scratch = await createScratchDatabase(services.postgresAdminUrl, databaseStem(services.runId))
const db = createDb(scratch.url, { max: 2 })
const redisPrefix = `${redisPrefixStem(services.runId)}-expiry`
const redis = new Redis(services.redisUrl, { maxRetriesPerRequest: null })
const queue = new Queue(QUEUES.expireConnections, { connection: redis, prefix: bullPrefix(redisPrefix) })
const eventsConnection = redis.duplicate()
const queueEvents = new QueueEvents(QUEUES.expireConnections, {
  connection: eventsConnection,
  prefix: bullPrefix(redisPrefix),
})
const worker = spawn(process.execPath, [WORKER_MAIN], {
  env: {
    ...benchProcessEnv(scratch.url, services.redisUrl, redisPrefix),
    // Only the jobs this bench enqueues run during the measurement.
    EXPIRY_SWEEP_S: '3600',
  },
  stdio: ['ignore', 'ignore', 'inherit'],
})

/** Every stale row live again (as a sweep found them) and the table vacuumed, as autovacuum keeps it. */
async function armStaleRows() {
  await db.execute(sql`
    update direct_connections set status = 'connected', disconnected_at = null, disconnect_reason = null
    where status = 'disconnected'`)
  await db.execute(sql`update agents set status = 'online' where status = 'offline'`)
  await db.execute(sql`vacuum analyze direct_connections`)
  await db.execute(sql`vacuum analyze agents`)
}

try {
  await queueEvents.waitUntilReady()
  // The schedule's first job runs as the worker starts: wait for it, so that it expires nothing later.
  while ((await queue.getCompletedCount()) === 0) {
    if (worker.exitCode !== null) throw new Error(`the worker exited with ${worker.exitCode}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  await db.execute(
    sql`insert into agents (name, status) select 'sweep-' || g, 'online' from generate_series(1, ${AGENTS}) g`,
  )
  // Every tenth connection is stale: agents 1, 11, 21, … have all five of theirs stale and go offline.
  await db.execute(sql`
    insert into direct_connections (agent_id, tool_name, connection_id, status, expires_at)
    select 1 + (g % ${AGENTS}), 'bench', 'conn-sweep-' || g, 'connected',
           case when g % ${CONNECTIONS / STALE} = 0 then now() - interval '1 minute' else now() + interval '1 minute' end
    from generate_series(1, ${CONNECTIONS}) g`)

  const outcomes: string[] = []
  const jobMs = await measureRuns(async () => {
    await armStaleRows()
    const logBefore = await redis.xlen(eventLogKey(redisPrefix))
    const job = await queue.add(QUEUES.expireConnections, {})
    const result = (await job.waitUntilFinished(queueEvents)) as { connections: number; agents: number }
    const done = await queue.getJob(job.id as string)
    if (!done?.finishedOn) throw new Error('the expiry job finished without a finish time')
    const events = (await redis.xlen(eventLogKey(redisPrefix))) - logBefore
    outcomes.push(`${result.connections}/${result.agents}/${events}`)
    return done.finishedOn - done.timestamp
  })
  const sqlMs = await measureRuns(async () => {
    await armStaleRows()
    const started = performance.now()
    await expireConnections(db)
    return performance.now() - started
  })
  const job = spreadOf(jobMs)
  console.table([
    {
      measure: `whole expiry job through a worker, enqueued → rows flipped and events published (${CONNECTIONS.toLocaleString('en')} connections, ${STALE.toLocaleString('en')} stale; expired connections/agents offline/events per run)`,
      'min / median / max': `${formatSpread(job, 'ms')} (${outcomes.join(', ')})`,
      reference: `its SQL statement alone: ${formatSpread(spreadOf(sqlMs), 'ms')}`,
      machine: machineLoad(),
      target: `≤ ${TARGET_MS} ms`,
      result: job.max <= TARGET_MS && outcomes.every((o) => o.startsWith(`${STALE}/`)) ? 'ok' : 'MISSED',
    },
  ])
} finally {
  const exited = new Promise((resolve) => worker.once('exit', resolve))
  worker.kill('SIGTERM')
  await exited
  await queueEvents.close()
  await queue.close()
  eventsConnection.disconnect()
  redis.disconnect()
  await closeDb(db)
  await scratch.drop()
  await services.stop()
}
